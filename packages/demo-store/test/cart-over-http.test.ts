import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import { cookiePair, fetchPage, postForm, startTestStore } from './support/store.js';

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store.close();
});

/** Adds an item as a first-time shopper and returns the new cart cookie. */
async function newCartWith(fields: Record<string, string>): Promise<string> {
  const added = await postForm(store, '/cart/add', fields);
  const cookie = cookiePair(added.headers, 'demo_cart');
  if (cookie === null) throw new Error('no demo_cart cookie');

  return cookie;
}

function cartLineCount(page: string): number {
  return page.match(/<li class="cart-line">/g)?.length ?? 0;
}

describe('the cart over HTTP', () => {
  it('answers an add with a 303 to /cart and an HttpOnly, SameSite=Lax cart cookie', async () => {
    const added = await postForm(store, '/cart/add', { product: 'linen-apron', variant: 'Oat' });
    const setCookie = added.headers.getSetCookie()[0] ?? '';

    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/cart');
    expect(setCookie).toMatch(/^demo_cart=[A-Za-z0-9_-]{22}; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('shows added items, merges repeats of a variant and counts them in the header', async () => {
    const cookie = await newCartWith({ product: 'linen-apron', variant: 'Oat', quantity: '2' });
    const again = await postForm(
      store,
      '/cart/add',
      { product: 'linen-apron', variant: 'Oat' },
      cookie,
    );
    await postForm(store, '/cart/add', { product: 'cast-iron-skillet', variant: '30 cm' }, cookie);
    const cart = await fetchPage(store, '/cart', { headers: { cookie } });

    expect(again.headers.getSetCookie()).toEqual([]);
    expect(cartLineCount(cart.html)).toBe(2);
    expect(cart.html).toContain('Colour: Oat · Quantity 3');
    expect(cart.html).toContain('Size: 30 cm · Quantity 1');
    expect(cart.html).toContain('<span data-cart-count>4</span>');
    // 3 × $38.00 + $54.00
    expect(cart.html).toContain('Subtotal <strong>$168.00</strong>');
  });

  it('removes a line with POST /cart/remove', async () => {
    const cookie = await newCartWith({ product: 'enamel-camp-mug', variant: 'Pine' });
    await postForm(store, '/cart/add', { product: 'riverstone-dry-bag' }, cookie);

    const removed = await postForm(store, '/cart/remove', { line: 'enamel-camp-mug:Pine' }, cookie);
    const cart = await fetchPage(store, '/cart', { headers: { cookie } });

    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/cart');
    expect(cartLineCount(cart.html)).toBe(1);
    expect(cart.html).not.toContain('Enamel Camp Mug');
    expect(cart.html).toContain('Riverstone Dry Bag');
  });

  it('keeps carts apart: another cookie sees an empty cart', async () => {
    await newCartWith({ product: 'bramble-chefs-knife' });
    const other = await newCartWith({ product: 'enamel-camp-mug' });
    const stranger = await fetchPage(store, '/cart', { headers: { cookie: 'demo_cart=x' } });
    const cart = await fetchPage(store, '/cart', { headers: { cookie: other } });

    expect(stranger.html).toContain('Your cart is empty.');
    expect(cart.html).not.toContain('Bramble Chef');
  });

  it('gives a cookie it never issued a fresh cart id', async () => {
    const forged = 'demo_cart=AAAAAAAAAAAAAAAAAAAAAA';
    const added = await postForm(store, '/cart/add', { product: 'linen-apron' }, forged);

    expect(cookiePair(added.headers, 'demo_cart')).not.toBe(forged);
  });

  it.each([
    ['an unknown product', { product: 'no-such-thing' }],
    ['an unknown variant', { product: 'linen-apron', variant: 'Purple' }],
    ['a zero quantity', { product: 'linen-apron', quantity: '0' }],
    ['a fractional quantity', { product: 'linen-apron', quantity: '1.5' }],
    ['too many items', { product: 'linen-apron', quantity: '11' }],
  ])('refuses %s with 400 and no cookie', async (_label, fields) => {
    const response = await postForm(store, '/cart/add', fields);

    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a remove without a line, and ignores a line that is not there', async () => {
    const cookie = await newCartWith({ product: 'linen-apron' });
    const missing = await postForm(store, '/cart/remove', {}, cookie);
    const unknown = await postForm(store, '/cart/remove', { line: 'nope:x' }, cookie);
    const cart = await fetchPage(store, '/cart', { headers: { cookie } });

    expect(missing.status).toBe(400);
    expect(unknown.status).toBe(303);
    expect(cartLineCount(cart.html)).toBe(1);
  });

  it('refuses a body that is not a form', async () => {
    const response = await fetchPage(store, '/cart/add', {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<add/>',
    });

    expect(response.status).toBe(415);
    expect(response.html).toContain('That request could not be handled.');
  });
});
