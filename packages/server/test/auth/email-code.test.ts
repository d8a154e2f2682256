import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_CODE_MAX_ATTEMPTS, EMAIL_CODE_TTL_SECONDS } from '../../src/auth/one-time-codes.js';
import {
  type AccountHarness,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
} from '../accounts/support/harness.js';
import { codeIn } from '../accounts/support/smtp-peer.js';
import type { TestBrowser } from '../accounts/support/test-browser.js';

/**
 * Emailed sign-in codes: six digits, single use, valid 10 minutes, at most 5 attempts, only the
 * latest one works, and a sign-in may ask for a bounded number of them.
 */
const EMAIL = 'codes@example.com';
const PASSWORD = 'salt-marsh-kestrel-31';
let harness: AccountHarness;
let browser: TestBrowser;

beforeAll(async () => {
  harness = await startAccountHarness({ limits: { emailCodesPerStep: 3 } });
  await signUpVerified(harness, EMAIL, PASSWORD);
  browser = await signInWithEmailCode(harness, harness.browser(), EMAIL, PASSWORD);
});
afterAll(async () => {
  await harness.close();
});

async function freshCode(): Promise<string> {
  await browser.post('/v1/auth/sign-out');
  expect(
    (await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD })).status,
  ).toBe(200);
  return requestCode();
}

async function requestCode(): Promise<string> {
  const before = harness.smtp.messages.length;
  const sent = await browser.post('/v1/auth/sign-in/email-code/send');
  expect(sent.status).toBe(202);
  expect(sent.json).toMatchObject({ status: 'code_sent', expiresInSeconds: 600 });
  return codeIn(await harness.mailTo(EMAIL, /sign-in code/, before));
}

function wrongOf(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

describe('emailed sign-in codes', () => {
  it('are six digits and work once', async () => {
    const code = await freshCode();
    expect(code).toMatch(/^\d{6}$/);
    expect((await browser.post('/v1/auth/sign-in/email-code', { code })).status).toBe(200);

    // The same code in the next sign-in: it was used, and belongs to another sign-in anyway.
    await browser.post('/v1/auth/sign-out');
    await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const again = await browser.post('/v1/auth/sign-in/email-code', { code });
    expect(again.json).toMatchObject({ error: { code: 'AUTH_CODE_EXPIRED' } });
  });

  it('expire after 10 minutes', async () => {
    const code = await freshCode();
    harness.clock.advanceSeconds(EMAIL_CODE_TTL_SECONDS - 5);
    const stillPending = await browser.get('/v1/auth/session');
    expect(stillPending.json['stage']).toBe('second_factor');
    harness.clock.advanceSeconds(10);

    const late = await browser.post('/v1/auth/sign-in/email-code', { code });
    // The code has expired, and with it the sign-in step that asked for it.
    expect(late.json).toMatchObject({ error: { code: 'AUTH_SESSION_REQUIRED' } });
  });

  it('cannot be used once 5 wrong attempts were made, even with the right code', async () => {
    const code = await freshCode();
    for (let attempt = 0; attempt < EMAIL_CODE_MAX_ATTEMPTS; attempt += 1) {
      const wrong = await browser.post('/v1/auth/sign-in/email-code', { code: wrongOf(code) });
      expect(wrong.json).toMatchObject({ error: { code: 'AUTH_CODE_INVALID' } });
    }

    const right = await browser.post('/v1/auth/sign-in/email-code', { code });
    expect(right.json).toMatchObject({ error: { code: 'AUTH_CODE_EXPIRED' } });
  });

  it('only the latest code works; a sign-in step may ask for a limited number', async () => {
    const first = await freshCode();
    const second = await requestCode();
    await requestCode();
    const refused = await browser.post('/v1/auth/sign-in/email-code/send');
    expect(refused.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });

    const stale = await browser.post('/v1/auth/sign-in/email-code', { code: first });
    expect([first, second]).not.toContain(undefined);
    expect(stale.status).toBe(401);
  });

  it('are stored as keyed hashes, never as the digits', async () => {
    const rows = await harness.owner.db.selectFrom('one_time_codes').selectAll().execute();

    for (const row of rows) expect(row.code_hash).toHaveLength(32);
    expect(
      rows.some((row) =>
        Buffer.from(row.code_hash)
          .toString('latin1')
          .match(/^\d{6}$/),
      ),
    ).toBe(false);
  });
});
