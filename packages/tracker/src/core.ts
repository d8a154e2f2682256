/**
 * Entry point of the core bundle (`auraflow-core.<hash>.js`), injected by the loader and pinned
 * by its SHA-384 hash. Nothing happens here until the visitor's analytics consent is known and
 * given: no cookie, no storage, no request. Later decisions are followed: withdrawal stops the
 * tracker and erases its data; a new grant starts it afresh.
 */
import { analyticsAllowed, loadConsentApi, onConsentChange } from './consent.js';
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
  const decide = safe((allowed: boolean) => {
    if (allowed) {
      stop ??= startTracker({ siteKey, api });
      return;
    }
    stop?.();
    stop = null;
    // Without consent nothing of ours may stay on the device, whoever put it there.
    clearTrackerData();
  });

  loadConsentApi(() => decide(analyticsAllowed()));
  onConsentChange(decide);
})();
