import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REGISTRY } from '../../server/src/errors/error-registry.js';
import { type DashboardServer, startDashboardServer } from './support/dashboard-server.js';
import {
  enterPassword,
  expectHeading,
  expectSignedIn,
  openMailedLink,
  signInWithEmailedCode,
  signUp,
  verifyFromMail,
} from './support/dashboard-steps.js';
import { linkIn, mailTo } from './support/mail.js';
import { createVerifiedAccount, signInByEmailCode } from './support/test-accounts.js';
import {
  launchChromium,
  newDevice,
  openPage,
  screenshot,
  type WatchedPage,
} from './support/test-browser.js';
import { TotpApp } from './support/totp.js';

/**
 * The team page: members with roles, an invitation by email with a role, accepted from its
 * link by someone who first has to create an account, the owner's MFA policy switch, which
 * the API refuses while the owner has no authenticator app, and managing members: actions
 * offered by role, a role change, the API keeping the last owner, and a confirmed removal.
 */
const OWNER = {
  email: 'owner@alder-and-ash.test',
  password: 'alder and ash woodwork since 1987',
  shopName: 'Alder & Ash',
};
const INVITEE = { email: 'analyst@alder-and-ash.test', password: 'numbers by the hour, please' };

let dashboard: DashboardServer;
let browser: Browser;
let owner: Page;
let invitee: Page;
const watched: WatchedPage[] = [];
let invitationLink = '';

beforeAll(async () => {
  dashboard = await startDashboardServer();
  browser = await launchChromium();
  const ownerPage = await openPage(await newDevice(browser, { country: 'IE', region: 'D' }));
  const inviteePage = await openPage(await newDevice(browser, { country: 'ES', region: 'MD' }));
  watched.push(ownerPage, inviteePage);
  owner = ownerPage.page;
  invitee = inviteePage.page;
  await createVerifiedAccount(owner, dashboard, OWNER);
  await signInByEmailCode(owner, dashboard, OWNER);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

/** Sets up the authenticator app from the MFA page (or the enrolment a shop requires). */
async function enrolAuthenticator(page: Page): Promise<void> {
  const navigation = page.getByRole('link', { name: 'Two-step verification' });
  if ((await navigation.count()) > 0) await navigation.click();
  await page.getByRole('button', { name: 'Set up the authenticator app' }).click();
  const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page
    .getByLabel('Enter the 6-digit code the app shows')
    .fill(await new TotpApp(secret).nextCode());
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expectHeading(page, 'Save your recovery codes');
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

function membersTable() {
  return owner.getByRole('table');
}

function memberRow(email: string) {
  return membersTable().getByRole('row').filter({ hasText: email });
}

/** The role column's text (the row's text would also hold an open role form's options). */
function roleIn(row: ReturnType<typeof memberRow>): Promise<string | null> {
  return row.getByRole('cell').nth(1).textContent();
}

describe('the team page', () => {
  it('lists the owner as the only member', async () => {
    await owner.getByRole('link', { name: 'Team' }).click();
    await expectHeading(owner, 'Team of Alder & Ash');
    const rows = membersTable().getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain(OWNER.email);
    expect(await rows.nth(1).textContent()).toContain('Owner');
  });

  it('shows the API refusing the MFA policy while the owner has no authenticator app', async () => {
    await owner.getByLabel('Require the authenticator app for every member').check();
    await owner.getByRole('button', { name: 'Save' }).click();
    const alert = owner.getByRole('form', { name: 'Sign-in security' }).getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe(ERROR_REGISTRY.ACCOUNT_TOTP_REQUIRED_FOR_POLICY.message);
  });

  it('invites someone by email as an analyst', async () => {
    const since = dashboard.smtp.messages.length;
    await owner.getByLabel('Email address').fill(INVITEE.email);
    await owner.getByRole('combobox', { name: 'Role' }).selectOption('analyst');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(`Invitation sent to ${INVITEE.email}.`).waitFor();

    const pending = owner.getByRole('list', { name: 'Pending invitations' });
    await expect.poll(() => pending.getByText(`${INVITEE.email} · Analyst`).count()).toBe(1);
    await screenshot(owner, 'team');
    const mail = await mailTo(dashboard.smtp, INVITEE.email, /invited to Alder & Ash/, since);
    invitationLink = linkIn(mail);
    expect(new URL(invitationLink).hash).toMatch(/^#shop=[0-9a-f-]{36}&token=[\w-]{43}$/);
  });

  it('lets the invitee create an account from the link, sign in, and accept', async () => {
    await openMailedLink(invitee, invitationLink);
    await expectHeading(invitee, 'You are invited to a shop on Auraflow');
    await screenshot(invitee, 'accept-invitation-signed-out');
    await invitee.getByRole('link', { name: 'Create an account' }).click();
    const since = dashboard.smtp.messages.length;
    await signUp(invitee, INVITEE);
    await verifyFromMail(invitee, dashboard.smtp, INVITEE.email, since);
    await invitee.getByRole('link', { name: 'Sign in' }).click();
    await enterPassword(invitee, INVITEE.email, INVITEE.password);
    await signInWithEmailedCode(invitee, dashboard.smtp, INVITEE.email);

    // The remembered invitation brings the new member back to accept it.
    await expectHeading(invitee, 'Accept the invitation');
    await screenshot(invitee, 'accept-invitation');
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await expectHeading(invitee, 'Welcome to the team');
    await invitee.getByText('You joined the shop as analyst.').waitFor();
    await invitee.getByRole('link', { name: 'Go to the overview' }).click();
    await expectSignedIn(invitee);
    await expectHeading(invitee, 'Archetype mix of Alder & Ash');
  });

  it('shows the new member, with the role, to the owner', async () => {
    await owner.reload();
    const rows = membersTable().getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.filter({ hasText: INVITEE.email }).textContent()).toContain('Analyst');
    expect(await owner.getByRole('list', { name: 'Pending invitations' }).count()).toBe(0);
    await screenshot(owner, 'team-with-member');
  });

  it('makes the member enrol the app at the next sign-in once the owner requires it', async () => {
    await enrolAuthenticator(owner);
    await owner.getByRole('link', { name: 'Team' }).click();
    await owner.getByLabel('Require the authenticator app for every member').check();
    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.getByText('Now: every member must use the authenticator app.').waitFor();

    await invitee.getByRole('button', { name: 'Sign out' }).click();
    await enterPassword(invitee, INVITEE.email, INVITEE.password);
    await signInWithEmailedCode(invitee, dashboard.smtp, INVITEE.email);
    await expectHeading(invitee, 'Two-step verification');
    await invitee.getByText('A shop you belong to requires an authenticator app.').waitFor();
    // Nothing but enrolment until it is done: no navigation to other pages.
    expect(await invitee.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await screenshot(invitee, 'mfa-required-enrolment');

    await enrolAuthenticator(invitee);
    await expectSignedIn(invitee);
    await expectHeading(invitee, 'Archetype mix of Alder & Ash');
  });

  it('offers an analyst no role changes and no removals, only leaving the shop', async () => {
    await invitee.getByRole('link', { name: 'Team' }).click();
    await expectHeading(invitee, 'Team of Alder & Ash');
    const table = invitee.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await table.getByRole('button', { name: /^Change role/ }).count()).toBe(0);
    expect(await table.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    const own = table.getByRole('row').filter({ hasText: INVITEE.email });
    expect(await own.getByRole('button', { name: 'Leave the shop' }).count()).toBe(1);
    const ownersRow = table.getByRole('row').filter({ hasText: OWNER.email });
    expect(await ownersRow.getByRole('button').count()).toBe(0);
    await screenshot(invitee, 'team-as-analyst');
  });

  it("lets the owner change the analyst's role to admin", async () => {
    await owner.reload();
    await expectHeading(owner, 'Team of Alder & Ash');
    await owner.getByRole('button', { name: `Change role of ${INVITEE.email}` }).click();
    const select = owner.getByRole('combobox', { name: `New role for ${INVITEE.email}` });
    await select.selectOption('admin');
    await screenshot(owner, 'team-change-role');
    await owner.getByRole('button', { name: 'Save role' }).click();

    await expect.poll(() => select.count()).toBe(0);
    await expect.poll(() => roleIn(memberRow(INVITEE.email))).toBe('Admin');
    const opener = owner.getByRole('button', { name: `Change role of ${INVITEE.email}` });
    await expect
      .poll(() => opener.evaluate((button) => button === document.activeElement))
      .toBe(true);

    // The new admin sees it too, and may now remove analysts and admins but not the owner.
    await invitee.reload();
    await expectHeading(invitee, 'Team of Alder & Ash');
    const own = invitee.getByRole('row').filter({ hasText: INVITEE.email });
    await expect.poll(() => roleIn(own)).toBe('Admin');
    const ownersRow = invitee.getByRole('row').filter({ hasText: OWNER.email });
    expect(await ownersRow.getByRole('button').count()).toBe(0);
  });

  it('shows the API keeping the last owner, for a demotion and for leaving', async () => {
    const row = memberRow(OWNER.email);
    await row.getByRole('button', { name: `Change role of ${OWNER.email}` }).click();
    await row
      .getByRole('combobox', { name: `New role for ${OWNER.email}` })
      .selectOption('analyst');
    await row.getByRole('button', { name: 'Save role' }).click();
    await expect
      .poll(() => row.getByRole('alert').textContent())
      .toBe(ERROR_REGISTRY.ACCOUNT_LAST_OWNER.message);
    await row.getByRole('button', { name: 'Cancel' }).click();

    await row.getByRole('button', { name: 'Leave the shop' }).click();
    await row.getByText('You lose access to Alder & Ash.', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Yes, leave the shop' }).click();
    await expect
      .poll(() => row.getByRole('alert').textContent())
      .toBe(ERROR_REGISTRY.ACCOUNT_LAST_OWNER.message);
    await screenshot(owner, 'team-last-owner');
    await row.getByRole('button', { name: 'Cancel' }).click();
    expect(await roleIn(row)).toBe('Owner');
  });

  it('removes a member after a confirmation', async () => {
    const row = memberRow(INVITEE.email);
    await row.getByRole('button', { name: `Remove ${INVITEE.email}` }).click();
    await row
      .getByText(`${INVITEE.email} loses access to Alder & Ash.`, { exact: false })
      .waitFor();
    await row.getByRole('button', { name: 'Yes, remove' }).click();

    await expect.poll(() => membersTable().getByRole('row').count()).toBe(2);
    expect(await memberRow(INVITEE.email).count()).toBe(0);
    await screenshot(owner, 'team-member-removed');

    // The removed member no longer belongs to the shop.
    await invitee.reload();
    await expectHeading(invitee, 'Team');
    await invitee.getByText('You are not part of a shop yet').waitFor();
  });

  it('ran without a CSP violation or a page error', () => {
    for (const { problems } of watched) expect(problems).toEqual([]);
  });
});
