import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountHarness,
  eventsOf,
  signUpVerified,
  startAccountHarness,
} from '../accounts/support/harness.js';

/**
 * An unknown email and a wrong password are indistinguishable: same status, code, body and
 * cookies, and similar time (the unknown email is checked against a dummy Argon2id hash).
 */
const EMAIL = 'enum@example.com';
const PASSWORD = 'quiet-harbour-lamp-77';
let harness: AccountHarness;

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, EMAIL, PASSWORD);
});
afterAll(async () => {
  await harness.close();
});

async function attempt(email: string, password: string) {
  const started = performance.now();
  const response = await harness.browser().post('/v1/auth/sign-in', { email, password });
  return { response, millis: performance.now() - started };
}

describe('sign-in failures do not reveal whether an account exists', () => {
  it('answers a wrong password and an unknown email with one status, code and body', async () => {
    const wrong = await attempt(EMAIL, 'not-the-password-123');
    const unknown = await attempt('nobody@example.com', 'not-the-password-123');
    const malformed = await attempt('not an address', 'not-the-password-123');

    expect(wrong.response.status).toBe(401);
    expect(wrong.response.json).toMatchObject({ error: { code: 'AUTH_SIGN_IN_FAILED' } });
    for (const other of [unknown, malformed]) {
      expect(other.response.status).toBe(wrong.response.status);
      expect(other.response.body).toBe(wrong.response.body);
      expect(other.response.setCookies).toEqual(wrong.response.setCookies);
    }
  });

  it('takes similar time for both (a dummy Argon2id check for the unknown email)', async () => {
    const samples = { wrong: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 6; round += 1) {
      samples.wrong.push((await attempt(EMAIL, `wrong-password-${round}-x`)).millis);
      samples.unknown.push((await attempt(`ghost${round}@example.com`, 'whatever-pass-1')).millis);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[3] ?? 0;

    // Both pay for one Argon2id verification (~40 ms here); no branch returns early.
    expect(median(samples.unknown)).toBeGreaterThan(median(samples.wrong) * 0.5);
    expect(median(samples.unknown)).toBeLessThan(median(samples.wrong) * 2);
  });

  it('logs both as sign_in_failed events, the unknown one without a user', async () => {
    const anonymous = await eventsOf(harness, null);

    expect(anonymous.some((event) => event.event_type === 'sign_in_failed')).toBe(true);
    expect(anonymous.every((event) => event.detail['reason'] === 'unknown_account')).toBe(true);
  });
});
