import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  sessionSignals,
  startStorefront,
  waitForScores,
} from './support/browser.js';

// Single-page navigation (pushState, replaceState to a new path, popstate) counts as page views;
// replaceState on the same path (a theme updating ?variant=) does not.

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

it('counts pushState, replaceState to a new path and popstate as page views', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${store.shop.origin}/`);
  await acceptConsent(page);
  await waitForScores(page);
  const counters = async () => {
    const signals = await sessionSignals(page);
    return [signals.pageViews, signals.productViews];
  };
  await expect.poll(counters).toEqual([1, 0]);

  // The fixture's quick view: pushState to /products/p5, then the body markers change.
  await page.click('#quick-view');
  await expect.poll(counters, { timeout: 5_000 }).toEqual([2, 1]);

  await page.evaluate(() => history.replaceState({}, '', '/products/p5?variant=2'));
  await page.waitForTimeout(500);
  expect(await counters()).toEqual([2, 1]);

  await page.evaluate(() => history.replaceState({}, '', '/collections/all'));
  await expect.poll(counters, { timeout: 5_000 }).toEqual([3, 2]);

  await page.goBack();
  await expect.poll(counters, { timeout: 5_000 }).toEqual([4, 3]);
  await context.close();
});
