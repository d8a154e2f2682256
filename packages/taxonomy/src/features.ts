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

/**
 * Half-saturation points (the raw value at which a saturated feature is 0.5). These are the
 * project's own choices, picked so that a few interactions already count and a long session
 * cannot dominate; they are not taken from a study.
 */
export const HALF_SATURATION = {
  priceSorts: 1,
  priceFilters: 1,
  nonPriceSorts: 1,
  searches: 2,
  distinctProducts: 6,
  meanProductDwellMs: 45_000,
  variantChanges: 2,
  cartViews: 2,
  pageViews: 10,
  activeMsWithoutCart: 300_000,
  msToFirstAddToCart: 60_000,
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
    priceSortsSaturated: saturate(priceSorts, HALF_SATURATION.priceSorts),
    priceFiltersSaturated: saturate(signals.priceFilters, HALF_SATURATION.priceFilters),
    nonPriceSortsSaturated: saturate(
      cleanCount(signals.sortChanges) - priceSorts,
      HALF_SATURATION.nonPriceSorts,
    ),
    searchesSaturated: saturate(signals.searches, HALF_SATURATION.searches),
    collectionViewsPerPageView: share(signals.collectionViews, signals.pageViews),
    distinctProductsSaturated: saturate(signals.distinctProducts, HALF_SATURATION.distinctProducts),
    repeatViewsPerProductView: repeatViewShare(signals),
    meanProductDwellSaturated: saturate(
      meanProductDwellMs(signals),
      HALF_SATURATION.meanProductDwellMs,
    ),
    meanScrollDepth: meanScrollDepth(signals),
    reviewReadsPerProductView: share(signals.reviewReads, signals.productViews),
    reviewDwellPerActiveTime: share(signals.reviewDwellMs, signals.activeMs),
    variantChangesSaturated: saturate(signals.variantChanges, HALF_SATURATION.variantChanges),
    addToCartsPerProductView: share(signals.addToCarts, signals.productViews),
    addToCartSpeed: speed,
    cartRemovalsPerAddToCart: share(signals.cartRemovals, signals.addToCarts),
    cartViewsSaturated: saturate(signals.cartViews, HALF_SATURATION.cartViews),
    returningVisitor: signals.returning === true ? 1 : 0,
    pageViewsSaturated: saturate(signals.pageViews, HALF_SATURATION.pageViews),
    activeTimeWithoutCartSaturated: hasAddedToCart
      ? 0
      : saturate(signals.activeMs, HALF_SATURATION.activeMsWithoutCart),
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

  const half = HALF_SATURATION.msToFirstAddToCart;

  return half / (cleanCount(msToFirstAddToCart) + half);
}
