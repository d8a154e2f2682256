/**
 * Entry point of the loader bundle (`auraflow-loader.<hash>.js`), the one file a storefront
 * references, itself pinned by SRI in the page's script tag. It stays tiny: it injects the
 * core with the core's SHA-384 hash, which the build bakes in, so a changed byte in the core
 * stops it. Consent is the core's job: until it is given, the core does nothing.
 */

// Replaced at build time by the core's file name and its `sha384-…` integrity value.
declare const AURAFLOW_CORE_FILE: string;
declare const AURAFLOW_CORE_INTEGRITY: string;

try {
  // Only readable while this script runs for the first time, so it is taken at once.
  const loaderScript = document.currentScript;
  const data: DOMStringMap = loaderScript instanceof HTMLScriptElement ? loaderScript.dataset : {};
  const { siteKey, api } = data;

  if (
    loaderScript instanceof HTMLScriptElement &&
    siteKey &&
    api &&
    // Automated browsers (crawlers, test runners) say so through navigator.webdriver; they are
    // not shoppers, and they do not even fetch the core. `data-allow-automation` exists for
    // the tracker's own browser tests only.
    (!navigator.webdriver || loaderScript.hasAttribute('data-allow-automation')) &&
    // A theme that renders the embed twice must not get two trackers.
    !document.querySelector(`script[integrity="${AURAFLOW_CORE_INTEGRITY}"]`)
  ) {
    const core = document.createElement('script');
    core.src = new URL(AURAFLOW_CORE_FILE, loaderScript.src).href;
    core.integrity = AURAFLOW_CORE_INTEGRITY;
    // CORS without credentials, which SRI requires for a cross-origin script; and no
    // referrer, so the API never learns which page asked for the file.
    core.crossOrigin = 'anonymous';
    core.referrerPolicy = 'no-referrer';
    core.dataset.siteKey = siteKey;
    core.dataset.api = api.replace(/\/+$/, '');
    document.head.append(core);
  }
} catch {
  // The loader must never break the page; without it the store simply is not personalised.
}
