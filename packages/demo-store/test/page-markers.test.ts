import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import {
  bodyAttributes,
  fetchPage,
  postForm,
  startTagWith,
  startTestStore,
} from './support/store.js';

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store.close();
});

describe('page markers the tracker reads', () => {
  it('marks the home page', async () => {
    const page = await fetchPage(store, '/');

    expect(page.status).toBe(200);
    expect(bodyAttributes(page.html).get('data-af-page-type')).toBe('home');
  });

  it('marks a collection page with its handle, sort select and price filter inputs', async () => {
    const page = await fetchPage(store, '/collections/outdoor');
    const body = bodyAttributes(page.html);

    expect(body.get('data-af-page-type')).toBe('collection');
    expect(body.get('data-af-collection')).toBe('outdoor');
    expect(body.has('data-af-sale')).toBe(false);
    expect(startTagWith(page.html, 'data-af-sort')).toMatch(/^<select\b/);
    expect(page.html.match(/<input\b[^>]*data-af-price-filter/g)).toHaveLength(2);
  });

  it('offers featured, both price sorts and rating, price sorts containing "price"', async () => {
    const page = await fetchPage(store, '/collections/kitchen');
    const values = [...page.html.matchAll(/<option value="([^"]+)"/g)].map((match) => match[1]);

    expect(values).toEqual(['featured', 'price-ascending', 'price-descending', 'rating']);
  });

  it('marks the sale collection as a sale page', async () => {
    const page = await fetchPage(store, '/collections/sale');
    const body = bodyAttributes(page.html);

    expect(body.get('data-af-page-type')).toBe('collection');
    expect(body.get('data-af-sale')).toBe('true');
  });

  it('marks a product page with its id, variant inputs, add-to-cart button and reviews', async () => {
    const page = await fetchPage(store, '/products/packable-rain-shell');
    const body = bodyAttributes(page.html);

    expect(body.get('data-af-page-type')).toBe('product');
    expect(body.get('data-af-product-id')).toBe('packable-rain-shell');
    expect(body.has('data-af-sale')).toBe(false);
    expect(page.html.match(/<input\b[^>]*type="radio"[^>]*data-af-variant/g)).toHaveLength(2);
    expect(startTagWith(page.html, 'data-af-add-to-cart')).toMatch(/^<button\b/);
    expect(startTagWith(page.html, 'data-af-reviews')).toMatch(/^<section\b/);
    expect(page.html).toContain('Stayed dry through a whole afternoon of drizzle.');
  });

  it('puts the reviews after the add-to-cart form and the details', async () => {
    const { html } = await fetchPage(store, '/products/cast-iron-skillet');

    expect(html.indexOf('data-af-reviews')).toBeGreaterThan(html.indexOf('data-af-add-to-cart'));
    expect(html.indexOf('data-af-reviews')).toBeGreaterThan(html.indexOf('product-details'));
  });

  it('shows the compare-at price and the sale marker on a discounted product', async () => {
    const page = await fetchPage(store, '/products/linen-apron');

    expect(bodyAttributes(page.html).get('data-af-sale')).toBe('true');
    expect(page.html).toMatch(/<s class="compare-at">.*\$52\.00<\/s>/);
    expect(page.html).toContain('$38.00');
  });

  it('marks the cart page and gives each line a remove button', async () => {
    const added = await postForm(store, '/cart/add', { product: 'enamel-camp-mug' });
    const cookie = added.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const page = await fetchPage(store, '/cart', { headers: { cookie } });

    expect(bodyAttributes(page.html).get('data-af-page-type')).toBe('cart');
    expect(startTagWith(page.html, 'data-af-cart-remove')).toMatch(/^<button\b/);
  });

  it('marks the search page', async () => {
    const page = await fetchPage(store, '/search?q=lantern');

    expect(bodyAttributes(page.html).get('data-af-page-type')).toBe('search');
    expect(page.html).toContain('Ridgeline Trail Lantern');
  });
});
