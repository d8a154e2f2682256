import type { Catalog } from './catalog.js';
import type { ConsentChoice } from './cookies.js';
import { html, type SafeHtml } from './html.js';

/** Page types the tracker reads from `data-af-page-type` (see the tracker README). */
export type PageType = 'home' | 'collection' | 'product' | 'cart' | 'search';

/** The `data-af-*` page markers on `<body>`. */
export interface BodyMarkers {
  readonly pageType?: PageType;
  readonly productId?: string;
  readonly collection?: string;
  readonly sale?: boolean;
}

/** What every page shows around its content, taken from the request. */
export interface PageChrome {
  readonly catalog: Catalog;
  /** The filled tracker loader tag. */
  readonly snippet: SafeHtml;
  readonly cartItemCount: number;
  readonly consent: ConsentChoice | null;
  /** `?debug=1` on this request; later pages remember it in sessionStorage (store.js). */
  readonly debug: boolean;
}

export interface PageContent {
  readonly title: string;
  readonly markers: BodyMarkers;
  readonly main: SafeHtml;
}

export const STORE_NAME = 'Fernwood Goods';

/**
 * The whole document. `store.js` comes before the snippet and both are deferred, so it runs
 * first and `window.auraflowConsent` exists when the tracker loader asks it. The empty icon
 * spares browsers a `/favicon.ico` request that would only end in a 404.
 */
export function renderDocument(chrome: PageChrome, content: PageContent): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${content.title} · ${STORE_NAME}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/store.css">
<script src="/assets/store.js" defer></script>
${chrome.snippet}
</head>
<body${bodyAttributes(content.markers)}>
<a class="skip-link" href="#main">Skip to content</a>
${siteHeader(chrome)}
<main id="main">
${content.main}
</main>
${siteFooter()}
${consentBanner(chrome.consent)}
${debugPanel(chrome)}
</body>
</html>
`.toString();
}

function bodyAttributes(markers: BodyMarkers): SafeHtml {
  return html`${markers.pageType && html` data-af-page-type="${markers.pageType}"`}${
    markers.productId !== undefined && html` data-af-product-id="${markers.productId}"`
  }${markers.collection !== undefined && html` data-af-collection="${markers.collection}"`}${
    markers.sale === true && html` data-af-sale="true"`
  }`;
}

function siteHeader(chrome: PageChrome): SafeHtml {
  const links = chrome.catalog.collections.map(
    (collection) =>
      html`<li><a href="${collectionUrl(collection.handle)}">${collection.title}</a></li>`,
  );

  return html`<header class="site-header">
<a class="brand" href="/">${STORE_NAME}</a>
<nav aria-label="Collections"><ul>${links}</ul></nav>
<form class="site-search" action="/search" method="get" role="search">
<label for="site-search-query" class="visually-hidden">Search products</label>
<input id="site-search-query" type="search" name="q" placeholder="Search" maxlength="80">
<button type="submit">Search</button>
</form>
<a class="cart-link" href="/cart">Cart (<span data-cart-count>${chrome.cartItemCount}</span>)</a>
</header>`;
}

function siteFooter(): SafeHtml {
  return html`<footer class="site-footer">
<p>${STORE_NAME} is a demo store for Auraflow. Nothing here is for sale.</p>
<a href="#consent-banner" data-privacy-choices>Privacy choices</a>
</footer>`;
}

/** Shown until the shopper decides; the footer link brings it back (store.js). */
function consentBanner(consent: ConsentChoice | null): SafeHtml {
  return html`<section class="consent-banner" id="consent-banner" aria-labelledby="consent-title"${
    consent !== null && html` hidden`
  } data-consent-banner>
<h2 id="consent-title">Privacy choices</h2>
<p>May we analyse how you browse, to tailor this store to you? The analysis runs in your
browser; only a summary of your shopping style is sent, never what you looked at.</p>
<p class="consent-status" data-consent-status>${consentStatus(consent)}</p>
<div class="consent-actions">
<button type="button" data-consent-choice="granted">Accept analytics</button>
<button type="button" data-consent-choice="denied" class="secondary">Decline</button>
</div>
</section>`;
}

function consentStatus(consent: ConsentChoice | null): string {
  if (consent === 'granted') return 'Current choice: analytics allowed.';
  if (consent === 'denied') return 'Current choice: analytics declined.';
  return 'You have not chosen yet.';
}

/** Off unless `?debug=1`; store.js fills it from `window.auraflow`. */
function debugPanel(chrome: PageChrome): SafeHtml {
  // store.js replaces this at once; it is what a shopper without script sees.
  const status =
    chrome.consent === 'granted' ? 'waiting for the tracker' : 'no consent — tracker inert';

  return html`<aside class="debug-panel" id="auraflow-debug" aria-label="Auraflow debug"${
    !chrome.debug && html` hidden`
  } data-debug-panel>
<h2>Auraflow debug</h2>
<p data-debug-status>${status}</p>
<p>Confidence: <span data-debug-confidence>–</span></p>
<ol class="debug-probabilities" data-debug-probabilities></ol>
<p class="debug-hint">Open any page with <code>?debug=0</code> to hide this panel.</p>
</aside>`;
}

export function collectionUrl(handle: string): string {
  return `/collections/${encodeURIComponent(handle)}`;
}

export function productUrl(handle: string): string {
  return `/products/${encodeURIComponent(handle)}`;
}
