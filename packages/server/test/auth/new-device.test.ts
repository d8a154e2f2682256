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
import { codeIn } from '../accounts/support/smtp-peer.js';
import { FIREFOX_UA, type TestBrowser } from '../accounts/support/test-browser.js';

/**
 * Device recognition: a signed random token in a long-lived `__Host-` cookie, stored hashed per
 * user. An unrecognised device needs an extra emailed code and the holder gets a notice (time,
 * country and region, browser family; never an IP). "Stay signed in" only on a recognised one.
 */
const EMAIL = 'devices@example.com';
const PASSWORD = 'granite-willow-echo-19';
const IP = '203.0.113.99';
let harness: AccountHarness;
let home: TestBrowser;
let secret: string;
let userId: string;
let laptop: TestBrowser;

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, EMAIL, PASSWORD);
  home = await signInWithEmailCode(harness, harness.browser(), EMAIL, PASSWORD);
  userId = await userIdOf(home);
  ({ secret } = await enrolTotp(harness, home));
});
afterAll(async () => {
  await harness.close();
});

async function totpNow(): Promise<string> {
  harness.clock.advanceSeconds(30);
  return totpCode(secret, harness.clock.epochSeconds());
}

describe('the device cookie', () => {
  it('is a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, a year', async () => {
    const fresh = harness.browser();
    const step = await fresh.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const cookie = step.setCookies.find((line) => line.startsWith('__Host-af_device='));

    expect(cookie).toMatch(/; Max-Age=31536000/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('is stored only as a hash', async () => {
    const rows = await harness.owner.db.selectFrom('user_devices').selectAll().execute();
    const cookie = home.cookies.get('__Host-af_device') ?? '';

    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.token_hash).toHaveLength(32);
      expect(cookie).not.toContain(Buffer.from(row.token_hash).toString('base64url'));
    }
  });
});

describe('a sign-in from an unrecognised device', () => {
  beforeAll(() => {
    laptop = harness.browser({ userAgent: FIREFOX_UA, country: 'FR', region: 'IDF', ip: IP });
  });

  it('offers no "stay signed in", and after the app code asks for an emailed code', async () => {
    const step = await laptop.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    expect(step.json).toMatchObject({ stage: 'second_factor', staySignedInOffered: false });

    const before = harness.smtp.messages.length;
    const next = await laptop.post('/v1/auth/sign-in/totp', {
      code: await totpNow(),
      staySignedIn: true,
    });
    expect(next.json).toMatchObject({ stage: 'device_verification' });

    const verification = await harness.mailTo(EMAIL, /Confirm a new device/, before);
    const notice = await harness.mailTo(EMAIL, /New sign-in/, before);
    for (const mail of [verification, notice]) {
      expect(mail.text).toContain('Firefox');
      expect(mail.text).toContain('France (region IDF)');
      expect(mail.text).toMatch(/\d\d:\d\d UTC on \d{4}-\d\d-\d\d/);
      expect(mail.raw).not.toContain(IP);
    }

    const done = await laptop.post('/v1/auth/sign-in/device', { code: codeIn(verification) });
    expect(done.json).toMatchObject({ stage: 'active' });
    const session = await laptop.get('/v1/auth/session');
    expect(session.json['session']).toMatchObject({ persistent: false });
  });

  it('refuses the device step before the second factor, and a wrong device code', async () => {
    const other = harness.browser({ userAgent: FIREFOX_UA });
    await other.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const early = await other.post('/v1/auth/sign-in/device', { code: '123456' });
    expect(early.json).toMatchObject({ error: { code: 'AUTH_SIGN_IN_STEP_INVALID' } });

    await other.post('/v1/auth/sign-in/totp', { code: await totpNow() });
    const wrong = await other.post('/v1/auth/sign-in/device', { code: '000000' });
    expect([401, 410]).toContain(wrong.status);
  });

  it('offers and honours "stay signed in" once the device is recognised', async () => {
    await laptop.post('/v1/auth/sign-out');
    const step = await laptop.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    expect(step.json).toMatchObject({ staySignedInOffered: true });

    const done = await laptop.post('/v1/auth/sign-in/totp', {
      code: await totpNow(),
      staySignedIn: true,
    });
    expect(done.json).toMatchObject({ stage: 'active' });
    const cookie = done.setCookies.find((line) => line.startsWith('__Host-af_session='));
    expect(cookie).toMatch(/; Max-Age=2592000/);
    expect((await laptop.get('/v1/auth/session')).json['session']).toMatchObject({
      persistent: true,
    });
  });

  it('recorded new_device_detected and device_verified events', async () => {
    const types = (await eventsOf(harness, userId)).map((event) => event.event_type);

    expect(types).toContain('new_device_detected');
    expect(types).toContain('device_verified');
  });
});

describe('listing and revoking devices', () => {
  it('lists both devices, marks the current one, revokes the other with its sessions', async () => {
    const listed = await home.get('/v1/account/devices');
    const devices = listed.json['devices'];
    expect(Array.isArray(devices) ? devices : []).toHaveLength(2);
    const other = (Array.isArray(devices) ? devices : []).find(
      (device: { browserFamily: string }) => device.browserFamily === 'Firefox',
    );
    expect(other).toMatchObject({ country: 'FR', region: 'IDF', current: false });

    const revoked = await home.delete(`/v1/account/devices/${String(other?.deviceId)}`);
    expect(revoked.status).toBe(204);
    const sessions = (await home.get('/v1/account/sessions')).json['sessions'];
    expect(
      (Array.isArray(sessions) ? sessions : []).filter(
        (session: { browserFamily: string; stage: string }) =>
          session.browserFamily === 'Firefox' && session.stage === 'active',
      ),
    ).toEqual([]);
    expect((await home.delete(`/v1/account/devices/${String(other?.deviceId)}`)).status).toBe(404);
    expect((await laptop.get('/v1/auth/session')).status).toBe(401);
  });

  it('treats a revoked device as new again, and verifies it under a new token', async () => {
    const revokedToken = laptop.cookies.get('__Host-af_device');
    const step = await laptop.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    expect(step.json).toMatchObject({ staySignedInOffered: false });

    const before = harness.smtp.messages.length;
    await laptop.post('/v1/auth/sign-in/totp', { code: await totpNow() });
    const mail = await harness.mailTo(EMAIL, /Confirm a new device/, before);
    const done = await laptop.post('/v1/auth/sign-in/device', { code: codeIn(mail) });

    expect(done.json).toMatchObject({ stage: 'active' });
    expect(laptop.cookies.get('__Host-af_device')).not.toBe(revokedToken);
  });
});
