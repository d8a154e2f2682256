import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import { fetchPage, startTestStore } from './support/store.js';

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store.close();
});

/** Product names in page order, read from the product cards. */
async function productNames(path: string): Promise<string[]> {
  const { html } = await fetchPage(store, path);
  return [...html.matchAll(/<span class="product-card-name">([^<]+)<\/span>/g)].map(
    (match) => match[1] ?? '',
  );
}

/** Prices in cents, in page order, read from the product cards' first price. */
async function productPrices(path: string): Promise<number[]> {
  const { html } = await fetchPage(store, path);
  const cards = html.split('<li class="product-card">').slice(1);
  return cards.map((card) => Math.round(Number(/\$(\d+\.\d\d)/.exec(card)?.[1]) * 100));
}

describe('collection sorting and filtering by query string', () => {
  it('lists the featured order by default', async () => {
    expect(await productNames('/collections/sale')).toEqual([
      'Ridgeline Trail Lantern',
      'Alder Trekking Poles',
      'Stoneware Pour-Over Set',
      'Linen Apron',
    ]);
  });

  it('sorts by price both ways', async () => {
    const ascending = await productPrices('/collections/outdoor?sort=price-ascending');
    const descending = await productPrices('/collections/outdoor?sort=price-descending');

    expect(ascending).toEqual([1600, 2400, 3400, 5800, 7200, 8900]);
    expect(descending).toEqual([...ascending].reverse());
  });

  it('sorts by rating, best first', async () => {
    const names = await productNames('/collections/kitchen?sort=rating');

    expect(names[0]).toBe('End-Grain Cutting Board');
    expect(names.at(-1)).toBe('Salt &amp; Pepper Mill Set');
  });

  it('keeps the chosen sort selected', async () => {
    const { html } = await fetchPage(store, '/collections/kitchen?sort=rating');

    expect(html).toContain('<option value="rating" selected>Top rated</option>');
  });

  it('filters by an inclusive price range in whole dollars and echoes it', async () => {
    const path = '/collections/outdoor?sort=price-ascending&min=24&max=58';
    const { html } = await fetchPage(store, path);

    expect(await productPrices(path)).toEqual([2400, 3400, 5800]);
    expect(html).toContain('Showing 3 of 6 products');
    expect(html).toMatch(/name="min"[^>]*value="24"/);
    expect(html).toMatch(/name="max"[^>]*value="58"/);
  });

  it('ignores unknown sorts and malformed bounds', async () => {
    const path = '/collections/outdoor?sort=drop-table&min=abc&max=-5';

    expect(await productNames(path)).toEqual(await productNames('/collections/outdoor'));
  });

  it('says so when the range matches nothing', async () => {
    const { html } = await fetchPage(store, '/collections/kitchen?min=1000');

    expect(html).toContain('No products in this price range.');
  });
});

describe('search', () => {
  it('finds products by name or description, case-insensitively', async () => {
    expect(await productNames('/search?q=LINEN')).toEqual(['Linen Apron']);
    expect(await productNames('/search?q=coffee')).toEqual(['Stoneware Pour-Over Set']);
  });

  it('shows a prompt for an empty query and a message when nothing matches', async () => {
    expect((await fetchPage(store, '/search')).html).toContain('Type a word');
    expect((await fetchPage(store, '/search?q=zzzz')).html).toContain('0 results for “zzzz”');
  });
});
