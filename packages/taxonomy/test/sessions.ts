/**
 * Session fixtures shared by the taxonomy tests. The three journeys at the end are mirrored by
 * the tracker's browser tests: the comments list the clicks that produce each set of counters.
 */
import type { ArchetypeId, SessionSignals } from '../src/index.js';
import { emptySignals } from '../src/index.js';

const SECOND_MS = 1000;

/**
 * A middling visit with no strong lean: a few collection and product pages, one search, one
 * review glance, 20 s per product page, scrolling under half way, nothing in the cart.
 */
export function neutralSession(): SessionSignals {
  return {
    ...emptySignals(),
    pageViews: 6,
    productViews: 3,
    distinctProducts: 3,
    collectionViews: 2,
    searches: 1,
    reviewReads: 1,
    reviewDwellMs: 8 * SECOND_MS,
    activeMs: 150 * SECOND_MS,
    productDwellMs: 60 * SECOND_MS,
    scrollDepthSum: 2.4,
  };
}

/**
 * Each archetype's defining behaviour added to the neutral session with strength `level`
 * (0 = the neutral session itself). Every step adds only behaviour the archetype is defined by.
 */
export const INTENSIFY: Readonly<
  Record<ArchetypeId, (base: SessionSignals, level: number) => SessionSignals>
> = {
  deal_seeker: (base, level) => ({
    ...base,
    pageViews: base.pageViews + 2 * level,
    collectionViews: base.collectionViews + level,
    saleViews: base.saleViews + 2 * level,
    sortChanges: base.sortChanges + level,
    priceSorts: base.priceSorts + level,
    priceFilters: base.priceFilters + level,
    activeMs: base.activeMs + 20 * SECOND_MS * level,
  }),
  researcher: (base, level) => {
    const productViews = base.productViews + 2 * level;
    const pageViews = base.pageViews + 2 * level;
    const baseDwellPerProductMs = base.productDwellMs / Math.max(base.productViews, 1);
    const productDwellMs = productViews * (baseDwellPerProductMs + 20 * SECOND_MS * level);
    const baseScrollDepth = base.scrollDepthSum / Math.max(base.pageViews, 1);

    return {
      ...base,
      pageViews,
      productViews,
      distinctProducts: base.distinctProducts + 2 * level,
      productDwellMs,
      activeMs: base.activeMs + productDwellMs - base.productDwellMs,
      scrollDepthSum: pageViews * Math.min(baseScrollDepth + 0.1 * level, 0.95),
      reviewReads: base.reviewReads + level,
      reviewDwellMs: base.reviewDwellMs + 10 * SECOND_MS * level,
      variantChanges: base.variantChanges + level,
    };
  },
  impulse_buyer: (base, level) => {
    if (level === 0) return base;

    return {
      ...base,
      addToCarts: base.addToCarts + 1,
      msToFirstAddToCart: 240_000 / 2 ** level,
      productDwellMs: base.productDwellMs / (1 + level),
    };
  },
  social_proof_seeker: (base, level) => ({
    ...base,
    reviewReads: base.reviewReads + 2 * level,
    reviewDwellMs: base.reviewDwellMs + 30 * SECOND_MS * level,
    activeMs: base.activeMs + 30 * SECOND_MS * level,
  }),
  loyalist: (base, level) => ({
    ...base,
    returning: base.returning || level > 0,
    pageViews: base.pageViews + 2 * level,
    productViews: base.productViews + 2 * level,
    cartViews: base.cartViews + level,
  }),
  explorer: (base, level) => ({
    ...base,
    pageViews: base.pageViews + 4 * level,
    collectionViews: base.collectionViews + 3 * level,
    productViews: base.productViews + level,
    distinctProducts: base.distinctProducts + level,
    productDwellMs: base.productDwellMs + 8 * SECOND_MS * level,
    activeMs: base.activeMs + 30 * SECOND_MS * level,
  }),
  overwhelmed: (base, level) => ({
    ...base,
    pageViews: base.pageViews + level,
    searches: base.searches + level,
    sortChanges: base.sortChanges + level,
    activeMs: base.activeMs + 90 * SECOND_MS * level,
  }),
};

/**
 * Deal seeker journey (new visitor, about 4 minutes):
 * home; the "Sale" collection; sort it by price, low to high; set a price filter twice; open
 * two sale products (compare-at price shown); back to the sale collection; the "Shoes"
 * collection sorted by price, high to low; one more sale product; one review section glanced at.
 */
export function dealSeekerJourney(): SessionSignals {
  return {
    ...emptySignals(),
    pageViews: 8,
    collectionViews: 3,
    productViews: 3,
    distinctProducts: 3,
    saleViews: 5,
    sortChanges: 2,
    priceSorts: 2,
    priceFilters: 2,
    reviewReads: 0,
    activeMs: 240 * SECOND_MS,
    productDwellMs: 60 * SECOND_MS,
    scrollDepthSum: 4,
  };
}

/**
 * Researcher journey (new visitor, about 14 minutes):
 * one search; seven product pages (six distinct, one revisited) read for about 80 s each,
 * scrolled almost to the bottom; reviews read on five of them; colour or size switched six
 * times; two collection pages; no add-to-cart.
 */
export function researcherJourney(): SessionSignals {
  return {
    ...emptySignals(),
    pageViews: 10,
    productViews: 7,
    distinctProducts: 6,
    collectionViews: 2,
    searches: 1,
    reviewReads: 5,
    reviewDwellMs: 100 * SECOND_MS,
    activeMs: 840 * SECOND_MS,
    productDwellMs: 560 * SECOND_MS,
    scrollDepthSum: 8.5,
    variantChanges: 6,
  };
}

/**
 * Impulse buyer journey (new visitor, under a minute):
 * home; one product page for 15 s at shallow scroll; add to cart 20 s into the visit; cart.
 */
export function impulseBuyerJourney(): SessionSignals {
  return {
    ...emptySignals(),
    pageViews: 3,
    productViews: 1,
    distinctProducts: 1,
    activeMs: 45 * SECOND_MS,
    productDwellMs: 15 * SECOND_MS,
    scrollDepthSum: 0.9,
    addToCarts: 1,
    cartViews: 1,
    msToFirstAddToCart: 20 * SECOND_MS,
  };
}
