import { type Browser, chromium, type Page } from 'playwright-core';
import { type ApiServer, startApiServer } from './api-server.js';
import { buildForTests, type TestBuild } from './build.js';
import { type ShopServer, startShopServer } from './shop-server.js';

/** Debian's Chromium; `npx playwright install` cannot download browsers on this machine. */
const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  // chromium.launch gives every run a fresh temporary user-data dir.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Storefront {
  build: TestBuild;
  api: ApiServer;
  shop: ShopServer;
  close(): Promise<void>;
}

export interface StorefrontOptions {
  siteKey?: string;
  allowAutomation?: boolean;
  shopHost?: string;
}

/** Builds the tracker, then starts an API stand-in and a fixture store that embeds it. */
export async function startStorefront(options: StorefrontOptions = {}): Promise<Storefront> {
  const build = await buildForTests();
  const api = await startApiServer(build.distDir);
  const shop = await startShopServer({
    snippetTemplate: build.snippetTemplate,
    apiOrigin: api.origin,
    siteKey: options.siteKey ?? 'fixture-shop',
    allowAutomation: options.allowAutomation ?? true,
    ...(options.shopHost ? { host: options.shopHost } : {}),
  });

  return {
    build,
    api,
    shop,
    close: async () => {
      await shop.close();
      await api.close();
    },
  };
}

/** Accepts analytics consent in the fixture store's banner. */
export async function acceptConsent(page: Page): Promise<void> {
  await page.click('#consent-accept');
}

/** Waits until the tracker runs and has classified the visitor at least once. */
export async function waitForScores(page: Page): Promise<void> {
  await page.waitForFunction(() => window.auraflow?.archetype() != null, undefined, {
    timeout: 15_000,
  });
}

/** The current session's raw counters, read from where the tracker keeps them. */
export async function sessionSignals(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const stored: unknown = JSON.parse(sessionStorage.getItem('af_s') ?? 'null');
    const signals =
      typeof stored === 'object' && stored !== null && 'signals' in stored ? stored.signals : {};

    return typeof signals === 'object' && signals !== null ? { ...signals } : {};
  });
}

/** Everything the tracker keeps on the device: its cookie and its storage keys. */
export async function trackerFootprint(page: Page): Promise<{
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
}> {
  const cookies = await page.context().cookies(page.url());

  return {
    cookies: cookies.map((cookie) => cookie.name),
    ...(await page.evaluate(() => ({
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
    }))),
  };
}
