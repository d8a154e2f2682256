import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/auth/totp.js';
import {
  type AccountHarness,
  enrolTotp,
  eventsOf,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
  userIdOf,
} from '../accounts/support/harness.js';
import type { TestBrowser } from '../accounts/support/test-browser.js';

/**
 * The authenticator app as second factor (RFC 6238): enrolment by secret, sign-in with a computed
 * code, one step of drift, each step accepted once (a replay is refused, logged and notified),
 * and single-use recovery codes.
 */
const EMAIL = 'totp@example.com';
const PASSWORD = 'copper-tundra-violin-8';
let harness: AccountHarness;
let device: TestBrowser;
let secret: string;
let recoveryCodes: string[];
let userId: string;

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, EMAIL, PASSWORD);
  device = await signInWithEmailCode(harness, harness.browser(), EMAIL, PASSWORD);
  userId = await userIdOf(device);
  ({ secret, recoveryCodes } = await enrolTotp(harness, device));
});
afterAll(async () => {
  await harness.close();
});

/** Signs out and starts a new sign-in on the (recognised) device. */
async function passwordStep() {
  await device.post('/v1/auth/sign-out');
  const step = await device.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
  expect(step.status).toBe(200);
  return step;
}

describe('enrolment', () => {
  it('returned the secret, an otpauth URI and an SVG QR code, and ten recovery codes', async () => {
    const again = await device.post('/v1/account/totp/enrolment', { password: PASSWORD });

    expect(again.json['otpauthUri']).toMatch(/^otpauth:\/\/totp\/Auraflow:totp%40example\.com\?/);
    expect(again.json['qrCodeDataUrl']).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
  });

  it('asks for the current password before replacing an enrolled authenticator', async () => {
    const response = await device.post('/v1/account/totp/enrolment', {});

    expect(response.json).toMatchObject({ error: { code: 'AUTH_CURRENT_PASSWORD_INCORRECT' } });
  });

  it('stores the secret encrypted', async () => {
    const row = await harness.owner.db
      .selectFrom('users')
      .select(['totp_secret_enc'])
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();

    expect(row.totp_secret_enc).not.toBeNull();
    expect(Buffer.from(row.totp_secret_enc ?? []).toString('latin1')).not.toContain(secret);
  });
});

describe('sign-in with the authenticator app', () => {
  it('offers the app, emailed codes and recovery codes after the password', async () => {
    const step = await passwordStep();

    expect(step.json).toMatchObject({
      stage: 'second_factor',
      secondFactors: ['totp', 'email', 'recovery'],
      staySignedInOffered: true,
    });
  });

  it('signs in with a code computed for the current time step', async () => {
    const code = await totpCode(secret, harness.clock.epochSeconds());
    const done = await device.post('/v1/auth/sign-in/totp', { code });

    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ stage: 'active' });
  });

  it('accepts a code one step old, refuses one two steps old', async () => {
    harness.clock.advanceSeconds(90);
    await passwordStep();
    const tooOld = await totpCode(secret, harness.clock.epochSeconds() - 60);
    const oneOld = await totpCode(secret, harness.clock.epochSeconds() - 30);

    expect((await device.post('/v1/auth/sign-in/totp', { code: tooOld })).status).toBe(401);
    expect((await device.post('/v1/auth/sign-in/totp', { code: oneOld })).status).toBe(200);
  });
});

describe('a reused code', () => {
  it('is refused, logged as an auth event and notified to the holder', async () => {
    harness.clock.advanceSeconds(90);
    await passwordStep();
    const code = await totpCode(secret, harness.clock.epochSeconds());
    expect((await device.post('/v1/auth/sign-in/totp', { code })).status).toBe(200);

    await passwordStep();
    const before = harness.smtp.messages.length;
    const replay = await device.post('/v1/auth/sign-in/totp', { code });

    expect(replay.status).toBe(401);
    expect(replay.json).toMatchObject({ error: { code: 'AUTH_CODE_INVALID' } });
    const types = (await eventsOf(harness, userId)).map((event) => event.event_type);
    expect(types).toContain('totp_code_reused');
    const warning = await harness.mailTo(EMAIL, /code was used twice/, before);
    expect(warning.text).toContain('Chrome');
    expect(warning.text).not.toContain('198.51.100.7');
  });

  it('is also refused when a later step has been used (steps only move forward)', async () => {
    harness.clock.advanceSeconds(90);
    const earlier = await totpCode(secret, harness.clock.epochSeconds() - 30);
    const current = await totpCode(secret, harness.clock.epochSeconds());
    expect((await device.post('/v1/auth/sign-in/totp', { code: current })).status).toBe(200);

    await passwordStep();
    expect((await device.post('/v1/auth/sign-in/totp', { code: earlier })).status).toBe(401);
  });
});

describe('recovery codes', () => {
  it('sign in once each, and never again', async () => {
    const [first] = recoveryCodes;
    await passwordStep();
    const used = await device.post('/v1/auth/sign-in/recovery-code', {
      code: first?.toUpperCase(),
    });
    expect(used.status).toBe(200);

    await passwordStep();
    const again = await device.post('/v1/auth/sign-in/recovery-code', { code: first });
    expect(again.json).toMatchObject({ error: { code: 'AUTH_CODE_INVALID' } });
    const session = await signedInSession();
    expect(session).toBeNull();

    const types = (await eventsOf(harness, userId)).map((event) => event.event_type);
    expect(types).toContain('recovery_code_used');
  });

  it('are counted in the session view and stored hashed', async () => {
    const next = recoveryCodes[1] ?? '';
    await device.post('/v1/auth/sign-in/recovery-code', { code: next });
    const user = (await device.get('/v1/auth/session')).json['user'];

    expect(user).toMatchObject({ totpEnabled: true, recoveryCodesRemaining: 8 });
    const stored = await harness.owner.db.selectFrom('recovery_codes').selectAll().execute();
    for (const row of stored) expect(row.code_hash).toHaveLength(32);
  });
});

async function signedInSession(): Promise<unknown> {
  const view = await device.get('/v1/auth/session');
  return view.json['stage'] === 'active' ? view.json : null;
}
