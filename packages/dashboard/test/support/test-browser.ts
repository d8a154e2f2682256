import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  chromium,
  type Page,
} from 'playwright-core';

const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../../../test-output/screenshots/', import.meta.url),
);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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

/** Where a browser context says it is: sent as Cloudflare's visitor-location headers. */
export interface Whereabouts {
  readonly country: string;
  readonly region: string;
}

/**
 * A fresh profile: no cookies, so the server sees an unrecognised device, with Chromium's own
 * (headless) User-Agent, and its whereabouts in Cloudflare's location headers.
 */
export function newDevice(browser: Browser, place: Whereabouts): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1200, height: 860 },
    extraHTTPHeaders: { 'cf-ipcountry': place.country, 'cf-region-code': place.region },
  });
}

/**
 * A page whose console errors (CSP refusals among them) and uncaught errors are collected, so a
 * test can assert that the dashboard ran clean under the server's policy.
 */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
}

export async function openPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  // Every step here takes well under a second; a missing element should fail fast.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (isProblem(message)) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  return { page, problems };
}

/**
 * Errors and CSP reports. Failed requests the test provokes on purpose (a 401 from a wrong
 * password, a 403 from the CSRF probe) are logged by Chromium as "Failed to load resource";
 * those are the API answering, not the page misbehaving.
 */
function isProblem(message: ConsoleMessage): boolean {
  const text = message.text();
  if (/Content Security Policy/i.test(text)) return true;
  if (message.type() !== 'error') return false;

  return !/^Failed to load resource: the server responded with a status of/.test(text);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}
