import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
  waitForScores,
} from './support/browser.js';
import { scoresOf } from './support/payloads.js';

// No cross-merchant identity: one browser visiting two shops on two sites is two unrelated
// visitors. Ids are random per shop; the cookie is first-party and host-only.

let browser: Browser;
let shopA: Storefront;
let shopB: Storefront;

beforeAll(async () => {
  shopA = await startStorefront({ siteKey: 'shop-a', shopHost: '127.0.0.1' });
  shopB = await startStorefront({ siteKey: 'shop-b', shopHost: 'localhost' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await shopA?.close();
  await shopB?.close();
});

async function visitorIdAt(context: BrowserContext, store: Storefront): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${store.shop.origin}/collections/sale`);
  await acceptConsent(page);
  await waitForScores(page);
  await page.goto('about:blank');
  await expect
    .poll(() => store.api.acceptedBodies().length, { timeout: 10_000 })
    .toBeGreaterThan(0);
  await page.close();

  const body = store.api.acceptedBodies()[0];
  const visitorId =
    typeof body === 'object' && body !== null && 'visitorId' in body ? body.visitorId : null;
  return typeof visitorId === 'string' ? visitorId : '';
}

it('one browser on two shops gets two unrelated visitor ids in two host-only cookies', async () => {
  const context = await browser.newContext();

  const idA = await visitorIdAt(context, shopA);
  const idB = await visitorIdAt(context, shopB);

  expect(idA).toMatch(/^[\w-]{22}$/);
  expect(idB).toMatch(/^[\w-]{22}$/);
  expect(idA).not.toBe(idB);

  const cookiesA = await context.cookies(shopA.shop.origin);
  const cookiesB = await context.cookies(shopB.shop.origin);
  expect(cookiesA.map((cookie) => [cookie.name, cookie.value])).toEqual([['_af_vid', idA]]);
  expect(cookiesB.map((cookie) => [cookie.name, cookie.value])).toEqual([['_af_vid', idB]]);
  for (const cookie of [...cookiesA, ...cookiesB]) {
    // A leading dot would mean a Domain attribute, shared with subdomains.
    expect(cookie.domain.startsWith('.')).toBe(false);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);
  }

  // Neither shop's API ever saw the other shop's visitor.
  expect(scoresOf(shopA.api.acceptedBodies(), idB)).toEqual([]);
  expect(scoresOf(shopB.api.acceptedBodies(), idA)).toEqual([]);
  await context.close();
});
