import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify';
import { registerAssetRoutes } from './asset-routes.js';
import { registerCartRoutes } from './cart-routes.js';
import { CartStore } from './cart-store.js';
import { type Catalog, DEMO_CATALOG } from './catalog.js';
import { trustedHtml } from './html.js';
import { renderErrorPage } from './pages.js';
import { registerSecurityHeaders } from './security-headers.js';
import { renderSnippet } from './snippet.js';
import { chromeFor, type StoreContext, sendHtml } from './store-context.js';
import { registerStoreRoutes } from './store-routes.js';

export { renderSnippet } from './snippet.js';

export interface DemoStoreOptions {
  readonly host: string;
  /** 0 picks a free port; `url` tells which. */
  readonly port: number;
  /** Origin of the Auraflow API that serves the tracker; allowed by the CSP. */
  readonly apiOrigin: string;
  /** The shop's public site key, filled into the loader tag. */
  readonly siteKey: string;
  /** The tracker build's `snippet.html` template, with its placeholders unfilled. */
  readonly snippetHtml: string;
  /** Pino or any pino-compatible logger; the store is silent without one. */
  readonly logger?: FastifyBaseLogger;
  /** Replaces the demo catalog, for tests. */
  readonly catalog?: Catalog;
}

export interface DemoStore {
  /** Where the store listens, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the demo storefront on an origin of its own: server-rendered pages with the tracker's
 * `data-af-*` markers, a consent banner, an in-memory cart, and the tracker snippet in every
 * page's `<head>`. Throws when `apiOrigin` is not an http(s) URL or the snippet template lacks
 * its placeholders. Carts live in memory and are gone after `close`.
 */
export async function startDemoStore(options: DemoStoreOptions): Promise<DemoStore> {
  const apiOrigin = httpOrigin(options.apiOrigin);
  const snippet = renderSnippet(options.snippetHtml, apiOrigin, options.siteKey);
  const context: StoreContext = {
    catalog: options.catalog ?? DEMO_CATALOG,
    carts: new CartStore(),
    snippet: trustedHtml(snippet),
  };

  const app = createApp(options.logger);
  registerSecurityHeaders(app, apiOrigin);
  registerRequestLog(app);
  registerErrorPage(app, context);
  await registerAssetRoutes(app);
  registerCartRoutes(app, context);
  registerStoreRoutes(app, context);

  await app.listen({ host: options.host, port: options.port });
  return { url: listeningUrl(app, options.host), close: () => app.close() };
}

function createApp(logger: FastifyBaseLogger | undefined): FastifyInstance {
  const settings = {
    // Fastify's own request lines log the URL with its query string (search terms); ours don't.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
  };

  return logger ? Fastify({ ...settings, loggerInstance: logger }) : Fastify(settings);
}

/** The API origin without path or trailing slash, as the CSP and the snippet need it. */
function httpOrigin(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new Error('apiOrigin must be an http or https URL.');
  }

  return url.origin;
}

/**
 * One line per response, by allow-list: method, route pattern (never the URL, whose query may
 * hold search terms), status and duration. No headers, so no cookies.
 */
function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const entry = {
      method: request.method,
      route: request.routeOptions.url ?? '(unmatched)',
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) request.log.error(entry, 'demo store request failed');
    else request.log.info(entry, 'demo store request completed');
  });
}

/** Body parse errors and the like get a page with a fixed message; 5xx are logged by code. */
function registerErrorPage(app: FastifyInstance, context: StoreContext): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const code = error.statusCode ?? 500;
    const status = code >= 400 && code < 500 ? code : 500;
    if (status >= 500)
      request.log.error({ errorCode: error.code ?? 'unknown' }, 'demo store error');

    return sendHtml(reply, status, renderErrorPage(chromeFor(request, context), status));
  });
}

function listeningUrl(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return `http://${urlHost}:${port}`;
}
