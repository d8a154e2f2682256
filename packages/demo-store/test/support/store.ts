import { type DemoStore, type DemoStoreOptions, startDemoStore } from '../../src/demo-store.js';

export const API_ORIGIN = 'http://127.0.0.1:9';
export const SITE_KEY = 'site_test_key';

/** Shaped like the tracker build's snippet.html, without its real hashes. */
export const FAKE_SNIPPET_TEMPLATE =
  '<script src="{{API_ORIGIN}}/t/auraflow-loader.test.js" integrity="sha384-test" ' +
  'crossorigin="anonymous" defer data-site-key="{{SITE_KEY}}" data-api="{{API_ORIGIN}}"></script>\n';

/** Starts a demo store on a free loopback port with the fake snippet. */
export function startTestStore(overrides: Partial<DemoStoreOptions> = {}): Promise<DemoStore> {
  return startDemoStore({
    host: '127.0.0.1',
    port: 0,
    apiOrigin: API_ORIGIN,
    siteKey: SITE_KEY,
    snippetHtml: FAKE_SNIPPET_TEMPLATE,
    ...overrides,
  });
}

export interface Page {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

export async function fetchPage(
  store: DemoStore,
  path: string,
  init: RequestInit = {},
): Promise<Page> {
  const response = await fetch(new URL(path, store.url), { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The markup between `<head>` and `</head>`. */
export function headOf(html: string): string {
  const start = html.indexOf('<head>');
  const end = html.indexOf('</head>');
  if (start === -1 || end < start) throw new Error('no <head> in page');

  return html.slice(start, end);
}

/** The quoted attributes of the `<body>` start tag (a bare attribute maps to ''). */
export function bodyAttributes(html: string): Map<string, string> {
  const tag = /<body([^>]*)>/.exec(html)?.[1] ?? '';
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
    attributes.set(match[1] ?? '', match[2] ?? '');
  }

  return attributes;
}

/** The start tag of the first element carrying `attribute`, or null. */
export function startTagWith(html: string, attribute: string): string | null {
  const pattern = new RegExp(`<[a-z]+\\b[^>]*\\s${attribute}(?:[\\s=>])[^>]*>?`);
  return pattern.exec(html)?.[0] ?? null;
}

/** Posts an HTML form the way a browser does. */
export function postForm(
  store: DemoStore,
  path: string,
  fields: Record<string, string>,
  cookie?: string,
): Promise<Page> {
  return fetchPage(store, path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie === undefined ? {} : { cookie }),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** `name=value` of the first Set-Cookie named `name`, ready for a Cookie header. */
export function cookiePair(headers: Headers, name: string): string | null {
  const cookie = headers.getSetCookie().find((value) => value.startsWith(`${name}=`));
  return cookie?.split(';')[0] ?? null;
}
