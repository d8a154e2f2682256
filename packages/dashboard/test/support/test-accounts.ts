import type { Page } from 'playwright-core';
import type { DashboardServer } from './dashboard-server.js';
import {
  enterPassword,
  expectHeading,
  expectSignedIn,
  signInWithEmailedCode,
  signUp,
  verifyFromMail,
} from './dashboard-steps.js';

export interface TestAccount {
  readonly email: string;
  readonly password: string;
  readonly shopName?: string;
}

/** Signs up through the dashboard and follows the verification link from the mail. */
export async function createVerifiedAccount(
  page: Page,
  dashboard: DashboardServer,
  account: TestAccount,
): Promise<void> {
  await page.goto(`${dashboard.origin}/app/sign-up`);
  const since = dashboard.smtp.messages.length;
  await signUp(page, account);
  await verifyFromMail(page, dashboard.smtp, account.email, since);
}

/** Password and emailed code, from the sign-in page; ends signed in. */
export async function signInByEmailCode(
  page: Page,
  dashboard: DashboardServer,
  account: TestAccount,
): Promise<void> {
  await page.goto(`${dashboard.origin}/app/sign-in`);
  await expectHeading(page, 'Sign in to Auraflow');
  await enterPassword(page, account.email, account.password);
  await signInWithEmailedCode(page, dashboard.smtp, account.email);
  await expectSignedIn(page);
}
