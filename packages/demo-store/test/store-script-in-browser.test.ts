import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import {
  analyticsAllowed,
  consentEvents,
  exposeStandInApi,
  launchChromium,
  recordConsentEvents,
  watchCspViolations,
} from './support/browser.js';
import { startTestStore } from './support/store.js';

// store.js in Chromium under the store's real CSP. The tracker itself is not loaded here (the
// fake snippet points at a closed port); the lead's journeys run the real one on this store.

const BROWSER_TIMEOUT_MS = 60_000;

let store: DemoStore;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let violations: string[];

beforeAll(async () => {
  store = await startTestStore();
  browser = await launchChromium();
}, BROWSER_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  violations = watchCspViolations(page);
});
afterEach(async () => {
  expect(violations).toEqual([]);
  await context.close();
});

describe('store.js in a browser', { timeout: BROWSER_TIMEOUT_MS }, () => {
  it('asks for consent, then remembers the answer in demo_consent', async () => {
    await page.goto(`${store.url}/`);
    await recordConsentEvents(page);

    expect(await page.isVisible('[data-consent-banner]')).toBe(true);
    expect(await analyticsAllowed(page)).toBe(false);

    await page.click('text=Accept analytics');
    expect(await page.isVisible('[data-consent-banner]')).toBe(false);
    expect(await analyticsAllowed(page)).toBe(true);
    expect(await consentEvents(page)).toEqual([{ analyticsAllowed: true }]);
    expect(await page.evaluate(() => document.cookie)).toBe('demo_consent=granted');

    await page.goto(`${store.url}/collections/kitchen`);
    expect(await page.isVisible('[data-consent-banner]')).toBe(false);
    expect(await analyticsAllowed(page)).toBe(true);
  });

  it('withdraws consent from the footer link with an analyticsAllowed false event', async () => {
    await context.addCookies([{ name: 'demo_consent', value: 'granted', url: store.url }]);
    await page.goto(`${store.url}/products/linen-apron`);
    await recordConsentEvents(page);

    await page.click('text=Privacy choices');
    expect(await page.isVisible('[data-consent-banner]')).toBe(true);
    await page.click('text=Decline');

    expect(await consentEvents(page)).toEqual([{ analyticsAllowed: false }]);
    expect(await analyticsAllowed(page)).toBe(false);
    expect(await page.isVisible('[data-consent-banner]')).toBe(false);
  });

  it('reloads a collection with the chosen sort order', async () => {
    await page.goto(`${store.url}/collections/outdoor`);
    await Promise.all([
      page.waitForURL(/sort=price-descending/),
      page.selectOption('select[data-af-sort]', 'price-descending'),
    ]);

    expect(await page.textContent('.product-card-name')).toBe('Packable Rain Shell');
  });

  it('shows the debug panel from ?debug=1 until ?debug=0, for the session', async () => {
    await page.goto(`${store.url}/?debug=1`);
    expect(await page.textContent('[data-debug-status]')).toBe('no consent — tracker inert');

    await page.goto(`${store.url}/collections/sale`);
    expect(await page.isVisible('[data-debug-panel]')).toBe(true);

    await page.goto(`${store.url}/?debug=0`);
    expect(await page.isVisible('[data-debug-panel]')).toBe(false);
  });

  it('lists the live probabilities and confidence from window.auraflow', async () => {
    await page.goto(`${store.url}/?debug=1`);
    await exposeStandInApi(page);

    expect(await page.textContent('[data-debug-status]')).toBe('archetype: researcher');
    expect(await page.textContent('[data-debug-confidence]')).toBe('0.42');
    expect(await page.locator('[data-debug-probabilities] li').allTextContents()).toEqual([
      'researcher60.0 %',
      'deal_seeker25.0 %',
      'explorer15.0 %',
    ]);
  });

  it('lets clicks through the debug panel to the page beneath', async () => {
    await page.goto(`${store.url}/products/enamel-camp-mug?debug=1`);
    await Promise.all([page.waitForURL(/\/cart$/), page.click('[data-af-add-to-cart]')]);
    await Promise.all([page.waitForLoadState(), page.click('[data-af-cart-remove]')]);

    expect(await page.textContent('main')).toContain('Your cart is empty.');
  });
});
