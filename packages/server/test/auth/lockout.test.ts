import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD } from '../../src/auth/throttling.js';
import {
  type AccountHarness,
  eventsOf,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
  userIdOf,
} from '../accounts/support/harness.js';
import { linkParameter } from '../accounts/support/smtp-peer.js';

/**
 * Throttling: consecutive failures are counted per account and lock it at LOCKOUT_THRESHOLD
 * (at most 100, NIST SP 800-63B §5.2.2) until the emailed unlock link is followed; a locked
 * account answers exactly like a wrong password. Per-source and per-account rate limits apply.
 */
const EMAIL = 'locked@example.com';
const PASSWORD = 'driftwood-saffron-kite-12';
let harness: AccountHarness;

beforeAll(async () => {
  harness = await startAccountHarness({ limits: { signInPerAccountPerMinute: 1000 } });
  await signUpVerified(harness, EMAIL, PASSWORD);
});
afterAll(async () => {
  await harness.close();
});

describe('account lockout', () => {
  it('locks after the limit of consecutive failures, at most 100', async () => {
    expect(LOCKOUT_THRESHOLD).toBeLessThanOrEqual(100);
    const browser = harness.browser();
    const before = harness.smtp.messages.length;
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt += 1) {
      const response = await browser.post('/v1/auth/sign-in', {
        email: EMAIL,
        password: `wrong-password-${attempt}`,
      });
      expect(response.status).toBe(401);
    }

    const row = await harness.owner.db
      .selectFrom('users')
      .select(['failed_sign_ins', 'locked_at'])
      .executeTakeFirstOrThrow();
    expect(row.failed_sign_ins).toBe(LOCKOUT_THRESHOLD);
    expect(row.locked_at).not.toBeNull();
    await harness.mailTo(EMAIL, /account is locked/, before);
  });

  it('refuses even the right password while locked, answering as for a wrong one', async () => {
    const browser = harness.browser();
    const right = await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const wrong = await browser.post('/v1/auth/sign-in', {
      email: EMAIL,
      password: 'nope-nope-nope',
    });

    expect(right.status).toBe(401);
    expect(right.body).toBe(wrong.body);
  });

  it('is lifted by the emailed link, once', async () => {
    const mail = await harness.mailTo(EMAIL, /account is locked/);
    const token = linkParameter(mail, 'token');
    const browser = harness.browser();

    expect((await browser.post('/v1/auth/unlock', { token })).json).toEqual({ status: 'unlocked' });
    expect((await browser.post('/v1/auth/unlock', { token })).json).toMatchObject({
      error: { code: 'AUTH_LINK_INVALID' },
    });
    const signedIn = await signInWithEmailCode(harness, browser, EMAIL, PASSWORD);
    const types = (await eventsOf(harness, await userIdOf(signedIn))).map(
      (event) => event.event_type,
    );
    expect(types).toContain('account_locked');
    expect(types).toContain('account_unlocked');
  });

  it('resets the count after a complete sign-in', async () => {
    const row = await harness.owner.db
      .selectFrom('users')
      .select(['failed_sign_ins', 'locked_at'])
      .executeTakeFirstOrThrow();

    expect(row).toEqual({ failed_sign_ins: 0, locked_at: null });
  });
});

describe('rate limits', () => {
  let limited: AccountHarness;

  beforeAll(async () => {
    limited = await startAccountHarness({
      limits: { signInPerSourcePerMinute: 5, signInPerAccountPerMinute: 3 },
    });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('limits password attempts per account, from any address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const browser = limited.browser({ ip: `198.51.100.${index + 10}` });
      statuses.push(
        (await browser.post('/v1/auth/sign-in', { email: EMAIL, password: 'x-y-z-w' })).status,
      );
    }

    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits password attempts per source address, across accounts', async () => {
    const browser = limited.browser({ ip: '192.0.2.50' });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const attempt = { email: `someone${index}@example.com`, password: 'x-y-z-w' };
      statuses.push((await browser.post('/v1/auth/sign-in', attempt)).status);
    }

    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
