/**
 * Entry point of the loader bundle (`auraflow-loader.<hash>.js`), the one file a storefront
 * references, itself pinned by SRI in the page's script tag. It owns the consent gate: until
 * analytics processing is allowed it makes no request at all (not even for the core). Once it
 * is, it injects the core with the core's SHA-384 hash, which the build bakes in, so a changed
 * byte in the core stops it. The core then follows later decisions (withdrawal, new grant).
 */
import { analyticsAllowed, loadConsentApi, onConsentChange } from './consent.js';
import { safe } from './safe.js';

// Replaced at build time by the core's file name and its `sha384-…` integrity value.
declare const AURAFLOW_CORE_FILE: string;
declare const AURAFLOW_CORE_INTEGRITY: string;

// Only readable while this script runs for the first time, so it is taken at once.
const loaderScript = document.currentScript;

// The loader must never break the page; without it the store simply is not personalised.
safe(() => {
  if (!(loaderScript instanceof HTMLScriptElement)) return;

  const { siteKey, api } = loaderScript.dataset;
  if (
    !siteKey ||
    !api ||
    // Automated browsers (crawlers, test runners) say so through navigator.webdriver; they are
    // not shoppers, and they do not even fetch the core. `data-allow-automation` exists for
    // the tracker's own browser tests only.
    (navigator.webdriver && !loaderScript.hasAttribute('data-allow-automation'))
  ) {
    return;
  }

  // The core this loader injected. It follows every later decision through its `consent`
  // data attribute ("1" while allowed) and a `change` event on its script element, so the
  // consent rules live in this file only.
  let core: HTMLScriptElement | undefined;
  const decide = safe((allowed: boolean) => {
    if (core) {
      core.dataset.consent = allowed ? '1' : '';
      core.dispatchEvent(new Event('change'));
      return;
    }
    // A theme that renders the embed twice must not get two trackers: the first loader's core
    // is already there, and that loader keeps it informed.
    if (!allowed || document.querySelector(`script[integrity="${AURAFLOW_CORE_INTEGRITY}"]`)) {
      return;
    }
    core = document.createElement('script');
    core.src = new URL(AURAFLOW_CORE_FILE, loaderScript.src).href;
    core.integrity = AURAFLOW_CORE_INTEGRITY;
    // CORS without credentials, which SRI requires for a cross-origin script; and no
    // referrer, so the API never learns which page asked for the file.
    core.crossOrigin = 'anonymous';
    core.referrerPolicy = 'no-referrer';
    core.dataset.siteKey = siteKey;
    core.dataset.api = api.replace(/\/+$/, '');
    core.dataset.consent = '1';
    document.head.append(core);
  });

  loadConsentApi(() => decide(analyticsAllowed()));
  onConsentChange(decide);
})();
