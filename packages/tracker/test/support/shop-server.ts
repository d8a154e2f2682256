import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from './listen.js';

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Products shown with a compare-at price, so their pages count as sale pages. */
const SALE_PRODUCTS = new Set(['p1', 'p2', 'p3']);

export interface ShopOptions {
  /** dist/snippet.html of the build under test. */
  snippetTemplate: string;
  apiOrigin: string;
  siteKey: string;
  /** Adds the test-only `data-allow-automation` attribute to the loader tag. */
  allowAutomation: boolean;
  /**
   * Host name the browser uses for the shop: '127.0.0.1' (default) or 'localhost'. Both reach
   * the same loopback server but are different sites with separate cookie jars.
   */
  host?: string;
}

export interface ShopServer {
  origin: string;
  close(): Promise<void>;
}

/** The fixture store: a handful of pages with the tracker's markers and a consent banner. */
export async function startShopServer(options: ShopOptions): Promise<ShopServer> {
  const host = options.host ?? '127.0.0.1';
  const snippet = options.snippetTemplate
    .trim()
    .replaceAll('{{API_ORIGIN}}', options.apiOrigin)
    .replaceAll('{{SITE_KEY}}', options.siteKey)
    .replace('<script ', options.allowAutomation ? '<script data-allow-automation ' : '<script ');
  const header = await readFile(`${fixturesDir}_header.html`, 'utf8');

  const page = async (name: string, values: Record<string, string> = {}): Promise<string> => {
    let html = await readFile(`${fixturesDir}${name}.html`, 'utf8');
    for (const [key, value] of Object.entries({ SNIPPET: snippet, HEADER: header, ...values })) {
      html = html.replaceAll(`{{${key}}}`, value);
    }
    return html;
  };

  const route = async (path: string): Promise<[string, string] | null> => {
    const html = (name: string, values?: Record<string, string>) =>
      page(name, values).then((body): [string, string] => ['text/html; charset=utf-8', body]);

    if (path === '/') return html('home');
    if (path === '/cart') return html('cart');
    if (path === '/search') return html('search');
    if (path === '/shopify') return html('shopify-product');

    const collection = /^\/collections\/([a-z-]+)$/.exec(path)?.[1];
    if (collection) {
      return html('collection', {
        COLLECTION: collection,
        SALE: String(collection === 'sale'),
      });
    }

    const product = /^\/products\/(p\d)$/.exec(path)?.[1];
    if (product) {
      const sale = SALE_PRODUCTS.has(product);
      return html('product', {
        PRODUCT_ID: product,
        PRICE: sale ? '<s>€80</s> €56' : '€80',
        SALE: String(sale),
      });
    }

    const asset = /^\/assets\/([a-z-]+\.js)$/.exec(path)?.[1];
    if (asset) {
      const body = await readFile(`${fixturesDir}${asset}`, 'utf8');
      return ['text/javascript; charset=utf-8', body];
    }

    return null;
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    route(path).then(
      (found) => {
        if (!found) return void response.writeHead(404).end('not found');
        response.writeHead(200, { 'Content-Type': found[0], 'Cache-Control': 'no-store' });
        response.end(found[1]);
      },
      () => response.writeHead(500).end(),
    );
  });

  const port = await listenOnLoopback(server);

  return {
    origin: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
