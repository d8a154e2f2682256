import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/auth/totp.js';
import {
  type AccountHarness,
  enrolTotp,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
} from './support/harness.js';
import { codeIn, linkParameter } from './support/smtp-peer.js';
import type { TestBrowser } from './support/test-browser.js';

/**
 * An owner can require the authenticator app of every member: then emailed codes are refused as
 * the second factor, and a member without the app must enrol before anything else.
 */
const PASSWORD = 'basalt-heron-quill-58';
const OWNER = 'owner@mfa.example';
const MEMBER = 'member@mfa.example';
const NEWCOMER = 'newcomer@mfa.example';
let harness: AccountHarness;
let owner: TestBrowser;
let shopId: string;
let ownerSecret: string;

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, OWNER, PASSWORD, 'Policy Shop');
  owner = await signInWithEmailCode(harness, harness.browser(), OWNER, PASSWORD);
  const shops = (await owner.get('/v1/auth/session')).json['shops'];
  shopId = String(Array.isArray(shops) ? shops[0]?.shopId : '');

  for (const email of [MEMBER, NEWCOMER]) {
    await signUpVerified(harness, email, PASSWORD);
    await invite(email, 'analyst');
  }
});
afterAll(async () => {
  await harness.close();
});

async function invite(email: string, role: string): Promise<void> {
  const before = harness.smtp.messages.length;
  const sent = await owner.post(`/v1/shops/${shopId}/members/invitations`, { email, role });
  expect(sent.status).toBe(201);
  const mail = await harness.mailTo(email, /invited/, before);
  const member = await signInWithEmailCode(harness, harness.browser(), email, PASSWORD);
  const accepted = await member.post(`/v1/shops/${shopId}/members/invitations/accept`, {
    token: linkParameter(mail, 'token'),
  });
  expect(accepted.json).toEqual({ shopId, role });
}

describe('requiring the authenticator app', () => {
  it('is refused until the owner uses the app themselves, and only owners may set it', async () => {
    const early = await owner.put(`/v1/shops/${shopId}/members/mfa-policy`, {
      requireAuthenticatorApp: true,
    });
    expect(early.json).toMatchObject({ error: { code: 'ACCOUNT_TOTP_REQUIRED_FOR_POLICY' } });

    const member = await signInWithEmailCode(harness, harness.browser(), MEMBER, PASSWORD);
    const byAnalyst = await member.put(`/v1/shops/${shopId}/members/mfa-policy`, {
      requireAuthenticatorApp: true,
    });
    expect(byAnalyst.json).toMatchObject({ error: { code: 'ACCOUNT_ROLE_FORBIDDEN' } });

    ({ secret: ownerSecret } = await enrolTotp(harness, owner));
    const set = await owner.put(`/v1/shops/${shopId}/members/mfa-policy`, {
      requireAuthenticatorApp: true,
    });
    expect(set.json).toEqual({ requireAuthenticatorApp: true });
    expect(ownerSecret).toBeTruthy();
  });

  it('refuses emailed codes as the second factor for a member who has the app', async () => {
    const member = await signInWithEmailCode(harness, harness.browser(), MEMBER, PASSWORD);
    // Enrolling is allowed (and required); the member now has the app.
    await enrolTotp(harness, member);
    await member.post('/v1/auth/sign-out');

    const step = await member.post('/v1/auth/sign-in', { email: MEMBER, password: PASSWORD });
    expect(step.json).toMatchObject({ secondFactors: ['totp', 'recovery'] });
    const send = await member.post('/v1/auth/sign-in/email-code/send');
    expect(send.json).toMatchObject({ error: { code: 'AUTH_AUTHENTICATOR_APP_REQUIRED' } });
    const guess = await member.post('/v1/auth/sign-in/email-code', { code: '123456' });
    expect(guess.json).toMatchObject({ error: { code: 'AUTH_AUTHENTICATOR_APP_REQUIRED' } });
  });

  it('makes a member without the app enrol at the next sign-in before anything else', async () => {
    const newcomer = harness.browser();
    const step = await newcomer.post('/v1/auth/sign-in', { email: NEWCOMER, password: PASSWORD });
    expect(step.json).toMatchObject({ secondFactors: ['email'] });

    const before = harness.smtp.messages.length;
    await newcomer.post('/v1/auth/sign-in/email-code/send');
    const code = codeIn(await harness.mailTo(NEWCOMER, /sign-in code/, before));
    const next = await newcomer.post('/v1/auth/sign-in/email-code', { code });
    expect(next.json).toMatchObject({ stage: 'totp_enrolment' });

    const view = await newcomer.get('/v1/auth/session');
    expect(view.json).toMatchObject({ stage: 'totp_enrolment', mfaEnrolmentRequired: true });
    const members = await newcomer.get(`/v1/shops/${shopId}/members`);
    expect(members.json).toMatchObject({ error: { code: 'AUTH_MFA_ENROLMENT_REQUIRED' } });

    const started = await newcomer.post('/v1/account/totp/enrolment', {});
    const secret = String(started.json['secret']);
    const confirmed = await newcomer.post('/v1/account/totp/enrolment/confirm', {
      code: await totpCode(secret, harness.clock.epochSeconds()),
    });
    expect(confirmed.json).toMatchObject({ stage: 'active' });
    expect((await newcomer.get(`/v1/shops/${shopId}/members`)).status).toBe(200);
  });

  it('lists the requirement in the session of every member', async () => {
    const shops = (await owner.get('/v1/auth/session')).json['shops'];
    expect(shops).toEqual([expect.objectContaining({ shopId, requireTotp: true })]);
  });
});
