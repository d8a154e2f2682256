import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
} from './support/browser.js';

// Themes read derived values through window.auraflow: announced by `auraflow:ready`, changes
// pushed through onChange, probabilities frozen so a theme cannot alter what is sent.

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

it('announces itself, reports derived values only and pushes meaningful changes', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${store.shop.origin}/collections/sale`);
  await page.evaluate(() => {
    const seen: unknown[] = [];
    Reflect.set(window, 'seenChanges', seen);
    document.addEventListener('auraflow:ready', () => {
      window.auraflow?.onChange((snapshot) => seen.push(snapshot));
    });
  });
  await acceptConsent(page);
  await page.selectOption('#sort', 'price-ascending');
  await page.fill('#price-max', '40');
  await page.press('#price-max', 'Tab');

  await expect
    .poll(() => page.evaluate(() => window.auraflow?.archetype() ?? null), { timeout: 10_000 })
    .toBe('deal_seeker');
  const view = await page.evaluate(() => {
    const api = window.auraflow;
    const probabilities = api?.probabilities();
    const changes: unknown = Reflect.get(window, 'seenChanges');
    return {
      keys: Object.keys(api ?? {}).sort(),
      probabilityKeys: Object.keys(probabilities ?? {}).sort(),
      frozen: Object.isFrozen(probabilities),
      confidence: api?.confidence(),
      last: Array.isArray(changes) ? changes[changes.length - 1] : null,
    };
  });

  expect(view.keys).toEqual(['archetype', 'confidence', 'onChange', 'probabilities']);
  expect(view.probabilityKeys).toHaveLength(7);
  expect(view.frozen).toBe(true);
  expect(view.confidence).toBeGreaterThan(0);
  expect(view.last).toMatchObject({ archetype: 'deal_seeker' });
  expect(Object.keys(Object(view.last)).sort()).toEqual([
    'archetype',
    'confidence',
    'probabilities',
  ]);
  await context.close();
});
