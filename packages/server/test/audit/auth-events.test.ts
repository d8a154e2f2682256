import { sql } from 'kysely';
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

/**
 * The auth event log: each authentication event is a row, attributed (user, session reference,
 * request id) and timestamped, with country, region and browser family, and nothing secret.
 * The runtime role may only append to it and read it.
 */
const EMAIL = 'audit@example.com';
const PASSWORD = 'kelp-forest-signal-90';
let harness: AccountHarness;
let userId: string;
const secrets: string[] = [EMAIL, PASSWORD];

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, EMAIL, PASSWORD);
  const browser = await signInWithEmailCode(harness, harness.browser(), EMAIL, PASSWORD);
  userId = await userIdOf(browser);
  const { secret, recoveryCodes } = await enrolTotp(harness, browser);
  secrets.push(secret, ...recoveryCodes);
  await browser.post('/v1/auth/sign-out');

  await browser.post('/v1/auth/sign-in', { email: EMAIL, password: 'wrong-password-xyz' });
  await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
  await browser.post('/v1/auth/sign-in/totp', { code: '000000' });
  const code = await totpCode(secret, harness.clock.epochSeconds());
  secrets.push(code);
  await browser.post('/v1/auth/sign-in/totp', { code });
  const laptop = harness.browser({ userAgent: 'Mozilla/5.0 Firefox/133.0', country: 'DE' });
  await laptop.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
  const before = harness.smtp.messages.length;
  await laptop.post('/v1/auth/sign-in/email-code/send');
  const emailed = codeIn(await harness.mailTo(EMAIL, /sign-in code/, before));
  secrets.push(emailed);
  await laptop.post('/v1/auth/sign-in/email-code', { code: emailed });
  for (const browserToken of [...browser.cookies.values(), ...laptop.cookies.values()]) {
    secrets.push(browserToken);
  }
  await browser.post('/v1/auth/sign-out-everywhere');
});
afterAll(async () => {
  await harness.close();
});

describe('auth_events', () => {
  it('holds a row for each authentication event, in order', async () => {
    const types = (await eventsOf(harness, userId)).map((event) => event.event_type);

    expect(types).toEqual(
      expect.arrayContaining([
        'account_created',
        'email_verified',
        'password_accepted',
        'email_code_sent',
        'second_factor_succeeded',
        'new_device_detected',
        'device_verified',
        'sign_in_succeeded',
        'totp_enrolled',
        'signed_out',
        'sign_in_failed',
        'second_factor_failed',
        'signed_out_everywhere',
      ]),
    );
  });

  it('attributes and places each event: time, request id, session, browser, country', async () => {
    const rows = await eventsOf(harness, userId);
    const success = rows.filter((row) => row.event_type === 'sign_in_succeeded');

    for (const row of rows) {
      expect(row.occurred_at).toBeInstanceOf(Date);
      expect(row.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.browser_family).toMatch(/^[A-Za-z ]+$/);
    }
    expect(success.map((row) => row.country)).toEqual(expect.arrayContaining(['GB', 'DE']));
    expect(success.every((row) => /^[0-9a-f]{16}$/.test(row.session_ref ?? ''))).toBe(true);
  });

  it('contains no email, password, code, secret, token or IP address', async () => {
    const rows = await harness.owner.db.selectFrom('auth_events').selectAll().execute();
    const text = JSON.stringify(rows);

    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('198.51.100.7');
    expect(text).not.toContain('@');
  });
});

describe('auth_events is append-only for the runtime role', () => {
  it('refuses UPDATE', async () => {
    const update = sql`UPDATE auth_events SET event_type = 'tampered'`.execute(harness.runtime.db);
    await expect(update).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses DELETE and TRUNCATE', async () => {
    await expect(sql`DELETE FROM auth_events`.execute(harness.runtime.db)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(sql`TRUNCATE auth_events`.execute(harness.runtime.db)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('still allows INSERT (of account-level events) and keeps every row', async () => {
    const before = (await eventsOf(harness, userId)).length;
    await sql`
      INSERT INTO auth_events (occurred_at, event_type, user_id)
      VALUES (now(), 'signed_out', ${userId}::uuid)
    `.execute(harness.runtime.db);

    expect((await eventsOf(harness, userId)).length).toBe(before + 1);
  });

  it('refuses a shop event outside that shop’s tenant context', async () => {
    const insert = sql`
      INSERT INTO auth_events (occurred_at, event_type, shop_id)
      VALUES (now(), 'invitation_sent', gen_random_uuid())
    `.execute(harness.runtime.db);

    await expect(insert).rejects.toMatchObject({ code: '42501' });
  });
});
