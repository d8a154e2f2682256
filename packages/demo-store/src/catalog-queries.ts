import type { Catalog, Collection, Product } from './catalog.js';

/** Sort orders of a collection page. Both price sorts contain "price", as the tracker expects. */
export const SORT_ORDERS = ['featured', 'price-ascending', 'price-descending', 'rating'] as const;

export type SortOrder = (typeof SORT_ORDERS)[number];

/** Inclusive bounds in cents; null means unbounded on that side. */
export interface PriceRange {
  readonly minCents: number | null;
  readonly maxCents: number | null;
}

/** Longest search query looked at; the rest is ignored. */
export const MAX_SEARCH_QUERY_LENGTH = 80;

export function findProduct(catalog: Catalog, handle: string): Product | undefined {
  return catalog.products.find((product) => product.handle === handle);
}

export function findCollection(catalog: Catalog, handle: string): Collection | undefined {
  return catalog.collections.find((collection) => collection.handle === handle);
}

/** The products a collection lists, in featured order. */
export function productsIn(catalog: Catalog, collection: Collection): Product[] {
  return catalog.products.filter((product) => product.collections.includes(collection.handle));
}

export function isOnSale(product: Product): boolean {
  return (
    product.compareAtPriceCents !== undefined && product.compareAtPriceCents > product.priceCents
  );
}

/** Mean star rating, 0 for a product without reviews. */
export function averageRating(product: Product): number {
  if (product.reviews.length === 0) return 0;

  const total = product.reviews.reduce((sum, review) => sum + review.rating, 0);
  return total / product.reviews.length;
}

/** Parses a `sort` query value; anything unknown is the featured order. */
export function parseSortOrder(value: string | null): SortOrder {
  return SORT_ORDERS.find((order) => order === value) ?? 'featured';
}

/** Returns a new array; `Array.prototype.sort` is stable, so ties keep the featured order. */
export function sortProducts(products: readonly Product[], order: SortOrder): Product[] {
  const sorted = [...products];
  if (order === 'price-ascending') sorted.sort((a, b) => a.priceCents - b.priceCents);
  if (order === 'price-descending') sorted.sort((a, b) => b.priceCents - a.priceCents);
  if (order === 'rating') sorted.sort((a, b) => averageRating(b) - averageRating(a));

  return sorted;
}

/**
 * Reads `min` and `max` query values, in whole currency units as the shopper types them.
 * Empty, negative or non-numeric values leave that side unbounded.
 */
export function parsePriceRange(min: string | null, max: string | null): PriceRange {
  return { minCents: toCents(min), maxCents: toCents(max) };
}

function toCents(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;

  const units = Number(value);
  return Number.isFinite(units) && units >= 0 ? Math.round(units * 100) : null;
}

export function filterByPrice(products: readonly Product[], range: PriceRange): Product[] {
  return products.filter(
    (product) =>
      (range.minCents === null || product.priceCents >= range.minCents) &&
      (range.maxCents === null || product.priceCents <= range.maxCents),
  );
}

/** Case-insensitive match on name and description; an empty query finds nothing. */
export function searchProducts(catalog: Catalog, query: string): Product[] {
  const needle = normaliseQuery(query).toLowerCase();
  if (needle === '') return [];

  return catalog.products.filter((product) =>
    `${product.name} ${product.description}`.toLowerCase().includes(needle),
  );
}

export function normaliseQuery(query: string): string {
  return query.trim().slice(0, MAX_SEARCH_QUERY_LENGTH);
}
