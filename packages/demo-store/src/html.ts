/**
 * Markup that may be inserted as is: built by the `html` tag, whose interpolations are escaped,
 * or vouched for with `trustedHtml`. Pages are only ever built from these, so a plain string
 * can never reach the output unescaped.
 */
export class SafeHtml {
  readonly #markup: string;

  private constructor(markup: string) {
    this.#markup = markup;
  }

  /** For the `html` tag and `trustedHtml` only. */
  static fromMarkup(markup: string): SafeHtml {
    return new SafeHtml(markup);
  }

  toString(): string {
    return this.#markup;
  }
}

/** What may appear in `${…}`: `false`, null and undefined render nothing, for conditionals. */
export type HtmlValue =
  | string
  | number
  | SafeHtml
  | readonly HtmlValue[]
  | false
  | null
  | undefined;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML content and for quoted attribute values (both quote kinds). Not enough
 * for unquoted attributes, URLs in `href` from untrusted sources, or script and style content:
 * the templates use none of those.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** Template tag: escapes every interpolated string and number, keeps `SafeHtml` as it is. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });

  return SafeHtml.fromMarkup(markup);
}

/** Marks markup we produced ourselves (such as the build's tracker snippet) as safe. */
export function trustedHtml(markup: string): SafeHtml {
  return SafeHtml.fromMarkup(markup);
}

function render(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));

  return value.map(render).join('');
}
