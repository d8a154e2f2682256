/**
 * Entry point of the core bundle (`auraflow-core.<hash>.js`), pinned by its SHA-384 hash. The
 * loader injects it only once the visitor's analytics consent is given. The loader owns the
 * consent rules (consent.ts) and hands every decision on through this script element: the
 * `consent` data attribute holds the current one (a withdrawal may come while this file
 * loads) and a `change` event announces each new one. Withdrawal stops the tracker and erases
 * its data; a new grant starts it afresh.
 */
import { clearTrackerData } from './device-storage.js';
import { safe } from './safe.js';
import { startTracker } from './tracker.js';

// Only readable while this script runs for the first time, so it is taken at once.
const coreScript = document.currentScript;

safe(() => {
  if (!(coreScript instanceof HTMLScriptElement)) return;

  const { siteKey, api } = coreScript.dataset;
  if (!siteKey || !api) return;

  let stop: (() => void) | null = null;
  const decide = safe(() => {
    if (coreScript.dataset.consent) {
      stop ??= startTracker({ siteKey, api });
      return;
    }
    stop?.();
    stop = null;
    // Without consent nothing of ours may stay on the device, whoever put it there.
    clearTrackerData();
  });

  // The loader keeps the decision in the `consent` data attribute (it may have changed while
  // this file loaded) and fires `change` on this script element for every new one.
  decide();
  coreScript.addEventListener('change', decide);
})();
