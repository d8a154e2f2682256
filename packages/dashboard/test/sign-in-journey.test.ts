import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REGISTRY } from '../../server/src/errors/error-registry.js';
import { type DashboardServer, startDashboardServer } from './support/dashboard-server.js';
import {
  enterPassword,
  expectHeading,
  expectSignedIn,
  openMailedLink,
  signInWithAuthenticator,
  signInWithEmailedCode,
  signOut,
  signUp,
  verifyFromMail,
} from './support/dashboard-steps.js';
import { codeIn, mailTo } from './support/mail.js';
import {
  launchChromium,
  newDevice,
  openPage,
  screenshot,
  type WatchedPage,
} from './support/test-browser.js';
import { TotpApp } from './support/totp.js';

/**
 * The journey in Chromium against the real server: sign up, verify the email from the
 * mailed link, enrol the authenticator app, sign out, sign in from a new browser (extra emailed
 * verification and a notification mail), "stay signed in" only on a recognised device, devices
 * and sessions. Each `it` continues where the previous one left off.
 */
const EMAIL = 'owner@fjord-outfitters.test';
// A canary: unique, so finding it in a log line can only mean the password was logged.
const PASSWORD = `canary-${randomBytes(12).toString('hex')}-pw`;
const UK = { country: 'GB', region: 'ENG' };
const GERMANY = { country: 'DE', region: 'BE' };
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;

let dashboard: DashboardServer;
let browser: Browser;
let firstDevice: BrowserContext;
let newBrowser: BrowserContext;
let page: Page;
let newPage: Page;
let app: TotpApp;
let verificationLink = '';
const watched: WatchedPage[] = [];
/** Every one-time code and recovery code seen, none of which may reach a log line. */
const oneTimeCodes: string[] = [];

beforeAll(async () => {
  dashboard = await startDashboardServer();
  browser = await launchChromium();
  firstDevice = await newDevice(browser, UK);
  newBrowser = await newDevice(browser, GERMANY);
  const first = await openPage(firstDevice);
  const second = await openPage(newBrowser);
  watched.push(first, second);
  page = first.page;
  newPage = second.page;
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

describe('a merchant from sign-up to a recognised second device', () => {
  it('explains each refused field next to it and moves focus to the first', async () => {
    await page.goto(`${dashboard.origin}/app/sign-up`);
    await expectHeading(page, 'Create your Auraflow account');
    // The page's heading takes focus, so Tab leads straight into the form.
    expect(await focusedText()).toBe('Create your Auraflow account');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('sign-up-email');

    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await focusedId()).toBe('sign-up-email');
    await page.getByText('Enter your email address.').waitFor();

    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill('too short');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    const passwordError = page.locator('#sign-up-password-error');
    await expect.poll(() => passwordError.textContent()).toBe(tooShort);
    expect(await focusedId()).toBe('sign-up-password');
    const described = await page
      .getByLabel('Password', { exact: true })
      .getAttribute('aria-describedby');
    expect(described?.split(' ')).toContain('sign-up-password-error');
    await screenshot(page, 'sign-up-errors');
  });

  it("signs up as a new shop's owner and verifies the address from the mailed link", async () => {
    await page.reload();
    await expectHeading(page, 'Create your Auraflow account');
    await screenshot(page, 'sign-up');
    const since = dashboard.smtp.messages.length;

    await signUp(page, { email: EMAIL, password: PASSWORD, shopName: 'Fjord Outfitters' });
    await screenshot(page, 'sign-up-check-email');
    verificationLink = await verifyFromMail(page, dashboard.smtp, EMAIL, since);
    await screenshot(page, 'verify-email');

    expect(new URL(verificationLink).hash).toMatch(/^#token=[\w-]{43}$/);
    // The page read the secret and took it out of the address bar.
    expect(new URL(page.url()).hash).toBe('');
  });

  it('refuses a used verification link and an unknown unlock link with the registry message', async () => {
    // Each in a new tab, as a mail client opens links.
    const reused = await openPage(firstDevice);
    watched.push(reused);
    await openMailedLink(reused.page, verificationLink);
    await expectHeading(reused.page, 'This link did not work');
    expect(await reused.page.getByRole('alert').textContent()).toBe(linkInvalid);

    await reused.page.goto(`${dashboard.origin}/app/unlock#token=${'A'.repeat(43)}`);
    await expectHeading(reused.page, 'This link did not work');
    expect(await reused.page.getByRole('alert').textContent()).toBe(linkInvalid);
    await screenshot(reused.page, 'unlock-invalid');
    await reused.page.close();
  });

  it('signs in on the first browser with an emailed code, without "stay signed in"', async () => {
    await page.getByRole('link', { name: 'Sign in' }).click();
    await expectHeading(page, 'Sign in to Auraflow');
    await screenshot(page, 'sign-in');
    await enterPassword(page, EMAIL, PASSWORD);
    await expectHeading(page, "Confirm it's you");
    await screenshot(page, 'sign-in-second-factor');

    expect(await page.getByLabel('Stay signed in on this device').count()).toBe(0);
    oneTimeCodes.push(await signInWithEmailedCode(page, dashboard.smtp, EMAIL));
    await expectSignedIn(page);
    await expectHeading(page, 'Archetype mix of Fjord Outfitters');
  });

  it('enrols the authenticator app with a code computed from the secret on screen', async () => {
    await page.getByRole('link', { name: 'Two-step verification' }).click();
    await page.getByRole('button', { name: 'Set up the authenticator app' }).click();
    await expectHeading(page, 'Set up your authenticator app');
    const qrCode = page.getByRole('img', { name: /QR code/ });
    expect(await qrCode.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    // Drawn, not refused: the CSP allows data: images.
    await expect.poll(() => qrCode.evaluate(naturalWidth)).toBeGreaterThan(0);
    app = new TotpApp(
      ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, ''),
    );
    await screenshot(page, 'mfa-enrolment');

    const code = await app.nextCode();
    oneTimeCodes.push(code);
    await page.getByLabel('Enter the 6-digit code the app shows').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expectHeading(page, 'Save your recovery codes');
    const recoveryCodes = await page
      .getByRole('list', { name: 'Recovery codes' })
      .locator('code')
      .allTextContents();
    await screenshot(page, 'mfa-recovery-codes');
    expect(recoveryCodes).toHaveLength(10);
    oneTimeCodes.push(...recoveryCodes);

    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Your authenticator app is set up.').waitFor();
    await screenshot(page, 'mfa-status');
  });

  it('signs out', async () => {
    await signOut(page);
    await screenshot(page, 'signed-out');
  });

  it('asks a new browser for an emailed device code and notifies without an IP', async () => {
    await newPage.goto(`${dashboard.origin}/app/sign-in`);
    await enterPassword(newPage, EMAIL, PASSWORD);
    await expectHeading(newPage, "Confirm it's you");
    expect(await newPage.getByLabel('Stay signed in on this device').count()).toBe(0);
    const since = dashboard.smtp.messages.length;

    oneTimeCodes.push(await signInWithAuthenticator(newPage, app));
    await expectHeading(newPage, 'Confirm this device');
    await screenshot(newPage, 'sign-in-new-device');
    const deviceCode = codeIn(await mailTo(dashboard.smtp, EMAIL, /Confirm a new device/, since));
    oneTimeCodes.push(deviceCode);
    await newPage.getByLabel(/6-digit code from the/).fill(deviceCode);
    await newPage.getByRole('button', { name: 'Confirm device' }).click();
    await expectSignedIn(newPage);

    const notice = await mailTo(dashboard.smtp, EMAIL, /New sign-in/, since);
    expect(notice.text).toContain('Germany (region BE)');
    expect(notice.text).toContain('Chrome');
    expect(notice.text).not.toMatch(IPV4);
    expect(notice.html).not.toMatch(IPV4);
  });

  it('offers "stay signed in" once the browser is recognised, and honours it', async () => {
    await signOut(newPage);
    await enterPassword(newPage, EMAIL, PASSWORD);
    await newPage.getByLabel('Stay signed in on this device').waitFor();
    await screenshot(newPage, 'sign-in-recognised-device');

    const code = await signInWithEmailedCode(newPage, dashboard.smtp, EMAIL, {
      staySignedIn: true,
    });
    oneTimeCodes.push(code);
    await expectSignedIn(newPage);

    const cookies = await newBrowser.cookies();
    const session = cookies.find((cookie) => cookie.name === '__Host-af_session');
    // A persistent cookie (Max-Age), where a first sign-in gets one that ends with the browser.
    expect(session?.expires ?? -1).toBeGreaterThan(Date.now() / 1000 + 7 * 86_400);
  });

  it('lists both devices and the sessions, and revokes the other device', async () => {
    await newPage.getByRole('link', { name: 'Devices' }).click();
    await expectHeading(newPage, 'Devices and sessions');
    const devices = newPage.getByRole('list', { name: 'Recognised devices' }).getByRole('listitem');
    await expect.poll(() => devices.count()).toBe(2);
    await expect.poll(() => devices.filter({ hasText: 'Germany (region BE)' }).count()).toBe(1);
    await expect.poll(() => devices.filter({ hasText: 'This device' }).count()).toBe(1);
    await newPage.getByText('Signed in, stays signed in').waitFor();
    await screenshot(newPage, 'devices');

    await devices
      .filter({ hasText: 'United Kingdom' })
      .getByRole('button', { name: 'Revoke Chrome device' })
      .click();
    await expect.poll(() => devices.count()).toBe(1);
  });

  it('signs out everywhere', async () => {
    await newPage.getByRole('button', { name: 'Sign out everywhere' }).click();
    await newPage.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await expectHeading(newPage, 'Sign in to Auraflow');
    await newPage.getByText('You signed out everywhere.').waitFor();

    const status = await newPage.evaluate(async () => (await fetch('/v1/auth/session')).status);
    expect(status).toBe(401);
  });
});

describe('what the journey left behind', () => {
  it('ran every page without a CSP violation or a page error', () => {
    for (const { problems } of watched) expect(problems).toEqual([]);
  });

  it('logged neither the canary password nor any one-time or recovery code', () => {
    const lines = dashboard.logs.lines();
    expect(lines.length).toBeGreaterThan(20);
    expect(oneTimeCodes.length).toBeGreaterThanOrEqual(14);

    expect(lines.filter((line) => line.includes(PASSWORD))).toEqual([]);
    expect(lines.filter((line) => line.includes(app.secret))).toEqual([]);
    for (const code of oneTimeCodes) {
      // Bounded by non-digits: a six-digit code may occur by chance inside a timestamp.
      const pattern = new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`);
      expect(lines.filter((line) => pattern.test(line))).toEqual([]);
    }
  });
});

const tooShort = ERROR_REGISTRY.ACCOUNT_PASSWORD_TOO_SHORT.message;
const linkInvalid = ERROR_REGISTRY.AUTH_LINK_INVALID.message;

function focusedId(): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

function focusedText(): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.textContent);
}

function naturalWidth(element: Element): number {
  return element instanceof HTMLImageElement ? element.naturalWidth : 0;
}
