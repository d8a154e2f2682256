import type { AuraflowApi } from './auraflow-api.js';

/**
 * Globals the tracker reads from or adds to the host page. Everything the page provides is
 * typed as loosely as the tracker can afford: a theme or another app may have replaced any of
 * it, so callers check shapes at run time and wrap calls in try/catch.
 */
declare global {
  interface Window {
    /** Present on every Shopify storefront. */
    Shopify?: ShopifyGlobal;
    /** Shopify's analytics page context (page type, product), present on most themes. */
    ShopifyAnalytics?: { meta?: ShopifyMeta };
    /** The page-side consent interface for storefronts outside Shopify (see README). */
    auraflowConsent?: { analyticsAllowed?: () => unknown };
    /** The tracker's public API; defined only while analytics consent is given. */
    auraflow?: AuraflowApi;
  }
}

export interface ShopifyGlobal {
  loadFeatures?: (
    features: ReadonlyArray<{ name: string; version: string }>,
    callback: (error?: unknown) => void,
  ) => void;
  customerPrivacy?: { analyticsProcessingAllowed?: () => unknown };
}

export interface ShopifyMeta {
  page?: { pageType?: unknown };
  product?: { id?: unknown };
}

/** A plain object whose fields can be inspected one by one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
