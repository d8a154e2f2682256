import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboardServer } from './support/dashboard-server.js';
import { expectSignedIn } from './support/dashboard-steps.js';
import { createVerifiedAccount, signInByEmailCode } from './support/test-accounts.js';
import { launchChromium, newDevice, openPage } from './support/test-browser.js';

/**
 * A state-changing request from the dashboard's own origin, with the session cookie, but without
 * the session's `x-csrf-token`, is refused with 403 AUTH_CSRF_FAILED; the same request with the
 * token gets past the check. The request changes nothing either way (an unknown session id).
 */
const ACCOUNT = {
  email: 'admin@csrf.test',
  password: 'a long and unusual passphrase 7',
  shopName: 'CSRF Supplies',
};
const UNKNOWN_SESSION = '/v1/account/sessions/00000000-0000-4000-8000-000000000000';

let dashboard: DashboardServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dashboard = await startDashboardServer();
  browser = await launchChromium();
  page = (await openPage(await newDevice(browser, { country: 'NL', region: 'NH' }))).page;
  await createVerifiedAccount(page, dashboard, ACCOUNT);
  await signInByEmailCode(page, dashboard, ACCOUNT);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

interface Answer {
  readonly status: number;
  readonly code: string | null;
}

/** A DELETE issued by the page itself: same origin, cookies included, headers as given. */
function deleteFromPage(headers: Record<string, string>): Promise<Answer> {
  return page.evaluate(
    async ({ path, headers }) => {
      const response = await fetch(path, { method: 'DELETE', headers, credentials: 'same-origin' });
      const body: unknown = await response.json().catch(() => null);
      const error = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : null;
      const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : null;
      return { status: response.status, code: typeof code === 'string' ? code : null };
    },
    { path: UNKNOWN_SESSION, headers },
  );
}

async function currentCsrfToken(): Promise<string> {
  const token = await page.evaluate(async () => {
    const body: unknown = await (await fetch('/v1/auth/session')).json();
    return typeof body === 'object' && body !== null ? Reflect.get(body, 'csrfToken') : null;
  });
  if (typeof token !== 'string') throw new Error('no CSRF token in the session');

  return token;
}

describe('CSRF protection seen from the dashboard page', () => {
  it('refuses a state-changing request without the x-csrf-token header', async () => {
    expect(await deleteFromPage({})).toEqual({ status: 403, code: 'AUTH_CSRF_FAILED' });
  });

  it('refuses one with a wrong token', async () => {
    const answer = await deleteFromPage({ 'x-csrf-token': 'not-the-token' });
    expect(answer).toEqual({ status: 403, code: 'AUTH_CSRF_FAILED' });
  });

  it('lets the same request through with the session token', async () => {
    const token = await currentCsrfToken();
    const answer = await deleteFromPage({ 'x-csrf-token': token });
    expect(answer).toEqual({ status: 404, code: 'ACCOUNT_SESSION_NOT_FOUND' });
  });

  it('leaves the session signed in', async () => {
    await page.reload();
    await expectSignedIn(page);
  });
});
