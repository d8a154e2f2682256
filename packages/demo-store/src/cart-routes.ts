import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CartStore } from './cart-store.js';
import type { Product } from './catalog.js';
import { findProduct } from './catalog-queries.js';
import { readCookie } from './cookies.js';
import { renderErrorPage } from './pages.js';
import { CART_COOKIE, chromeFor, type StoreContext, sendHtml } from './store-context.js';

/** Cart forms carry a handful of short fields. */
const FORM_BODY_LIMIT_BYTES = 4 * 1024;

/** Most items one add-to-cart may add; matches the quantity input's `max`. */
export const MAX_ADD_QUANTITY = 10;

interface AddRequest {
  readonly product: Product;
  readonly variant: string;
  readonly quantity: number;
}

/**
 * `POST /cart/add` and `POST /cart/remove`, plain HTML form posts answered with a redirect to
 * the cart (303, so the browser follows with GET). The cart cookie is `SameSite=Lax`, so a
 * form on another site cannot post into a shopper's cart.
 */
export function registerCartRoutes(app: FastifyInstance, context: StoreContext): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, new URLSearchParams(String(body))),
  );

  app.post('/cart/add', async (request, reply) => {
    const add = readAddRequest(formOf(request), context);
    if (!add) return sendHtml(reply, 400, renderErrorPage(chromeFor(request, context), 400));

    const cartId = cartIdFor(request, reply, context.carts);
    context.carts.add(cartId, add.product.handle, add.variant, add.quantity);
    return reply.redirect('/cart', 303);
  });

  app.post('/cart/remove', async (request, reply) => {
    const line = formOf(request).get('line');
    if (line === null)
      return sendHtml(reply, 400, renderErrorPage(chromeFor(request, context), 400));

    context.carts.remove(readCookie(request.headers.cookie, CART_COOKIE), line);
    return reply.redirect('/cart', 303);
  });
}

function formOf(request: FastifyRequest): URLSearchParams {
  return request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
}

/** The product, one of its two variant values (the first by default) and 1–10 items. */
function readAddRequest(form: URLSearchParams, context: StoreContext): AddRequest | null {
  const product = findProduct(context.catalog, form.get('product') ?? '');
  if (!product) return null;

  const variant = form.get('variant') ?? product.option.values[0];
  const quantity = Number(form.get('quantity') ?? '1');
  if (!product.option.values.includes(variant)) return null;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_ADD_QUANTITY) return null;

  return { product, variant, quantity };
}

/** The shopper's cart id; a shopper without a known cart gets a new id in a new cookie. */
function cartIdFor(request: FastifyRequest, reply: FastifyReply, carts: CartStore): string {
  const current = readCookie(request.headers.cookie, CART_COOKIE);
  if (current !== null && carts.has(current)) return current;

  const id = CartStore.newCartId();
  reply.header('set-cookie', `${CART_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
  return id;
}
