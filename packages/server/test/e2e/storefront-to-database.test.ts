import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ARCHETYPE_IDS } from '@auraflow/taxonomy';
import type { AuraflowApi } from '@auraflow/tracker';
import { type Browser, chromium, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Database } from '../../src/db/database.js';
import { withTenant } from '../../src/db/tenant.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { findShopIdBySiteKey } from '../../src/shops/shop-repository.js';
import { testKeys } from '../support/keyring.js';
import { captureLogs } from '../support/logs.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres.js';

/**
 * The whole chain as a shopper meets it: the real server on the real PostgreSQL (runtime role),
 * the demo store on its own origin, the built tracker pinned by SRI, and Chromium. Chromium runs
 * without the automation flag in navigator.webdriver, as a shopper's browser would, so the
 * tracker needs no test switch.
 */
declare global {
  interface Window {
    auraflow?: AuraflowApi;
  }
}

let scratch: ScratchDatabase;
let server: RunningServer;
let owner: Database;
let browser: Browser;
const logs = captureLogs('info');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  scratch = await createScratchDatabase();
  owner = scratch.owner(1);
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: scratch.urls.runtime,
    DEMO_PORT: '0',
    AURAFLOW_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'auraflow-e2e-')),
    ...testKeys().env,
  });
  server = await startServer(config, logs.logger);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-blink-features=AutomationControlled',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await owner?.close();
  await scratch?.drop();
});

function demoUrl(pathname: string): string {
  return new URL(pathname, server.demo?.url ?? 'http://invalid').href;
}

async function settle(page: Page): Promise<void> {
  await page.mouse.move(120, 240);
  await page.clock.fastForward(8_000);
  await page.waitForTimeout(150);
}

async function waitFor(condition: () => boolean, timeoutMillis = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the tracker to send');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function storedStates(siteKey: string) {
  return withTenant(server.database, await shopIdOf(siteKey), (trx) =>
    trx.selectFrom('visitor_states').selectAll().execute(),
  );
}

async function shopIdOf(siteKey: string): Promise<string> {
  return (await findShopIdBySiteKey(server.database, siteKey)) ?? '';
}

describe('a shopper on the demo store, through to PostgreSQL', () => {
  const bodies: string[] = [];
  let inPage: string | null = null;

  beforeAll(async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    page.on('request', (request: Request) => {
      if (request.url().endsWith('/v1/collect')) bodies.push(request.postData() ?? '');
    });

    await page.goto(demoUrl('/'));
    await page.click('[data-consent-choice="granted"]');
    await page.waitForFunction(() => window.auraflow !== undefined, null, { timeout: 15_000 });
    for (const pathname of ['/collections/sale', '/collections/sale?sort=price-ascending']) {
      await page.goto(demoUrl(pathname));
      await settle(page);
    }
    await page.fill('#price-min', '10');
    await page.press('#price-min', 'Tab');
    await settle(page);
    for (const handle of ['ridgeline-trail-lantern', 'alder-trekking-poles', 'linen-apron']) {
      await page.goto(demoUrl(`/products/${handle}`));
      await settle(page);
    }
    inPage = await page.evaluate(() => window.auraflow?.archetype() ?? null);
    await page.goto('about:blank');
    await waitFor(() => bodies.length > 0);
    await context.close();
  });

  it('stores one derived state for the visitor, matching what the page computed', async () => {
    const siteKey = server.demo?.siteKey ?? '';
    await expect
      .poll(async () => (await storedStates(siteKey)).length, { timeout: 10_000 })
      .toBe(1);
    const [state] = await storedStates(siteKey);

    expect(inPage).not.toBeNull();
    expect(state?.top_archetype).toBe(inPage);
    expect(Object.keys(state?.probabilities ?? {}).sort()).toEqual([...ARCHETYPE_IDS].sort());
  });

  it('classifies a sale-collection, price-sorting shopper as a deal seeker', () => {
    expect(inPage).toBe('deal_seeker');
  });

  it('sent nothing but derived scores', () => {
    for (const body of bodies) {
      expect(Object.keys(JSON.parse(body)).sort()).toEqual(
        ['batch', 'sessionId', 'siteKey', 'taxonomyVersion', 'visitorId'].sort(),
      );
      expect(body).not.toMatch(/collections|products|sale|lantern|http/);
    }
  });

  it('kept no address of the shopper: 127.0.0.1 appears in no stored row and no log line', async () => {
    const siteKey = server.demo?.siteKey ?? '';
    const states = JSON.stringify(await storedStates(siteKey));

    expect(states).not.toContain('127.0.0.1');
    for (const line of logs.lines()) expect(line).not.toContain('127.0.0.1"');
  });
});
