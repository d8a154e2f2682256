import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
  waitForScores,
} from './support/browser.js';

// Every script in the chain is pinned by SHA-384 Subresource Integrity: the page pins the
// loader, the loader pins the core. One changed byte in either file (the API stand-in flips
// the trailing newline to a space, which would still run) and the browser refuses to run it.
// The shop itself keeps working.

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

async function visitWithConsent(page: Page): Promise<string[]> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${store.shop.origin}/collections/sale`);
  await acceptConsent(page);
  await page.selectOption('#sort', 'price-ascending');

  return consoleErrors;
}

async function pageStillWorks(page: Page): Promise<boolean> {
  await page.click('#page-button');
  await page.click('#page-button');
  return (await page.textContent('#page-counter')) === '2';
}

describe('a changed byte in a tracker file', () => {
  it('control: the untouched files run', async () => {
    store.api.tamper = null;
    const context = await browser.newContext();
    const page = await context.newPage();
    await visitWithConsent(page);

    await waitForScores(page);
    expect(await pageStillWorks(page)).toBe(true);
    await context.close();
  });

  for (const file of ['loader', 'core'] as const) {
    it(`in the ${file}: the browser refuses it, nothing is sent, the page still works`, async () => {
      store.api.tamper = file;
      const from = store.api.requests.length;
      const context = await browser.newContext();
      const page = await context.newPage();
      const consoleErrors = await visitWithConsent(page);
      await page.waitForTimeout(3_000);

      expect(await page.evaluate(() => 'auraflow' in window)).toBe(false);
      expect(await pageStillWorks(page)).toBe(true);
      expect(consoleErrors.join('\n')).toMatch(/integrity/i);

      await page.goto('about:blank');
      const paths = store.api.requests.slice(from).map((request) => request.path);
      expect(paths.every((path) => path.startsWith('/t/'))).toBe(true);
      expect(paths).toContain(`/t/${store.build.manifest[file].file}`);
      await context.close();
    });
  }
});
