import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REGISTRY } from '../../server/src/errors/error-registry.js';
import { type DashboardServer, startDashboardServer } from './support/dashboard-server.js';
import {
  enterPassword,
  expectHeading,
  expectSignedIn,
  signInWithEmailedCode,
} from './support/dashboard-steps.js';
import { mailTo } from './support/mail.js';
import { createVerifiedAccount, signInByEmailCode } from './support/test-accounts.js';
import {
  launchChromium,
  newDevice,
  openPage,
  screenshot,
  type WatchedPage,
} from './support/test-browser.js';

/**
 * The account page's password change, on the real server: the policy's refusals shown next to
 * the field, then a change that keeps this browser signed in (with the renewed CSRF token) and
 * ends the session another browser had; afterwards only the new password signs in.
 */
const HOLDER = {
  email: 'keeper@birch-and-bay.test',
  password: 'birch and bay candles since 2004',
  shopName: 'Birch & Bay',
};
const NEW_PASSWORD = 'tallow wicks and beeswax by the harbour';

let dashboard: DashboardServer;
let browser: Browser;
let here: Page;
let elsewhere: Page;
const watched: WatchedPage[] = [];
/** Statuses of this browser's API answers, to prove the renewed CSRF token was used. */
const answers: { readonly path: string; readonly status: number }[] = [];

beforeAll(async () => {
  dashboard = await startDashboardServer();
  browser = await launchChromium();
  const herePage = await openPage(await newDevice(browser, { country: 'IE', region: 'D' }));
  const elsewherePage = await openPage(await newDevice(browser, { country: 'FR', region: 'IDF' }));
  watched.push(herePage, elsewherePage);
  here = herePage.page;
  elsewhere = elsewherePage.page;
  here.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/v1/')) answers.push({ path, status: response.status() });
  });
  await createVerifiedAccount(here, dashboard, HOLDER);
  await signInByEmailCode(here, dashboard, HOLDER);
  await signInByEmailCode(elsewhere, dashboard, HOLDER);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

function passwordForm() {
  return here.getByRole('form', { name: 'Change password' });
}

async function fillPasswordForm(current: string, next: string, again: string): Promise<void> {
  const form = passwordForm();
  await form.getByLabel('Current password').fill(current);
  await form.getByLabel('New password', { exact: true }).fill(next);
  await form.getByLabel('New password again').fill(again);
  await form.getByRole('button', { name: 'Change password' }).click();
}

function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

describe('changing the password', () => {
  it('offers the form on the account page, with the password policy as a hint', async () => {
    await here.getByRole('link', { name: 'Account' }).click();
    await expectHeading(here, 'Account');
    const hint = await here.locator('#new-password-hint').textContent();
    expect(hint).toBe(
      'At least 12 characters. Not a common password, and not containing your email.',
    );
    const describedBy = await passwordForm()
      .getByLabel('New password', { exact: true })
      .getAttribute('aria-describedby');
    expect(describedBy).toContain('new-password-hint');
  });

  it('explains each refusal next to its field and moves focus there', async () => {
    await fillPasswordForm(HOLDER.password, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    await expect.poll(() => focusedId(here)).toBe('confirm-password');
    expect(await here.locator('#confirm-password-error').textContent()).toBe(
      'The two new passwords differ. Enter the same one twice.',
    );

    await fillPasswordForm(HOLDER.password, 'too short', 'too short');
    await expect
      .poll(() => here.locator('#new-password-error').textContent())
      .toBe(ERROR_REGISTRY.ACCOUNT_PASSWORD_TOO_SHORT.message);
    await expect.poll(() => focusedId(here)).toBe('new-password');

    await fillPasswordForm(
      HOLDER.password,
      'keeper of the birch and bay',
      'keeper of the birch and bay',
    );
    await expect
      .poll(() => here.locator('#new-password-error').textContent())
      .toBe(ERROR_REGISTRY.ACCOUNT_PASSWORD_CONTAINS_EMAIL.message);

    await fillPasswordForm('not my password at all', NEW_PASSWORD, NEW_PASSWORD);
    await expect
      .poll(() => here.locator('#current-password-error').textContent())
      .toBe(ERROR_REGISTRY.AUTH_CURRENT_PASSWORD_INCORRECT.message);
    await expect.poll(() => focusedId(here)).toBe('current-password');
    await screenshot(here, 'change-password-refused');
  });

  it('changes it, says the other sessions were signed out, and mails the holder', async () => {
    const since = dashboard.smtp.messages.length;
    await fillPasswordForm(HOLDER.password, NEW_PASSWORD, NEW_PASSWORD);
    await here
      .getByRole('status')
      .filter({ hasText: 'Every other session of your account was signed out' })
      .waitFor();
    expect(await passwordForm().getByRole('alert').count()).toBe(0);
    expect(await passwordForm().getByLabel('Current password').inputValue()).toBe('');
    await screenshot(here, 'change-password-done');
    await mailTo(dashboard.smtp, HOLDER.email, /password was changed/, since);
  });

  it('keeps this browser signed in, sending the renewed CSRF token', async () => {
    const since = answers.length;
    await here.getByRole('link', { name: 'Devices' }).click();
    await expectHeading(here, 'Devices and sessions');
    const sessions = here.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
    // The other browser's session is gone: only this one is left.
    await expect.poll(() => sessions.count()).toBe(1);
    expect(await sessions.first().textContent()).toContain('This session');

    // A state-changing request succeeds at the first try: no 403 AUTH_CSRF_FAILED and retry.
    await here.getByRole('link', { name: 'Team' }).click();
    await here.getByRole('button', { name: 'Save' }).click();
    await here.getByText('Saved.').waitFor();
    const later = answers.slice(since);
    expect(later.some((answer) => answer.path.endsWith('/members/mfa-policy'))).toBe(true);
    expect(later.filter((answer) => answer.status >= 400)).toEqual([]);
  });

  it("ends the other browser's session", async () => {
    await elsewhere.getByRole('link', { name: 'Devices' }).click();
    await expectHeading(elsewhere, 'Sign in to Auraflow');
    await elsewhere.getByText('Your session has ended').waitFor();
    await screenshot(elsewhere, 'signed-out-by-password-change');
  });

  it('refuses the old password and signs in with the new one', async () => {
    await enterPassword(elsewhere, HOLDER.email, HOLDER.password);
    await expect
      .poll(() => elsewhere.getByRole('alert').textContent())
      .toBe(ERROR_REGISTRY.AUTH_SIGN_IN_FAILED.message);

    await enterPassword(elsewhere, HOLDER.email, NEW_PASSWORD);
    await signInWithEmailedCode(elsewhere, dashboard.smtp, HOLDER.email);
    await expectSignedIn(elsewhere);
    // Back on the page the ended session was showing.
    await expectHeading(elsewhere, 'Devices and sessions');
  });

  it('ran without a CSP violation or a page error', () => {
    for (const { problems } of watched) expect(problems).toEqual([]);
  });
});
