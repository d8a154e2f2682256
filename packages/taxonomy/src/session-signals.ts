/**
 * Raw session counters. Built and kept ON THE DEVICE only; never sent. The tracker fills them
 * in; `toFeatures` turns them into bounded features. Counters are expected to be non-negative
 * and finite, but nothing downstream relies on that: bad values are treated as zero.
 */
export interface SessionSignals {
  /** Pages viewed this session (SPA navigations included). */
  pageViews: number;
  /** Product detail page views. */
  productViews: number;
  /** Distinct products viewed. */
  distinctProducts: number;
  /** Collection / listing page views. */
  collectionViews: number;
  /** Views of sale pages (sale collection, or a product showing a compare-at price). */
  saleViews: number;
  /** Search submissions or search result page views. */
  searches: number;
  /** Sort order changes of any kind. */
  sortChanges: number;
  /** Sort changes to price ascending / descending. */
  priceSorts: number;
  /** Price filter interactions. */
  priceFilters: number;
  /** Review sections read (in view for at least 2 s). */
  reviewReads: number;
  /** Visible time with a review section in view. */
  reviewDwellMs: number;
  /** Visible, active session time. */
  activeMs: number;
  /** Active time on product pages. */
  productDwellMs: number;
  /** Sum over pages of each page's max scroll depth (0..1). */
  scrollDepthSum: number;
  /** Product option / variant changes. */
  variantChanges: number;
  addToCarts: number;
  cartRemovals: number;
  cartViews: number;
  /** Active ms from session start to the first add-to-cart; null until one happens. */
  msToFirstAddToCart: number | null;
  /** A visitor cookie existed before this session began. */
  returning: boolean;
}

/** A session with nothing observed yet: the starting point of every tracker session. */
export function emptySignals(): SessionSignals {
  return {
    pageViews: 0,
    productViews: 0,
    distinctProducts: 0,
    collectionViews: 0,
    saleViews: 0,
    searches: 0,
    sortChanges: 0,
    priceSorts: 0,
    priceFilters: 0,
    reviewReads: 0,
    reviewDwellMs: 0,
    activeMs: 0,
    productDwellMs: 0,
    scrollDepthSum: 0,
    variantChanges: 0,
    addToCarts: 0,
    cartRemovals: 0,
    cartViews: 0,
    msToFirstAddToCart: null,
    returning: false,
  };
}
