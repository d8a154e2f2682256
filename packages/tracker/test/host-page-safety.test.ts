import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
  waitForScores,
} from './support/browser.js';

// The tracker never throws into the host page. Here the page's storage is broken (every write
// throws, as in some privacy modes) and its history API throws on one call: the page sees its
// own error and nothing of ours, and the tracker still classifies and sends.

let browser: Browser;
let store: Storefront;

beforeAll(async () => {
  store = await startStorefront();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
});

it('with storage that throws, tracking goes on and the page sees no error of ours', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const consent = new Map<string, string>();
    // The banner's own choice lives in memory here, since storage is broken.
    Storage.prototype.getItem = (key: string) => consent.get(key) ?? null;
    Storage.prototype.setItem = (key: string, value: string) => {
      if (key === 'fixture_consent') return void consent.set(key, value);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${store.shop.origin}/collections/sale`);
  await acceptConsent(page);
  await waitForScores(page);
  await page.selectOption('#sort', 'price-ascending');
  await page.goto('about:blank');

  await expect
    .poll(() => store.api.acceptedBodies().length, { timeout: 10_000 })
    .toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await context.close();
});

it('when the page history API throws, the page gets its own error back unchanged', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${store.shop.origin}/`);
  await acceptConsent(page);
  await waitForScores(page);

  // A cross-origin URL makes pushState throw a SecurityError, wrapped by the tracker or not.
  const thrown = await page.evaluate(() => {
    try {
      history.pushState({}, '', 'https://elsewhere.example/');
      return null;
    } catch (error) {
      return error instanceof DOMException ? error.name : String(error);
    }
  });

  expect(thrown).toBe('SecurityError');
  await page.click('#quick-view');
  await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/products/p5');
  expect(errors).toEqual([]);
  await context.close();
});
