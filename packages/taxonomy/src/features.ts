import type { SessionSignals } from './session-signals.js';

/**
 * The model's inputs, each a number in [0, 1]. Bounded features keep the logits bounded, so no
 * session, however long or odd, can push the classifier into overflow or into certainty.
 *
 * Naming: `…PerX` is a share of X (clamped to 1), `…Saturated` is a count mapped through
 * x / (x + h), which is 0.5 at the half-saturation count h and approaches 1 as x grows.
 */
export const FEATURE_NAMES = [
  'saleViewsPerPageView',
  'priceSortsSaturated',
  'priceFiltersSaturated',
  'nonPriceSortsSaturated',
  'searchesSaturated',
  'collectionViewsPerPageView',
  'distinctProductsSaturated',
  'repeatViewsPerProductView',
  'meanProductDwellSaturated',
  'meanScrollDepth',
  'reviewReadsPerProductView',
  'reviewDwellPerActiveTime',
  'variantChangesSaturated',
  'addToCartsPerProductView',
  'addToCartSpeed',
  'cartRemovalsPerAddToCart',
  'cartViewsSaturated',
  'returningVisitor',
  'pageViewsSaturated',
  'activeTimeWithoutCartSaturated',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Readonly<Record<FeatureName, number>>;

// The values, as plain constants so that the minifier writes them into `toFeatures` directly
// (the tracker bundle then needs no HALF_SATURATION object).
const HALF_PRICE_SORTS = 1;
const HALF_PRICE_FILTERS = 1;
const HALF_NON_PRICE_SORTS = 1;
const HALF_SEARCHES = 2;
const HALF_DISTINCT_PRODUCTS = 6;
const HALF_MEAN_PRODUCT_DWELL_MS = 45_000;
const HALF_VARIANT_CHANGES = 2;
const HALF_CART_VIEWS = 2;
const HALF_PAGE_VIEWS = 10;
const HALF_ACTIVE_MS_WITHOUT_CART = 300_000;
const HALF_MS_TO_FIRST_ADD_TO_CART = 60_000;

/**
 * Half-saturation points (the raw value at which a saturated feature is 0.5). These are the
 * project's own choices, picked so that a few interactions already count and a long session
 * cannot dominate; they are not taken from a study.
 */
export const HALF_SATURATION = {
  priceSorts: HALF_PRICE_SORTS,
  priceFilters: HALF_PRICE_FILTERS,
  nonPriceSorts: HALF_NON_PRICE_SORTS,
  searches: HALF_SEARCHES,
  distinctProducts: HALF_DISTINCT_PRODUCTS,
  meanProductDwellMs: HALF_MEAN_PRODUCT_DWELL_MS,
  variantChanges: HALF_VARIANT_CHANGES,
  cartViews: HALF_CART_VIEWS,
  pageViews: HALF_PAGE_VIEWS,
  activeMsWithoutCart: HALF_ACTIVE_MS_WITHOUT_CART,
  msToFirstAddToCart: HALF_MS_TO_FIRST_ADD_TO_CART,
} as const;

// Caps a counter so that Infinity still saturates to 1 instead of producing Infinity/Infinity.
const MAX_COUNT = 1e12;

/** A counter as a finite non-negative number: NaN, negatives and non-numbers count as zero. */
export function cleanCount(value: number): number {
  if (!(value > 0)) return 0;

  return Math.min(value, MAX_COUNT);
}

/** x / (x + half): 0 at zero, 0.5 at `half`, approaching 1. */
export function saturate(value: number, half: number): number {
  const count = cleanCount(value);

  return count / (count + half);
}

/** part / whole, clamped to [0, 1]; a part larger than its whole (inconsistent counters) is 1. */
export function share(part: number, whole: number): number {
  const cleanPart = cleanCount(part);
  const cleanWhole = Math.max(cleanCount(whole), cleanPart);

  return cleanWhole > 0 ? cleanPart / cleanWhole : 0;
}

/** Normalises raw session counters into the model's bounded features. */
export function toFeatures(signals: SessionSignals): Features {
  const speed = addToCartSpeed(signals.msToFirstAddToCart);
  const hasAddedToCart = speed > 0 || cleanCount(signals.addToCarts) > 0;
  const priceSorts = cleanCount(signals.priceSorts);

  return {
    saleViewsPerPageView: share(signals.saleViews, signals.pageViews),
    priceSortsSaturated: saturate(priceSorts, HALF_PRICE_SORTS),
    priceFiltersSaturated: saturate(signals.priceFilters, HALF_PRICE_FILTERS),
    nonPriceSortsSaturated: saturate(
      cleanCount(signals.sortChanges) - priceSorts,
      HALF_NON_PRICE_SORTS,
    ),
    searchesSaturated: saturate(signals.searches, HALF_SEARCHES),
    collectionViewsPerPageView: share(signals.collectionViews, signals.pageViews),
    distinctProductsSaturated: saturate(signals.distinctProducts, HALF_DISTINCT_PRODUCTS),
    repeatViewsPerProductView: repeatViewShare(signals),
    meanProductDwellSaturated: saturate(meanProductDwellMs(signals), HALF_MEAN_PRODUCT_DWELL_MS),
    meanScrollDepth: meanScrollDepth(signals),
    reviewReadsPerProductView: share(signals.reviewReads, signals.productViews),
    reviewDwellPerActiveTime: share(signals.reviewDwellMs, signals.activeMs),
    variantChangesSaturated: saturate(signals.variantChanges, HALF_VARIANT_CHANGES),
    addToCartsPerProductView: share(signals.addToCarts, signals.productViews),
    addToCartSpeed: speed,
    cartRemovalsPerAddToCart: share(signals.cartRemovals, signals.addToCarts),
    cartViewsSaturated: saturate(signals.cartViews, HALF_CART_VIEWS),
    returningVisitor: signals.returning === true ? 1 : 0,
    pageViewsSaturated: saturate(signals.pageViews, HALF_PAGE_VIEWS),
    activeTimeWithoutCartSaturated: hasAddedToCart
      ? 0
      : saturate(signals.activeMs, HALF_ACTIVE_MS_WITHOUT_CART),
  };
}

/** Share of product views that revisit an already seen product (status-quo behaviour). */
function repeatViewShare(signals: SessionSignals): number {
  const views = cleanCount(signals.productViews);
  const distinct = Math.min(cleanCount(signals.distinctProducts), views);

  return views > 0 ? (views - distinct) / views : 0;
}

/** Active product-page time per product view; dwell without a counted view counts as one view. */
function meanProductDwellMs(signals: SessionSignals): number {
  const views = Math.max(cleanCount(signals.productViews), 1);

  return cleanCount(signals.productDwellMs) / views;
}

/** Mean of the per-page maximum scroll depths, guarded for a session with no page view. */
function meanScrollDepth(signals: SessionSignals): number {
  const pageViews = cleanCount(signals.pageViews);
  if (pageViews === 0) return 0;

  return Math.min(cleanCount(signals.scrollDepthSum) / pageViews, 1);
}

/**
 * 1 for an add-to-cart at the very start, 0.5 after one minute of active time, towards 0 for a
 * late one, and 0 when nothing was added. Present bias shows as speed, not as the add itself.
 */
function addToCartSpeed(msToFirstAddToCart: number | null): number {
  // typeof also rejects a missing field from a corrupted stored session.
  if (typeof msToFirstAddToCart !== 'number' || Number.isNaN(msToFirstAddToCart)) return 0;

  const half = HALF_MS_TO_FIRST_ADD_TO_CART;

  return half / (cleanCount(msToFirstAddToCart) + half);
}
