import type { FastifyInstance } from 'fastify';

export interface BrowserOptions {
  readonly origin?: string;
  readonly userAgent?: string;
  /** Sent as Cloudflare's visitor-location headers (the test app trusts them). */
  readonly country?: string;
  readonly region?: string;
  readonly ip?: string;
}

export interface JsonResponse {
  readonly status: number;
  readonly body: string;
  readonly json: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  readonly setCookies: readonly string[];
}

export const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/131.0.0.0 Safari/537.36';
export const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

/**
 * A browser as the server sees one: a cookie jar, the dashboard's Origin on every request, and
 * the CSRF token the API last returned sent back as `x-csrf-token`.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: BrowserOptions = {},
  ) {}

  get(url: string): Promise<JsonResponse> {
    return this.request('GET', url);
  }

  post(url: string, body: unknown = {}, headers: Record<string, string> = {}) {
    return this.request('POST', url, body, headers);
  }

  put(url: string, body: unknown = {}) {
    return this.request('PUT', url, body);
  }

  patch(url: string, body: unknown = {}) {
    return this.request('PATCH', url, body);
  }

  delete(url: string) {
    return this.request('DELETE', url);
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<JsonResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...this.#headers(body !== undefined), ...extraHeaders },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const setCookies = this.#store(response.headers['set-cookie']);
    const json = parseJson(response.body);
    if (typeof json['csrfToken'] === 'string') this.csrfToken = json['csrfToken'];

    return {
      status: response.statusCode,
      body: response.body,
      json,
      headers: response.headers,
      setCookies,
    };
  }

  /** Forgets the session (as a new browser context would), keeping or dropping the device. */
  forgetSession(): void {
    this.cookies.delete('__Host-af_session');
    this.csrfToken = null;
  }

  #headers(hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      origin: this.options.origin ?? 'http://localhost:8080',
      'user-agent': this.options.userAgent ?? CHROME_UA,
      'x-forwarded-for': this.options.ip ?? '198.51.100.7',
      'cf-ipcountry': this.options.country ?? 'GB',
      'cf-region-code': this.options.region ?? 'ENG',
    };
    if (hasBody) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (this.csrfToken !== null) headers['x-csrf-token'] = this.csrfToken;
    return headers;
  }

  #store(header: string | string[] | number | undefined): string[] {
    const lines = typeof header === 'string' ? [header] : Array.isArray(header) ? header : [];
    for (const line of lines) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0\b/i.test(line);
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return lines;
  }
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : {};
  } catch {
    return {};
  }
}
