import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  sessionSignals,
  startStorefront,
  trackerFootprint,
  waitForScores,
} from './support/browser.js';
import { Shopper } from './support/shopper.js';

// Consent gates everything: before it, the tracker sets no cookie, stores nothing and makes no
// request at all beyond the browser fetching the loader the page references (no cookie, no
// referrer: see payload-allow-list); the loader fetches the core only once consent is given. On
// withdrawal the tracker stops and erases what it kept.

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

/** API requests since `from`, other than fetching the loader (the one file the page names). */
function trackerRequestsSince(from: number): string[] {
  const loaderPath = `/t/${store.build.manifest.loader.file}`;
  return store.api.requests
    .slice(from)
    .filter((request) => !(request.method === 'GET' && request.path === loaderPath))
    .map((request) => `${request.method} ${request.path}`);
}

/** How often the loader was fetched since `from`: proof that the page did load the tracker. */
function loaderFetchesSince(from: number): number {
  const loaderPath = `/t/${store.build.manifest.loader.file}`;
  return store.api.requests
    .slice(from)
    .filter((request) => request.method === 'GET' && request.path === loaderPath).length;
}

async function browseAround(page: Page): Promise<void> {
  const shopper = new Shopper(page, store.shop.origin);
  await shopper.choose('#sort', 'price-ascending');
  await shopper.scrollTo(0.8);
  await shopper.click('#page-button');
  await page.waitForTimeout(3_000);
  await Promise.all([page.waitForEvent('load'), page.click('#product-link-p2')]);
  await page.waitForTimeout(1_000);
}

async function isExposed(page: Page): Promise<boolean> {
  return page.evaluate(() => 'auraflow' in window);
}

describe('consent', () => {
  it('denied: no cookie, no storage, no request beyond the loader (not even the core)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const from = store.api.requests.length;

    await page.goto(`${store.shop.origin}/collections/sale`);
    await page.click('#consent-decline');
    await browseAround(page);

    expect(await trackerFootprint(page)).toEqual({
      cookies: [],
      localStorage: [],
      sessionStorage: [],
    });
    expect(await isExposed(page)).toBe(false);
    expect(loaderFetchesSince(from)).toBeGreaterThan(0);
    expect(trackerRequestsSince(from)).toEqual([]);
    await context.close();
  });

  it('never asked: treated as denied, the core is not even fetched', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const from = store.api.requests.length;

    await page.goto(`${store.shop.origin}/collections/shoes`);
    await page.evaluate(() => document.getElementById('consent-banner')?.remove());
    await browseAround(page);

    expect(await trackerFootprint(page)).toEqual({
      cookies: [],
      localStorage: [],
      sessionStorage: [],
    });
    expect(loaderFetchesSince(from)).toBeGreaterThan(0);
    expect(trackerRequestsSince(from)).toEqual([]);
    await context.close();
  });

  it('withdrawn: stops, erases its cookie and storage, and sends nothing more', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${store.shop.origin}/collections/sale`);
    await acceptConsent(page);
    await waitForScores(page);
    await page.selectOption('#sort', 'price-descending');
    await expect
      .poll(async () => (await trackerFootprint(page)).cookies, { timeout: 10_000 })
      .toContain('_af_vid');
    await expect
      .poll(() => trackerRequestsSince(0).includes('POST /v1/collect'), { timeout: 10_000 })
      .toBe(true);

    await page.click('#consent-withdraw');
    const from = store.api.requests.length;

    // The banner's own key goes with the withdrawal too, so the device is back to empty.
    expect(await trackerFootprint(page)).toEqual({
      cookies: [],
      localStorage: [],
      sessionStorage: [],
    });
    expect(await isExposed(page)).toBe(false);

    await browseAround(page);
    await page.goto('about:blank');
    await page.waitForTimeout(1_000);
    expect(trackerRequestsSince(from)).toEqual([]);
    await context.close();
  });

  it('granted again after a withdrawal: starts afresh, with a new visitor id', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${store.shop.origin}/`);
    await acceptConsent(page);
    await waitForScores(page);
    const firstId = (await context.cookies(page.url())).find((c) => c.name === '_af_vid');

    await page.click('#consent-withdraw');
    await acceptConsent(page);
    await waitForScores(page);
    const secondId = (await context.cookies(page.url())).find((c) => c.name === '_af_vid');

    expect(firstId?.value).toMatch(/^[\w-]{22}$/);
    expect(secondId?.value).toMatch(/^[\w-]{22}$/);
    expect(secondId?.value).not.toBe(firstId?.value);
    await context.close();
  });

  it("follows Shopify's Customer Privacy API: inert until analytics is allowed, then tracks", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const from = store.api.requests.length;
    await page.goto(`${store.shop.origin}/shopify`);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(2_000);

    expect(await isExposed(page)).toBe(false);
    expect(loaderFetchesSince(from)).toBeGreaterThan(0);
    expect(trackerRequestsSince(from)).toEqual([]);
    expect((await trackerFootprint(page)).cookies).toEqual([]);

    await page.evaluate(() => Reflect.get(window, 'fixtureSetConsent')(true));
    await waitForScores(page);
    // Only the grant makes the loader fetch the core.
    expect(trackerRequestsSince(from)).toContain(`GET /t/${store.build.manifest.core.file}`);
    // The page context came from ShopifyAnalytics.meta: a product page.
    await expect
      .poll(async () => (await sessionSignals(page)).productViews, { timeout: 10_000 })
      .toBe(1);

    await page.evaluate(() => Reflect.get(window, 'fixtureSetConsent')(false));
    expect(await trackerFootprint(page)).toEqual({
      cookies: [],
      localStorage: [],
      sessionStorage: [],
    });
    expect(await isExposed(page)).toBe(false);
    await context.close();
  });
});
