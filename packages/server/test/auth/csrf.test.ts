import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountHarness,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
} from '../accounts/support/harness.js';
import type { TestBrowser } from '../accounts/support/test-browser.js';

/**
 * CSRF: every state-changing `/v1/` request (but the collect API) needs the dashboard's Origin,
 * and once signed in the session's token in `x-csrf-token`. Refusals are AUTH_CSRF_FAILED.
 */
const EMAIL = 'csrf@example.com';
const PASSWORD = 'thistle-comet-anchor-26';
let harness: AccountHarness;
let browser: TestBrowser;

beforeAll(async () => {
  harness = await startAccountHarness({ env: { PUBLIC_URL: 'https://app.auraflow.test' } });
  await signUpVerified(harness, EMAIL, PASSWORD);
  browser = harness.browser({ origin: 'https://app.auraflow.test' });
  await signInWithEmailCode(harness, browser, EMAIL, PASSWORD);
});
afterAll(async () => {
  await harness.close();
});

function signOutWith(headers: Record<string, string>) {
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return harness.testApp.app.inject({
    method: 'POST',
    url: '/v1/auth/sign-out',
    headers: { cookie, 'content-type': 'application/json', ...headers },
    payload: '{}',
  });
}

describe('CSRF protection', () => {
  it('refuses a signed-in state-changing request without the CSRF token', async () => {
    const response = await signOutWith({ origin: 'https://app.auraflow.test' });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'AUTH_CSRF_FAILED' } });
  });

  it('refuses a wrong CSRF token', async () => {
    const response = await signOutWith({
      origin: 'https://app.auraflow.test',
      'x-csrf-token': 'A'.repeat(43),
    });

    expect(response.json()).toMatchObject({ error: { code: 'AUTH_CSRF_FAILED' } });
  });

  it('refuses a foreign Origin, a null Origin and a missing one, even with the token', async () => {
    const token = browser.csrfToken ?? '';
    for (const origin of [
      'https://evil.example',
      'null',
      'https://app.auraflow.test.evil.example',
    ]) {
      const response = await signOutWith({ origin, 'x-csrf-token': token });
      expect(response.json()).toMatchObject({ error: { code: 'AUTH_CSRF_FAILED' } });
    }
    const missing = await signOutWith({ 'x-csrf-token': token });
    expect(missing.json()).toMatchObject({ error: { code: 'AUTH_CSRF_FAILED' } });
  });

  it('refuses a foreign Origin before any session exists (sign-in, sign-up)', async () => {
    const stranger = harness.browser({ origin: 'https://evil.example' });

    const signIn = await stranger.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const signUp = await stranger.post('/v1/auth/sign-up', {
      email: 'x@y.example',
      password: PASSWORD,
    });
    expect(signIn.json).toMatchObject({ error: { code: 'AUTH_CSRF_FAILED' } });
    expect(signUp.json).toMatchObject({ error: { code: 'AUTH_CSRF_FAILED' } });
  });

  it('accepts the request with the dashboard Origin and the session token', async () => {
    const devices = await browser.get('/v1/account/devices');
    expect(devices.status).toBe(200);

    const response = await signOutWith({
      origin: 'https://app.auraflow.test',
      'x-csrf-token': browser.csrfToken ?? '',
    });
    expect(response.statusCode).toBe(204);
  });

  it('leaves the collect API to its own origin checks', async () => {
    const response = await harness.testApp.app.inject({
      method: 'POST',
      url: '/v1/collect',
      headers: { origin: 'https://store.example', 'content-type': 'text/plain' },
      payload: '{}',
    });

    expect(response.json()).not.toMatchObject({ error: { code: 'AUTH_CSRF_FAILED' } });
  });
});
