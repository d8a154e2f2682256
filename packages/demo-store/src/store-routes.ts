import type { FastifyInstance } from 'fastify';
import {
  findCollection,
  findProduct,
  normaliseQuery,
  parsePriceRange,
  parseSortOrder,
} from './catalog-queries.js';
import { readCookie } from './cookies.js';
import {
  renderCart,
  renderCollection,
  renderHome,
  renderNotFound,
  renderProduct,
  renderSearch,
} from './pages.js';
import { CART_COOKIE, chromeFor, queryOf, type StoreContext, sendHtml } from './store-context.js';

interface HandleParams {
  Params: { handle: string };
}

/** The storefront pages, and the 404 page for everything else. */
export function registerStoreRoutes(app: FastifyInstance, context: StoreContext): void {
  app.get('/', async (request, reply) =>
    sendHtml(reply, 200, renderHome(chromeFor(request, context))),
  );

  app.get<HandleParams>('/collections/:handle', async (request, reply) => {
    const collection = findCollection(context.catalog, request.params.handle);
    if (!collection) return reply.callNotFound();

    const query = queryOf(request);
    const view = {
      sort: parseSortOrder(query.get('sort')),
      priceRange: parsePriceRange(query.get('min'), query.get('max')),
    };
    return sendHtml(reply, 200, renderCollection(chromeFor(request, context), collection, view));
  });

  app.get<HandleParams>('/products/:handle', async (request, reply) => {
    const product = findProduct(context.catalog, request.params.handle);
    if (!product) return reply.callNotFound();

    return sendHtml(reply, 200, renderProduct(chromeFor(request, context), product));
  });

  app.get('/cart', async (request, reply) => {
    const lines = context.carts.lines(readCookie(request.headers.cookie, CART_COOKIE));
    return sendHtml(reply, 200, renderCart(chromeFor(request, context), lines));
  });

  app.get('/search', async (request, reply) => {
    const query = normaliseQuery(queryOf(request).get('q') ?? '');
    return sendHtml(reply, 200, renderSearch(chromeFor(request, context), query));
  });

  app.setNotFoundHandler(async (request, reply) =>
    sendHtml(reply, 404, renderNotFound(chromeFor(request, context))),
  );
}
