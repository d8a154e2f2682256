import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SmtpPeer } from '../../../server/test/accounts/support/smtp-peer.js';
import { routeOf } from '../../src/routing/routes.js';
import { codeIn, linkIn, mailTo } from './mail.js';
import type { TotpApp } from './totp.js';

/**
 * What a merchant does in the dashboard, one function per task, driven through the accessible
 * names a screen reader would announce: a label that goes missing fails these steps.
 */

export async function heading(page: Page): Promise<string> {
  const text = await page.getByRole('heading', { level: 1 }).textContent();

  return text ?? '';
}

export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function signUp(
  page: Page,
  account: { email: string; password: string; shopName?: string },
): Promise<void> {
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  if (account.shopName !== undefined) {
    await page.getByLabel('Shop name (optional)').fill(account.shopName);
  }
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectHeading(page, 'Check your email');
}

/**
 * Opens a mailed dashboard link exactly as the recipient would (the links of
 * packages/server/src/email/links.ts point into `/app/…`, which the server serves).
 */
export async function openMailedLink(page: Page, link: string): Promise<void> {
  const url = new URL(link);
  expect(url.pathname.startsWith('/app/')).toBe(true);
  expect(routeOf(url.pathname)).not.toBe('notFound');

  await page.goto(url.href);
}

/** Opens the verification link of the latest such mail, as the recipient would. */
export async function verifyFromMail(
  page: Page,
  smtp: SmtpPeer,
  email: string,
  since: number,
): Promise<string> {
  const mail = await mailTo(smtp, email, /Verify your email/, since);
  const link = linkIn(mail);
  await openMailedLink(page, link);
  await expectHeading(page, 'Email address verified');

  return link;
}

export async function enterPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** The emailed-code second factor; answers the code, which the caller checks stays out of logs. */
export async function signInWithEmailedCode(
  page: Page,
  smtp: SmtpPeer,
  email: string,
  options: { staySignedIn?: boolean } = {},
): Promise<string> {
  await expectHeading(page, "Confirm it's you");
  const emailChoice = page.getByRole('radio', { name: 'Code by email' });
  if ((await emailChoice.count()) > 0) await emailChoice.check();
  const since = smtp.messages.length;
  await page.getByRole('button', { name: 'Email me a code' }).click();
  const code = codeIn(await mailTo(smtp, email, /sign-in code/, since));
  await page.getByLabel('6-digit code from the email').fill(code);
  if (options.staySignedIn === true) await page.getByLabel('Stay signed in on this device').check();
  await page.getByRole('button', { name: 'Sign in' }).click();

  return code;
}

export async function signInWithAuthenticator(page: Page, app: TotpApp): Promise<string> {
  await expectHeading(page, "Confirm it's you");
  await page.getByRole('radio', { name: 'Authenticator app' }).check();
  const code = await app.nextCode();
  await page.getByLabel('6-digit code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();

  return code;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectHeading(page, 'Sign in to Auraflow');
}

export async function expectSignedIn(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  // Exact: the devices page also has "Sign out everywhere".
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
}
