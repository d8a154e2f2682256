import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/auth/totp.js';
import { createSmtpMailer } from '../../src/email/mailer.js';
import {
  type AccountHarness,
  enrolTotp,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
} from '../accounts/support/harness.js';
import { codeIn, linkParameter } from '../accounts/support/smtp-peer.js';
import { TestBrowser } from '../accounts/support/test-browser.js';
import { buildTestApp } from '../support/app.js';
import { captureLogs } from '../support/logs.js';

/**
 * Canary secrets go through every account flow (sign-up, verification, sign-in with each
 * factor, enrolment, new device, password change, lockout mail, failed mail): none of them may
 * appear in any log line, at trace level.
 */
const EMAIL = 'canary-mailbox-4f2a@example.com';
const PASSWORD = 'canary-password-8c1d-e9';
const NEW_PASSWORD = 'canary-password-b77e-k3';
let harness: AccountHarness;
const canaries: string[] = [EMAIL, 'canary-mailbox-4f2a', PASSWORD, NEW_PASSWORD];

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, EMAIL, PASSWORD);
  canaries.push(linkParameter(await harness.mailTo(EMAIL, /Verify/), 'token'));
  const browser = await signInWithEmailCode(harness, harness.browser(), EMAIL, PASSWORD);
  const { secret, recoveryCodes } = await enrolTotp(harness, browser);
  canaries.push(secret, ...recoveryCodes);

  const laptop = harness.browser({ userAgent: 'Firefox/133.0' });
  await laptop.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
  const code = await totpCode(secret, harness.clock.epochSeconds());
  const before = harness.smtp.messages.length;
  await laptop.post('/v1/auth/sign-in/totp', { code });
  const deviceCode = codeIn(await harness.mailTo(EMAIL, /Confirm a new device/, before));
  await laptop.post('/v1/auth/sign-in/device', { code: deviceCode });
  await laptop.post('/v1/account/password', {
    currentPassword: PASSWORD,
    newPassword: NEW_PASSWORD,
  });
  canaries.push(code, deviceCode, ...laptop.cookies.values(), ...browser.cookies.values());
  canaries.push(laptop.csrfToken ?? 'no-token', browser.csrfToken ?? 'no-token');
  for (const mail of harness.smtp.messages) {
    const sixDigits = /\b\d{6}\b/.exec(mail.text)?.[0];
    if (sixDigits !== undefined) canaries.push(sixDigits);
  }
});
afterAll(async () => {
  await harness.close();
});

describe('no secret of the account system reaches the logs', () => {
  it('logged the requests (the capture works)', () => {
    const lines = harness.logs.lines().filter((line) => line.includes('request completed'));
    expect(lines.length).toBeGreaterThan(10);
  });

  it('contains no password, email, code, TOTP secret, recovery code, token or cookie', () => {
    const log = harness.logs.lines().join('\n');

    for (const canary of canaries) expect(log).not.toContain(canary);
  });

  it('logs a failed mail by error type only, never the recipient', async () => {
    const logs = captureLogs('trace');
    const dead = createSmtpMailer('smtp://127.0.0.1:9', 'Auraflow <no-reply@auraflow.test>');
    const app = await buildTestApp({
      database: harness.runtime,
      keys: harness.keys,
      logger: logs.logger,
      mailer: dead,
    });
    const browser = new TestBrowser(app.app);
    const other = 'canary-other-9e1b@example.com';
    const response = await browser.post('/v1/auth/sign-up', { email: other, password: PASSWORD });
    await app.close();

    expect(response.json).toMatchObject({ error: { code: 'EMAIL_UNAVAILABLE' } });
    const log = logs.lines().join('\n');
    expect(log).toContain('mail not sent');
    for (const canary of [EMAIL, PASSWORD, 'canary-mailbox-4f2a'])
      expect(log).not.toContain(canary);
  });
});
