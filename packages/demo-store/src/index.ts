export type { Catalog, Collection, Product, Review, VariantOption } from './catalog.js';
export { DEMO_CATALOG } from './catalog.js';
export { type DemoStore, type DemoStoreOptions, startDemoStore } from './demo-store.js';
export { escapeHtml } from './html.js';
export { contentSecurityPolicy } from './security-headers.js';
export { renderSnippet } from './snippet.js';
