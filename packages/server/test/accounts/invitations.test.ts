import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountHarness,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
  userIdOf,
} from './support/harness.js';
import { linkParameter } from './support/smtp-peer.js';
import type { TestBrowser } from './support/test-browser.js';

/**
 * Team membership by invitation: roles owner, admin and analyst; who may invite whom; an
 * invitation works once, for its own address, in its own shop; a shop keeps at least one owner.
 */
const PASSWORD = 'pebble-aurora-cedar-33';
let harness: AccountHarness;
let owner: TestBrowser;
let shopId: string;
let otherShopId: string;

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, 'owner@team.example', PASSWORD, 'Team Shop');
  await signUpVerified(harness, 'other@team.example', PASSWORD, 'Other Shop');
  for (const email of ['admin@team.example', 'analyst@team.example', 'stranger@team.example']) {
    await signUpVerified(harness, email, PASSWORD);
  }
  owner = await signInWithEmailCode(harness, harness.browser(), 'owner@team.example', PASSWORD);
  shopId = await firstShop(owner);
  const other = await signInWithEmailCode(
    harness,
    harness.browser(),
    'other@team.example',
    PASSWORD,
  );
  otherShopId = await firstShop(other);
});
afterAll(async () => {
  await harness.close();
});

async function firstShop(browser: TestBrowser): Promise<string> {
  const shops = (await browser.get('/v1/auth/session')).json['shops'];
  return String(Array.isArray(shops) ? shops[0]?.shopId : '');
}

async function invite(by: TestBrowser, email: string, role: string) {
  const before = harness.smtp.messages.length;
  const response = await by.post(`/v1/shops/${shopId}/members/invitations`, { email, role });
  if (response.status !== 201) return { response, token: null };
  const mail = await harness.mailTo(email, /invited to Team Shop/, before);
  expect(linkParameter(mail, 'shop')).toBe(shopId);
  return { response, token: linkParameter(mail, 'token') };
}

async function signedIn(email: string): Promise<TestBrowser> {
  return signInWithEmailCode(harness, harness.browser(), email, PASSWORD);
}

describe('invitations', () => {
  let admin: TestBrowser;

  it('lets an owner invite an admin, who accepts with the emailed link', async () => {
    const { response, token } = await invite(owner, 'admin@team.example', 'admin');
    expect(response.json).toMatchObject({ email: 'admin@team.example', role: 'admin' });

    admin = await signedIn('admin@team.example');
    const accepted = await admin.post(`/v1/shops/${shopId}/members/invitations/accept`, { token });
    expect(accepted.json).toEqual({ shopId, role: 'admin' });
    expect(
      (await admin.post(`/v1/shops/${shopId}/members/invitations/accept`, { token })).json,
    ).toMatchObject({ error: { code: 'ACCOUNT_INVITATION_INVALID' } });
  });

  it('lets an admin invite an analyst but not an owner; an analyst invites nobody', async () => {
    const asOwner = await invite(admin, 'stranger@team.example', 'owner');
    expect(asOwner.response.json).toMatchObject({ error: { code: 'ACCOUNT_ROLE_FORBIDDEN' } });

    const { token } = await invite(admin, 'analyst@team.example', 'analyst');
    const analyst = await signedIn('analyst@team.example');
    await analyst.post(`/v1/shops/${shopId}/members/invitations/accept`, { token });
    const byAnalyst = await invite(analyst, 'stranger@team.example', 'analyst');
    expect(byAnalyst.response.json).toMatchObject({ error: { code: 'ACCOUNT_ROLE_FORBIDDEN' } });
  });

  it('refuses an invitation accepted by another address, or in another shop', async () => {
    const { token } = await invite(owner, 'nobody-yet@team.example', 'analyst');
    const stranger = await signedIn('stranger@team.example');

    const mismatch = await stranger.post(`/v1/shops/${shopId}/members/invitations/accept`, {
      token,
    });
    expect(mismatch.json).toMatchObject({ error: { code: 'ACCOUNT_INVITATION_EMAIL_MISMATCH' } });
    const elsewhere = await stranger.post(`/v1/shops/${otherShopId}/members/invitations/accept`, {
      token,
    });
    expect(elsewhere.json).toMatchObject({ error: { code: 'ACCOUNT_INVITATION_INVALID' } });
  });

  it('refuses inviting an existing member, and lists pending invitations to managers', async () => {
    const again = await invite(owner, 'admin@team.example', 'analyst');
    expect(again.response.json).toMatchObject({ error: { code: 'ACCOUNT_ALREADY_MEMBER' } });

    const team = (await owner.get(`/v1/shops/${shopId}/members`)).json;
    expect(team['members']).toEqual([
      expect.objectContaining({ email: 'owner@team.example', role: 'owner' }),
      expect.objectContaining({ email: 'admin@team.example', role: 'admin' }),
      expect.objectContaining({ email: 'analyst@team.example', role: 'analyst' }),
    ]);
    expect(team['invitations']).toEqual([
      expect.objectContaining({ email: 'nobody-yet@team.example', role: 'analyst' }),
    ]);
    const analyst = await signedIn('analyst@team.example');
    expect((await analyst.get(`/v1/shops/${shopId}/members`)).json['invitations']).toEqual([]);
  });

  it('stores the invitee address encrypted and the token hashed', async () => {
    const rows = await harness.owner.db.selectFrom('invitations').selectAll().execute();

    for (const row of rows) {
      expect(Buffer.from(row.email_enc).toString('latin1')).not.toContain('team.example');
      expect(row.token_hash).toHaveLength(32);
    }
  });
});

describe('tenant boundaries', () => {
  it('answers another shop as not found, whoever asks', async () => {
    const members = await owner.get(`/v1/shops/${otherShopId}/members`);
    const bogus = await owner.get('/v1/shops/not-a-uuid/members');

    expect(members.json).toMatchObject({ error: { code: 'ACCOUNT_SHOP_NOT_FOUND' } });
    expect(bogus.json).toMatchObject({ error: { code: 'ACCOUNT_SHOP_NOT_FOUND' } });
  });

  it('keeps memberships invisible without the shop as tenant context', async () => {
    const rows = await harness.runtime.db.selectFrom('memberships').selectAll().execute();
    expect(rows).toEqual([]);
  });
});

describe('roles', () => {
  it('lets only owners change roles, and never removes the last owner', async () => {
    const ownerId = await userIdOf(owner);
    const admin = await signedIn('admin@team.example');
    const adminId = await userIdOf(admin);

    const byAdmin = await admin.patch(`/v1/shops/${shopId}/members/${ownerId}`, {
      role: 'analyst',
    });
    expect(byAdmin.json).toMatchObject({ error: { code: 'ACCOUNT_ROLE_FORBIDDEN' } });
    const lastOwner = await owner.patch(`/v1/shops/${shopId}/members/${ownerId}`, {
      role: 'admin',
    });
    expect(lastOwner.json).toMatchObject({ error: { code: 'ACCOUNT_LAST_OWNER' } });
    const leave = await owner.delete(`/v1/shops/${shopId}/members/${ownerId}`);
    expect(leave.json).toMatchObject({ error: { code: 'ACCOUNT_LAST_OWNER' } });

    const promoted = await owner.patch(`/v1/shops/${shopId}/members/${adminId}`, { role: 'owner' });
    expect(promoted.json).toEqual({ userId: adminId, role: 'owner' });
  });

  it('lets an admin remove an analyst but not an owner', async () => {
    const analyst = await signedIn('analyst@team.example');
    const analystId = await userIdOf(analyst);
    await owner.post(`/v1/shops/${shopId}/members/invitations`, {
      email: 'stranger@team.example',
      role: 'admin',
    });
    const ownerId = await userIdOf(owner);
    const stranger = await signedIn('stranger@team.example');
    const tokenMail = await harness.mailTo('stranger@team.example', /invited to Team Shop/);
    await stranger.post(`/v1/shops/${shopId}/members/invitations/accept`, {
      token: linkParameter(tokenMail, 'token'),
    });

    expect((await stranger.delete(`/v1/shops/${shopId}/members/${ownerId}`)).status).toBe(403);
    expect((await stranger.delete(`/v1/shops/${shopId}/members/${analystId}`)).status).toBe(204);
    expect((await analyst.get(`/v1/shops/${shopId}/members`)).json).toMatchObject({
      error: { code: 'ACCOUNT_SHOP_NOT_FOUND' },
    });
  });

  it('records invitation and role events in the shop', async () => {
    const rows = await harness.owner.db
      .selectFrom('auth_events')
      .select(['event_type', 'shop_id'])
      .where('shop_id', '=', shopId)
      .execute();
    const types = new Set(rows.map((row) => row.event_type));

    for (const type of [
      'invitation_sent',
      'invitation_accepted',
      'member_role_changed',
      'member_removed',
    ]) {
      expect(types).toContain(type);
    }
  });
});
