import { describe, expect, it } from 'vitest';
import { DEMO_CATALOG } from '../src/catalog.js';
import { isOnSale } from '../src/catalog-queries.js';

const { collections, products } = DEMO_CATALOG;

describe('the demo catalog', () => {
  it('has twelve products with unique handles in three collections', () => {
    expect(products).toHaveLength(12);
    expect(new Set(products.map((product) => product.handle)).size).toBe(12);
    expect(collections.map((collection) => collection.handle)).toEqual([
      'outdoor',
      'kitchen',
      'sale',
    ]);
  });

  it('lists every product in known collections only', () => {
    const known = new Set(collections.map((collection) => collection.handle));

    for (const product of products) {
      expect(product.collections.length).toBeGreaterThan(0);
      for (const handle of product.collections) expect(known.has(handle)).toBe(true);
    }
  });

  it('puts exactly the discounted products in the sale collection', () => {
    for (const product of products) {
      expect(product.collections.includes('sale')).toBe(isOnSale(product));
      if (product.compareAtPriceCents !== undefined) expect(isOnSale(product)).toBe(true);
    }
  });

  it('gives every product a positive whole-cent price, two variants and 3–6 reviews', () => {
    for (const product of products) {
      expect(Number.isInteger(product.priceCents) && product.priceCents > 0).toBe(true);
      expect(new Set(product.option.values).size).toBe(2);
      expect(product.reviews.length).toBeGreaterThanOrEqual(3);
      expect(product.reviews.length).toBeLessThanOrEqual(6);
    }
  });

  it('uses handles that are safe URL segments', () => {
    for (const product of products) expect(product.handle).toMatch(/^[a-z0-9-]+$/);
  });
});
