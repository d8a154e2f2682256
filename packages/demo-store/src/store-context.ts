import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CartStore } from './cart-store.js';
import type { Catalog } from './catalog.js';
import { readConsent, readCookie } from './cookies.js';
import type { SafeHtml } from './html.js';
import type { PageChrome } from './layout.js';

/** Name of the cookie that holds the shopper's cart id. */
export const CART_COOKIE = 'demo_cart';

/** What the routes share: the catalog, the carts and the filled tracker snippet. */
export interface StoreContext {
  readonly catalog: Catalog;
  readonly carts: CartStore;
  readonly snippet: SafeHtml;
}

/** The page chrome for this request: cart count, consent banner state and debug panel. */
export function chromeFor(request: FastifyRequest, context: StoreContext): PageChrome {
  const cookieHeader = request.headers.cookie;

  return {
    catalog: context.catalog,
    snippet: context.snippet,
    cartItemCount: context.carts.itemCount(readCookie(cookieHeader, CART_COOKIE)),
    consent: readConsent(cookieHeader),
    debug: queryOf(request).get('debug') === '1',
  };
}

/** The query string, read as URL search parameters: one string per name, never an array. */
export function queryOf(request: FastifyRequest): URLSearchParams {
  return new URL(request.url, 'http://demo-store.invalid').searchParams;
}

export function sendHtml(reply: FastifyReply, statusCode: number, body: string): FastifyReply {
  return reply.code(statusCode).type('text/html; charset=utf-8').send(body);
}
