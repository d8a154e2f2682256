/** What the tracker needs to know about the page being viewed. Read on the device only. */
export interface PageContext {
  /** home, product, collection, cart, search, or whatever else the theme says. */
  type: string;
  /** The product id on product pages, '' elsewhere. */
  productId: string;
  /** Whether this page counts as a sale page. */
  sale: boolean;
}

/**
 * Reads the page context from the `data-af-*` attributes on <body> when a theme (or the demo
 * store) sets them, otherwise from Shopify's `ShopifyAnalytics.meta`, which most themes
 * render. The collection handle falls back to the `/collections/<handle>` URL path.
 */
export function readPageContext(): PageContext {
  const marked: DOMStringMap = document.body?.dataset ?? {};
  const meta = window.ShopifyAnalytics?.meta;
  const shopifyType = meta?.page?.pageType;
  const shopifyProductId = meta?.product?.id;

  const type = marked.afPageType ?? String(shopifyType ?? '');
  const collection =
    marked.afCollection ?? /\/collections\/([^/]+)/.exec(location.pathname)?.[1] ?? '';
  const productId = marked.afProductId ?? String(shopifyProductId ?? '');

  return {
    // Shopify calls the search results page "searchresults".
    type: type === 'searchresults' ? 'search' : type,
    productId,
    sale: marked.afSale === 'true' || /sale/i.test(collection),
  };
}
