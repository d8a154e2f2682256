import { isRecord } from './page-globals.js';

/** The document event Shopify's Customer Privacy API fires; the page-side banner reuses it. */
const CONSENT_EVENT = 'visitorConsentCollected';

/**
 * Whether the visitor allowed analytics processing. On Shopify the Customer Privacy API decides;
 * elsewhere the page-side `window.auraflowConsent` interface does. Anything missing, odd or
 * throwing means no: consent is never assumed.
 */
export function analyticsAllowed(): boolean {
  try {
    const shopify = window.Shopify;
    const answer = shopify
      ? shopify.customerPrivacy?.analyticsProcessingAllowed?.()
      : window.auraflowConsent?.analyticsAllowed?.();

    return answer === true;
  } catch {
    return false;
  }
}

/**
 * Calls `done` once the consent source can be asked. On Shopify that means loading the
 * Customer Privacy API first (it is not on the page by default); a load error simply leaves
 * `analyticsAllowed()` answering false.
 */
export function loadConsentApi(done: () => void): void {
  const shopify = window.Shopify;
  if (!shopify?.loadFeatures) {
    done();
    return;
  }

  // Shopify calls back once the feature is available, also when the theme loaded it already.
  shopify.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], () => done());
}

/**
 * Calls `listener` with the visitor's new decision each time consent is collected or changed.
 * Shopify's event carries `detail.analyticsAllowed`; so does the page-side banner's.
 */
export function onConsentChange(listener: (allowed: boolean) => void): void {
  const handle = (event: Event): void => {
    const detail: unknown = event instanceof CustomEvent ? event.detail : null;
    listener(
      isRecord(detail) && 'analyticsAllowed' in detail
        ? detail.analyticsAllowed === true
        : analyticsAllowed(),
    );
  };

  document.addEventListener(CONSENT_EVENT, handle);
}
