import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
  waitForScores,
} from './support/browser.js';
import { lastScore, topOf } from './support/payloads.js';
import { Shopper } from './support/shopper.js';

// Three shoppers script the journeys that the taxonomy's own tests describe in counters
// (packages/taxonomy/test/sessions.ts), here as clicks on the fixture store. Each must end
// with the expected top archetype, both in the page (window.auraflow) and in the last score
// that reached the collect API.

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

async function shop(script: (shopper: Shopper) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const shopper = new Shopper(page, store.shop.origin);
  await shopper.installClock();
  await shopper.visit('/');
  await acceptConsent(page);
  await waitForScores(page);

  await script(shopper);

  const inPage = await page.evaluate(() => window.auraflow?.archetype() ?? null);
  const visitorId = await visitorIdOf(page);
  // Leaving the store fires pagehide: the tracker sends its final score with keepalive.
  await page.goto('about:blank');
  const sent = await expect
    .poll(() => lastScore(store.api.acceptedBodies(), visitorId), { timeout: 10_000 })
    .toBeDefined()
    .then(() => lastScore(store.api.acceptedBodies(), visitorId));
  await context.close();

  return { inPage, sent: sent ? topOf(sent) : null, errors };
}

async function visitorIdOf(page: Page): Promise<string> {
  const cookies = await page.context().cookies(page.url());
  return cookies.find((cookie) => cookie.name === '_af_vid')?.value ?? '';
}

describe('shopper journeys on the fixture store', () => {
  it('a deal seeker (sale collection, price sort, price filter, sale products) ends as deal_seeker', async () => {
    const result = await shop(async (shopper) => {
      await shopper.follow('#nav-sale');
      await shopper.choose('#sort', 'price-ascending');
      await shopper.enter('#price-min', '20');
      await shopper.enter('#price-max', '60');
      await shopper.dwell(20);
      await shopper.follow('#product-link-p1');
      await shopper.scrollTo(0.4);
      await shopper.dwell(20);
      await shopper.back();
      await shopper.follow('#product-link-p2');
      await shopper.dwell(20);
      await shopper.follow('#nav-shoes');
      await shopper.choose('#sort', 'price-descending');
      await shopper.dwell(15);
      await shopper.follow('#product-link-p3');
      await shopper.dwell(20);
    });

    expect(result.errors).toEqual([]);
    expect(result.inPage).toBe('deal_seeker');
    expect(result.sent).toBe('deal_seeker');
  });

  it('a researcher (search, long reads, reviews, variants, no cart) ends as researcher', async () => {
    const result = await shop(async (shopper) => {
      await shopper.visit('/search?q=boots');
      await waitForScores(shopper.page);
      await shopper.follow('#product-link-p2');
      for (const product of ['p4', 'p5', 'p6', 'p1', 'p3', 'p2']) {
        await shopper.click('#variant-blue');
        await shopper.dwell(40);
        await shopper.readReviews(20);
        await shopper.scrollTo(0.95);
        await shopper.dwell(10);
        await shopper.visit(`/collections/${product === 'p1' ? 'shoes' : 'all'}`);
        await waitForScores(shopper.page);
        await shopper.follow(`#product-link-${product}`);
      }
      await shopper.click('#variant-green');
      await shopper.dwell(40);
    });

    expect(result.errors).toEqual([]);
    expect(result.inPage).toBe('researcher');
    expect(result.sent).toBe('researcher');
  });

  it('an impulse buyer (one product, added to cart within seconds) ends as impulse_buyer', async () => {
    const result = await shop(async (shopper) => {
      await shopper.follow('#product-link-p4');
      await shopper.dwell(12);
      await shopper.follow('#add-to-cart');
    });

    expect(result.errors).toEqual([]);
    expect(result.inPage).toBe('impulse_buyer');
    expect(result.sent).toBe('impulse_buyer');
  });
});
