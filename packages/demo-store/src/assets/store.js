// The demo store's page script: consent banner, sort auto-submit and the debug panel.
// Loaded with `defer` before the tracker snippet, so `window.auraflowConsent` exists by the
// time the tracker loader asks for it. Wrapped in a function so that nothing leaks into the
// script scope shared with other classic scripts on the page.
(() => {
  const CONSENT_COOKIE = 'demo_consent';
  const CONSENT_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
  // The event Shopify's Customer Privacy API fires; the tracker listens for it everywhere.
  const CONSENT_EVENT = 'visitorConsentCollected';
  const DEBUG_STORAGE_KEY = 'auraflow-demo-debug';
  const DEBUG_REFRESH_MS = 1000;

  const STATUS_TEXT = {
    granted: 'Current choice: analytics allowed.',
    denied: 'Current choice: analytics declined.',
  };

  // --- consent -------------------------------------------------------------------------

  /** 'granted', 'denied' or null while the shopper has not decided. */
  const readConsent = () => {
    const pair = document.cookie
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${CONSENT_COOKIE}=`));
    const value = pair ? pair.slice(CONSENT_COOKIE.length + 1) : null;
    return value === 'granted' || value === 'denied' ? value : null;
  };

  window.auraflowConsent = { analyticsAllowed: () => readConsent() === 'granted' };

  const banner = document.querySelector('[data-consent-banner]');

  const decide = (choice) => {
    const attributes = `Path=/; Max-Age=${CONSENT_MAX_AGE_SECONDS}; SameSite=Lax`;
    // biome-ignore lint/suspicious/noDocumentCookie: cookieStore is not in every browser yet.
    document.cookie = `${CONSENT_COOKIE}=${choice}; ${attributes}`;
    if (banner) banner.hidden = true;
    const status = document.querySelector('[data-consent-status]');
    if (status) status.textContent = STATUS_TEXT[choice];
    // Sent on every decision, a withdrawal included: the tracker stops and erases its data.
    document.dispatchEvent(
      new CustomEvent(CONSENT_EVENT, { detail: { analyticsAllowed: choice === 'granted' } }),
    );
  };

  for (const button of document.querySelectorAll('[data-consent-choice]')) {
    const choice = button.getAttribute('data-consent-choice');
    if (choice === 'granted' || choice === 'denied') {
      button.addEventListener('click', () => decide(choice));
    }
  }

  // The server hides the banner once the cookie is set; this covers a page served before.
  if (banner && readConsent() === null) banner.hidden = false;

  for (const link of document.querySelectorAll('[data-privacy-choices]')) {
    link.addEventListener('click', (event) => {
      if (!banner) return;
      event.preventDefault();
      banner.hidden = false;
      const first = banner.querySelector('button');
      if (first) first.focus();
    });
  }

  // --- collection sorting --------------------------------------------------------------

  // A new sort order reloads the page with it in the query string; the form keeps the filter.
  for (const select of document.querySelectorAll('select[data-af-sort]')) {
    select.addEventListener('change', () => {
      if (select.form) select.form.submit();
    });
  }

  // --- debug panel ---------------------------------------------------------------------

  const debugEnabled = () => {
    const flag = new URLSearchParams(location.search).get('debug');
    try {
      if (flag === '1') sessionStorage.setItem(DEBUG_STORAGE_KEY, '1');
      if (flag === '0') sessionStorage.removeItem(DEBUG_STORAGE_KEY);
      return sessionStorage.getItem(DEBUG_STORAGE_KEY) === '1';
    } catch {
      // Storage may be blocked; the query string alone still decides.
      return flag === '1';
    }
  };

  const panel = document.querySelector('[data-debug-panel]');

  const debugStatus = (api, probabilities) => {
    if (!api) {
      return readConsent() === 'granted' ? 'waiting for the tracker' : 'no consent — tracker inert';
    }
    return probabilities ? `archetype: ${api.archetype()}` : 'no score yet';
  };

  const probabilityRow = ([archetype, probability]) => {
    const row = document.createElement('li');
    const name = document.createElement('span');
    const meter = document.createElement('meter');
    const percent = document.createElement('span');
    name.textContent = archetype;
    meter.min = 0;
    meter.max = 1;
    meter.value = probability;
    percent.textContent = `${(probability * 100).toFixed(1)} %`;
    row.append(name, meter, percent);
    return row;
  };

  const renderDebug = () => {
    const api = window.auraflow;
    const probabilities = api ? api.probabilities() : null;
    const confidence = api ? api.confidence() : null;
    const entries = Object.entries(probabilities || {}).sort((a, b) => b[1] - a[1]);

    panel.querySelector('[data-debug-status]').textContent = debugStatus(api, probabilities);
    panel.querySelector('[data-debug-confidence]').textContent =
      typeof confidence === 'number' ? confidence.toFixed(2) : '–';
    panel
      .querySelector('[data-debug-probabilities]')
      .replaceChildren(...entries.map(probabilityRow));
  };

  if (panel && debugEnabled()) {
    panel.hidden = false;
    // A debug aid must never break the store: any surprise in its input just skips a frame.
    const refresh = () => {
      try {
        renderDebug();
      } catch {
        // See above.
      }
    };
    refresh();
    setInterval(refresh, DEBUG_REFRESH_MS);
    document.addEventListener('auraflow:ready', refresh);
    document.addEventListener(CONSENT_EVENT, () => setTimeout(refresh, 0));
  }
})();
