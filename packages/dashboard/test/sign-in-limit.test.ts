import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REGISTRY } from '../../server/src/errors/error-registry.js';
import { type DashboardServer, startDashboardServer } from './support/dashboard-server.js';
import { enterPassword, expectHeading } from './support/dashboard-steps.js';
import { createVerifiedAccount } from './support/test-accounts.js';
import {
  launchChromium,
  newDevice,
  openPage,
  screenshot,
  type WatchedPage,
} from './support/test-browser.js';

/**
 * Repeated wrong passwords reach the per-account limit (10 password steps a minute for one email
 * address, docs/api-accounts.md), and the sign-in page says so with the registry's message,
 * moving focus to it. Past the limit even the right password is turned away.
 */
const ACCOUNT = { email: 'analyst@limit.test', password: 'correct horse battery staple 42' };
const PER_ACCOUNT_LIMIT = 10;

let dashboard: DashboardServer;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  dashboard = await startDashboardServer();
  browser = await launchChromium();
  watched = await openPage(await newDevice(browser, { country: 'FR', region: 'IDF' }));
  page = watched.page;
  await createVerifiedAccount(page, dashboard, ACCOUNT);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

/** One password step, waiting for the API's answer; returns its status. */
async function attempt(password: string): Promise<number> {
  const answer = page.waitForResponse((response) => response.url().endsWith('/v1/auth/sign-in'));
  await enterPassword(page, ACCOUNT.email, password);

  return (await answer).status();
}

function alertText(): Promise<string | null> {
  return page.getByRole('alert').textContent();
}

describe('repeated wrong passwords', () => {
  it('answer each with the same sign-in failure, announced and focused', async () => {
    await page.goto(`${dashboard.origin}/app/sign-in`);
    await expectHeading(page, 'Sign in to Auraflow');

    for (let failure = 1; failure <= PER_ACCOUNT_LIMIT; failure += 1) {
      expect(await attempt(`wrong password number ${failure}`)).toBe(401);
      expect(await alertText()).toBe(ERROR_REGISTRY.AUTH_SIGN_IN_FAILED.message);
    }
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('role'));
    expect(focused).toBe('alert');
    await screenshot(page, 'sign-in-failed');
  });

  it('reach the limit, which the page reports with the registry message', async () => {
    expect(await attempt('one wrong password too many')).toBe(429);
    await expect.poll(alertText).toBe(ERROR_REGISTRY.RATE_LIMITED.message);
    await screenshot(page, 'sign-in-limit-reached');
  });

  it('keep the account limited even for the right password', async () => {
    expect(await attempt(ACCOUNT.password)).toBe(429);
    expect(await alertText()).toBe(ERROR_REGISTRY.RATE_LIMITED.message);
    await expectHeading(page, 'Sign in to Auraflow');
  });

  it('left no CSP violation or page error', () => {
    expect(watched.problems).toEqual([]);
  });
});
