import type { CartLine } from './cart-store.js';
import type { Collection, Product, Review } from './catalog.js';
import {
  averageRating,
  filterByPrice,
  findProduct,
  isOnSale,
  type PriceRange,
  productsIn,
  type SortOrder,
  searchProducts,
  sortProducts,
} from './catalog-queries.js';
import { html, type SafeHtml } from './html.js';
import {
  collectionUrl,
  type PageChrome,
  productUrl,
  renderDocument,
  STORE_NAME,
} from './layout.js';
import { formatMoney } from './money.js';

/** How many top-rated products the home page features. */
const HOME_FEATURED_COUNT = 4;

const SORT_LABELS: Readonly<Record<SortOrder, string>> = {
  featured: 'Featured',
  'price-ascending': 'Price: low to high',
  'price-descending': 'Price: high to low',
  rating: 'Top rated',
};

// --- pages ---------------------------------------------------------------------------------

export function renderHome(chrome: PageChrome): string {
  const featured = sortProducts(chrome.catalog.products, 'rating').slice(0, HOME_FEATURED_COUNT);
  const tiles = chrome.catalog.collections.map(
    (collection) => html`<li><a class="collection-tile" href="${collectionUrl(collection.handle)}">
<strong>${collection.title}</strong><span>${collection.description}</span></a></li>`,
  );

  return renderDocument(chrome, {
    title: 'Home',
    markers: { pageType: 'home' },
    main: html`<section class="hero">
<h1>Good things for the trail and the table</h1>
<p>Small-batch outdoor kit and kitchen tools, chosen to last.</p>
</section>
<h2>Shop by collection</h2>
<ul class="collection-tiles">${tiles}</ul>
<h2>Shoppers’ favourites</h2>
${productGrid(featured)}`,
  });
}

export interface CollectionQuery {
  readonly sort: SortOrder;
  readonly priceRange: PriceRange;
}

export function renderCollection(
  chrome: PageChrome,
  collection: Collection,
  query: CollectionQuery,
): string {
  const all = productsIn(chrome.catalog, collection);
  const shown = sortProducts(filterByPrice(all, query.priceRange), query.sort);

  return renderDocument(chrome, {
    title: collection.title,
    markers: { pageType: 'collection', collection: collection.handle, sale: collection.sale },
    main: html`<h1>${collection.title}</h1>
<p class="lead">${collection.description}</p>
${collectionControls(collection, query)}
<p class="result-count" aria-live="polite">Showing ${shown.length} of ${all.length} products</p>
${shown.length > 0 ? productGrid(shown) : html`<p>No products in this price range.</p>`}`,
  });
}

export function renderProduct(chrome: PageChrome, product: Product): string {
  const reviewCount = product.reviews.length;

  return renderDocument(chrome, {
    title: product.name,
    // A discounted product counts as a sale view, like a page of the sale collection.
    markers: { pageType: 'product', productId: product.handle, sale: isOnSale(product) },
    main: html`<article class="product">
<div class="product-hero">
${productImage(product, 'large')}
<div class="product-info">
<h1>${product.name}</h1>
${priceTag(product)}
<a class="rating-link" href="#reviews">${stars(averageRating(product))} ${reviewCount} reviews</a>
<p>${product.description}</p>
${addToCartForm(product)}
</div>
</div>
${productDetails()}
${reviewsSection(product)}
</article>`,
  });
}

export function renderCart(chrome: PageChrome, lines: readonly CartLine[]): string {
  const rows = lines.flatMap((line) => {
    const product = findProduct(chrome.catalog, line.productHandle);
    return product ? [{ line, product }] : [];
  });
  const subtotalCents = rows.reduce(
    (sum, row) => sum + row.product.priceCents * row.line.quantity,
    0,
  );

  return renderDocument(chrome, {
    title: 'Cart',
    markers: { pageType: 'cart' },
    main: html`<h1>Your cart</h1>
${
  rows.length === 0
    ? html`<p>Your cart is empty. <a href="/">Keep shopping</a>.</p>`
    : html`<ul class="cart-lines">${rows.map((row) => cartLine(row.line, row.product))}</ul>
<p class="cart-subtotal">Subtotal <strong>${formatMoney(subtotalCents)}</strong></p>
<button type="button" class="checkout" disabled>Checkout is off in this demo</button>`
}`,
  });
}

export function renderSearch(chrome: PageChrome, query: string): string {
  const outcome =
    query === ''
      ? html`<p>Type a word such as “linen” or “lantern”.</p>`
      : searchResults(query, searchProducts(chrome.catalog, query));

  return renderDocument(chrome, {
    title: 'Search',
    markers: { pageType: 'search' },
    main: html`<h1>Search</h1>
<form class="search-page-form" action="/search" method="get" role="search">
<label for="search-query">Search products</label>
<input id="search-query" type="search" name="q" value="${query}" maxlength="80">
<button type="submit">Search</button>
</form>
${outcome}`,
  });
}

export function renderNotFound(chrome: PageChrome): string {
  return renderDocument(chrome, {
    title: 'Page not found',
    markers: {},
    main: html`<h1>Page not found</h1>
<p>We could not find that page. <a href="/">Back to ${STORE_NAME}</a>.</p>`,
  });
}

/** For requests the store cannot serve: a fixed message, never the error's own text. */
export function renderErrorPage(chrome: PageChrome, statusCode: number): string {
  const message =
    statusCode < 500 ? 'That request could not be handled.' : 'Something went wrong on our side.';

  return renderDocument(chrome, {
    title: 'Error',
    markers: {},
    main: html`<h1>Sorry</h1>
<p>${message} <a href="/">Back to ${STORE_NAME}</a>.</p>`,
  });
}

// --- parts ---------------------------------------------------------------------------------

function productGrid(products: readonly Product[]): SafeHtml {
  return html`<ul class="product-grid">${products.map(productCard)}</ul>`;
}

function productCard(product: Product): SafeHtml {
  return html`<li class="product-card">
<a href="${productUrl(product.handle)}">
${productImage(product, 'small')}
<span class="product-card-name">${product.name}</span>
</a>
${priceTag(product)}
${stars(averageRating(product))}
</li>`;
}

/** A drawn placeholder: the CSP allows images from this origin only, and we ship none. */
function productImage(product: Product, size: 'small' | 'large'): SafeHtml {
  const theme = product.collections[0] ?? 'default';
  const classes = `product-image product-image-${size} theme-${theme}`;

  return html`<div class="${classes}" aria-hidden="true">${product.name.charAt(0)}</div>`;
}

function priceTag(product: Product): SafeHtml {
  const price = formatMoney(product.priceCents);
  if (!isOnSale(product) || product.compareAtPriceCents === undefined) {
    return html`<p class="price">${price}</p>`;
  }

  const compareAt = formatMoney(product.compareAtPriceCents);
  return html`<p class="price price-sale">
<span class="visually-hidden">Sale price</span>${price}
<s class="compare-at"><span class="visually-hidden">Regular price</span>${compareAt}</s>
<span class="badge">Sale</span>
</p>`;
}

function stars(rating: number): SafeHtml {
  const filled = Math.round(rating);
  const label = `${rating.toFixed(1)} out of 5 stars`;
  const glyphs = '★'.repeat(filled) + '☆'.repeat(5 - filled);

  return html`<span class="stars" role="img" aria-label="${label}">${glyphs}</span>`;
}

function collectionControls(collection: Collection, query: CollectionQuery): SafeHtml {
  const options = Object.entries(SORT_LABELS).map(
    ([value, label]) =>
      html`<option value="${value}"${value === query.sort && html` selected`}>${label}</option>`,
  );
  const range = query.priceRange;
  const action = collectionUrl(collection.handle);

  return html`<form class="collection-controls" action="${action}" method="get">
<label for="sort-by">Sort by</label>
<select id="sort-by" name="sort" data-af-sort>${options}</select>
<fieldset class="price-filter">
<legend>Price</legend>
${priceInput('min', 'Min $', range.minCents)}
${priceInput('max', 'Max $', range.maxCents)}
</fieldset>
<button type="submit">Apply</button>
<a href="${action}">Clear</a>
</form>`;
}

/** A bound of the price filter, in whole dollars as the shopper typed it. */
function priceInput(name: 'min' | 'max', label: string, cents: number | null): SafeHtml {
  const value = cents === null ? '' : String(cents / 100);

  return html`<label for="price-${name}">${label}</label>
<input id="price-${name}" type="number" name="${name}" min="0" step="1" inputmode="numeric"
 value="${value}" data-af-price-filter>`;
}

function addToCartForm(product: Product): SafeHtml {
  const choices = product.option.values.map(
    (value, index) =>
      html`<label class="variant-choice"><input type="radio" name="variant" value="${value}"${
        index === 0 && html` checked`
      } data-af-variant> ${value}</label>`,
  );

  return html`<form class="add-to-cart" action="/cart/add" method="post">
<input type="hidden" name="product" value="${product.handle}">
<fieldset class="variant"><legend>${product.option.name}</legend>${choices}</fieldset>
<label for="quantity">Quantity</label>
<input id="quantity" type="number" name="quantity" min="1" max="10" step="1" value="1">
<button type="submit" data-af-add-to-cart>Add to cart</button>
</form>`;
}

/** Fixed copy that puts the reviews below the fold, as on most real product pages. */
function productDetails(): SafeHtml {
  return html`<section class="product-details">
<h2>Details</h2>
<p>Every item is inspected by hand before it ships. We pack in recycled paper, without
plastic fill.</p>
<h2>Shipping and returns</h2>
<p>Orders ship within two working days. Unused items can be returned within 30 days.</p>
<h2>Care</h2>
<p>Follow the care card in the box; most pieces only ask for a wipe and a dry place to
rest.</p>
</section>`;
}

function reviewsSection(product: Product): SafeHtml {
  const rating = averageRating(product);
  const summary = `${rating.toFixed(1)} from ${product.reviews.length} reviews`;

  return html`<section class="reviews" id="reviews" data-af-reviews>
<h2>Reviews</h2>
<p class="reviews-summary">${stars(rating)} ${summary}</p>
<ul class="review-list">${product.reviews.map(reviewItem)}</ul>
</section>`;
}

function reviewItem(review: Review): SafeHtml {
  return html`<li class="review">
${stars(review.rating)}
<p>${review.text}</p>
<p class="review-author">${review.author}</p>
</li>`;
}

function cartLine(line: CartLine, product: Product): SafeHtml {
  return html`<li class="cart-line">
<div>
<a href="${productUrl(product.handle)}">${product.name}</a>
<p>${product.option.name}: ${line.variant} · Quantity ${line.quantity}</p>
</div>
<p class="price">${formatMoney(product.priceCents * line.quantity)}</p>
<form action="/cart/remove" method="post">
<input type="hidden" name="line" value="${line.key}">
<button type="submit" class="secondary" data-af-cart-remove>Remove</button>
</form>
</li>`;
}

function searchResults(query: string, results: readonly Product[]): SafeHtml {
  return html`<p class="result-count">${results.length} results for “${query}”</p>
${results.length > 0 ? productGrid(results) : html`<p>Nothing matched. Try another word.</p>`}`;
}
