import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectMode } from './support/api-server.js';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
  waitForScores,
} from './support/browser.js';
import { scoresOf } from './support/payloads.js';
import { Shopper } from './support/shopper.js';

// With the collect API failing, the host page must not notice: no page errors, no unhandled
// rejections (Chromium reports both as `pageerror`), the page keeps working. Scores wait in a
// bounded queue and arrive once the API answers again.

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

async function queuedSeqs(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const queue: unknown = JSON.parse(sessionStorage.getItem('af_q') ?? '[]');
    return Array.isArray(queue)
      ? queue.map((item) => (typeof item?.seq === 'number' ? item.seq : -1))
      : [];
  });
}

const OUTAGES: ReadonlyArray<readonly [string, CollectMode]> = [
  ['answers 503', 'unavailable'],
  ['drops the connection', 'reset'],
];

describe.each(OUTAGES)('while the collect API %s', (name, mode) => {
  it(`(${name}) nothing breaks, and the queued scores arrive once it is back`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    const shopper = new Shopper(page, store.shop.origin);
    await shopper.installClock();

    store.api.collectMode = mode;
    const failedBefore = store.api.requests.length;
    await shopper.visit('/collections/sale');
    await acceptConsent(page);
    await waitForScores(page);
    await shopper.choose('#sort', 'price-ascending');
    await shopper.dwell(5);
    await shopper.follow('#product-link-p1');
    await shopper.click('#variant-blue');
    await shopper.dwell(5);
    await shopper.follow('#nav-shoes');
    await shopper.choose('#sort', 'best-selling');
    await shopper.dwell(5);

    const waiting = await queuedSeqs(page);
    expect(waiting.length).toBeGreaterThan(1);
    const attempts = store.api.requests
      .slice(failedBefore)
      .filter((request) => request.method === 'POST');
    expect(attempts.length).toBeGreaterThan(0);
    await shopper.click('#page-button');
    expect(await page.textContent('#page-counter')).toBe('1');

    store.api.collectMode = 'ok';
    const visitorId = (await context.cookies(page.url())).find((c) => c.name === '_af_vid');
    // Past the longest backoff (30 s): the retry timer fires.
    await page.clock.fastForward(31_000);
    await expect
      .poll(
        () => scoresOf(store.api.acceptedBodies(), visitorId?.value).map((score) => score.seq),
        { timeout: 15_000 },
      )
      .toEqual(expect.arrayContaining(waiting));
    await expect.poll(() => queuedSeqs(page)).toEqual([]);

    expect(errors).toEqual([]);
    await context.close();
  });
});
