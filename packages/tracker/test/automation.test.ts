import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
  trackerFootprint,
} from './support/browser.js';

// Automated browsers are not shoppers. Without the test-only `data-allow-automation` attribute
// the loader sees navigator.webdriver and stays inert, even with consent given.

let browser: Browser;
let store: Storefront;

beforeAll(async () => {
  store = await startStorefront({ allowAutomation: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
});

it('an automated browser without the test flag is ignored: no core, no cookie, no request', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${store.shop.origin}/collections/sale`);
  expect(await page.evaluate(() => navigator.webdriver)).toBe(true);

  await acceptConsent(page);
  await page.selectOption('#sort', 'price-ascending');
  await page.waitForTimeout(3_000);
  await page.goto('about:blank');
  await page.waitForTimeout(500);

  const requests = store.api.requests.map((request) => `${request.method} ${request.path}`);
  expect(requests).toEqual([`GET /t/${store.build.manifest.loader.file}`]);
  await page.goto(`${store.shop.origin}/`);
  const footprint = await trackerFootprint(page);
  expect(footprint.cookies).toEqual([]);
  // Only the banner's own record of the visitor's choice; nothing of the tracker's.
  expect(footprint.localStorage).toEqual(['fixture_consent']);
  expect(footprint.sessionStorage).toEqual([]);
  expect(await page.evaluate(() => 'auraflow' in window)).toBe(false);
  await context.close();
});
