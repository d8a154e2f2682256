const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Already escaped fragments, one paragraph each. */
export function paragraphs(escaped: readonly string[]): string {
  return escaped.map((fragment) => `<p>${fragment}</p>`).join('\n');
}

/**
 * A minimal HTML document: no inline style or script, so it renders under the dashboard's
 * strict CSP in the development mailbox as well as in mail clients.
 */
export function htmlDocument(title: string, escapedBody: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body>\n${escapedBody}\n</body>`,
    '</html>',
  ].join('\n');
}
