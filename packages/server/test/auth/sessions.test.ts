import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TIMEOUTS } from '../../src/auth/session-store.js';
import {
  type AccountHarness,
  eventsOf,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
  userIdOf,
} from '../accounts/support/harness.js';
import { codeIn } from '../accounts/support/smtp-peer.js';
import type { TestBrowser } from '../accounts/support/test-browser.js';

/**
 * Sessions: `__Host-` cookie, random token stored hashed, a new token at sign-in, idle 30 min
 * and absolute 12 h (30 days when staying signed in on a recognised device), sign out, sign out
 * everywhere, and a password change that ends the other sessions. Time is moved, not waited.
 */
const EMAIL = 'sessions@example.com';
const PASSWORD = 'meadow-lighthouse-pine-5';
let harness: AccountHarness;
let userId: string;

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, EMAIL, PASSWORD);
  userId = await userIdOf(await signIn(harness.browser()));
});
afterAll(async () => {
  await harness.close();
});

function signIn(browser: TestBrowser, password = PASSWORD): Promise<TestBrowser> {
  return signInWithEmailCode(harness, browser, EMAIL, password);
}

async function stage(browser: TestBrowser): Promise<unknown> {
  const view = await browser.get('/v1/auth/session');
  return view.status === 200 ? view.json['stage'] : view.json['error'];
}

/** A persistent sign-in on an already recognised browser (it keeps its device cookie). */
async function staySignedIn(browser: TestBrowser): Promise<void> {
  await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
  const before = harness.smtp.messages.length;
  await browser.post('/v1/auth/sign-in/email-code/send');
  const code = codeIn(await harness.mailTo(EMAIL, /sign-in code/, before));
  const done = await browser.post('/v1/auth/sign-in/email-code', { code, staySignedIn: true });
  expect(done.json).toMatchObject({ stage: 'active', staySignedInOffered: true });
}

describe('the session cookie', () => {
  it('is __Host-af_session: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain', async () => {
    const browser = harness.browser();
    const step = await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const cookie = step.setCookies.find((line) => line.startsWith('__Host-af_session=')) ?? '';

    expect(cookie).toMatch(/^__Host-af_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']) {
      expect(cookie).toContain(`; ${attribute}`);
    }
    expect(cookie).not.toMatch(/Domain=|Max-Age=/i);
  });

  it('is stored only as a hash, and gets a new token at every sign-in step', async () => {
    const browser = harness.browser();
    await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const pending = browser.cookies.get('__Host-af_session');
    await signIn(browser);
    const active = browser.cookies.get('__Host-af_session');

    expect(active).not.toBe(pending);
    const rows = await harness.owner.db.selectFrom('user_sessions').select('token_hash').execute();
    for (const row of rows) expect(row.token_hash).toHaveLength(32);
    const stored = rows.map((row) => Buffer.from(row.token_hash).toString('base64url'));
    expect(stored).not.toContain(active);
  });

  it('answers GET /v1/auth/session without a session with AUTH_SESSION_REQUIRED', async () => {
    const response = await harness.browser().get('/v1/auth/session');

    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ error: { code: 'AUTH_SESSION_REQUIRED' } });
  });

  it('refuses a pending sign-in (password only) anywhere but the next step', async () => {
    const browser = harness.browser();
    await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });

    const devices = await browser.get('/v1/account/devices');
    expect(devices.json).toMatchObject({ error: { code: 'AUTH_SESSION_REQUIRED' } });
    expect((await browser.get('/v1/auth/session')).json).toMatchObject({
      stage: 'second_factor',
      user: null,
      shops: [],
    });
  });
});

describe('timeouts', () => {
  it('ends a session idle for 30 minutes; activity keeps it alive', async () => {
    const browser = await signIn(harness.browser());
    harness.clock.advanceSeconds(SESSION_TIMEOUTS.idleSeconds - 120);
    expect(await stage(browser)).toBe('active');
    harness.clock.advanceSeconds(SESSION_TIMEOUTS.idleSeconds - 120);
    expect(await stage(browser)).toBe('active');

    harness.clock.advanceSeconds(SESSION_TIMEOUTS.idleSeconds + 1);
    expect(await stage(browser)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
  });

  it('ends an active session 12 hours after sign-in, however busy', async () => {
    const browser = await signIn(harness.browser());
    for (let elapsed = 0; elapsed < SESSION_TIMEOUTS.absoluteSeconds - 900; elapsed += 900) {
      harness.clock.advanceSeconds(900);
      expect(await stage(browser)).toBe('active');
    }

    harness.clock.advanceSeconds(1800);
    expect(await stage(browser)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
  });

  it('lets a persistent session on a recognised device last up to 30 days', async () => {
    const browser = await signIn(harness.browser());
    await browser.post('/v1/auth/sign-out');
    await staySignedIn(browser);

    for (let day = 1; day < 30; day += 1) {
      harness.clock.advanceSeconds(24 * 60 * 60);
      expect(await stage(browser)).toBe('active');
    }
    harness.clock.advanceSeconds(24 * 60 * 60);
    expect(await stage(browser)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
  });
});

describe('ending sessions', () => {
  it('signs out one session', async () => {
    const browser = await signIn(harness.browser());
    expect((await browser.post('/v1/auth/sign-out')).status).toBe(204);

    expect(await stage(browser)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
  });

  it('signs out everywhere', async () => {
    const first = await signIn(harness.browser());
    const second = await signIn(harness.browser());
    expect((await first.post('/v1/auth/sign-out-everywhere')).status).toBe(204);

    expect(await stage(first)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
    expect(await stage(second)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
  });

  it('lists sessions and revokes another one', async () => {
    const first = await signIn(harness.browser());
    const second = await signIn(harness.browser());
    const listed = (await first.get('/v1/account/sessions')).json['sessions'];
    const sessions = Array.isArray(listed) ? listed : [];
    const other = sessions.find((session: { current: boolean }) => !session.current);
    expect(sessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1);

    expect((await first.delete(`/v1/account/sessions/${String(other?.sessionId)}`)).status).toBe(
      204,
    );
    expect(await stage(second)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
    expect(await stage(first)).toBe('active');
  });

  it('ends every other session when the password changes, and emails the holder', async () => {
    const changer = await signIn(harness.browser());
    const other = await signIn(harness.browser());
    const before = harness.smtp.messages.length;
    const newPassword = 'orchard-comet-basalt-64';

    const wrong = await changer.post('/v1/account/password', {
      currentPassword: 'not-my-password-1',
      newPassword,
    });
    expect(wrong.json).toMatchObject({ error: { code: 'AUTH_CURRENT_PASSWORD_INCORRECT' } });
    const weak = await changer.post('/v1/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'password1234',
    });
    expect(weak.json).toMatchObject({ error: { code: 'ACCOUNT_PASSWORD_COMMON' } });

    const changed = await changer.post('/v1/account/password', {
      currentPassword: PASSWORD,
      newPassword,
    });
    expect(changed.status).toBe(200);
    expect(await stage(changer)).toBe('active');
    expect(await stage(other)).toMatchObject({ code: 'AUTH_SESSION_REQUIRED' });
    await harness.mailTo(EMAIL, /password was changed/, before);

    const old = await harness
      .browser()
      .post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    expect(old.json).toMatchObject({ error: { code: 'AUTH_SIGN_IN_FAILED' } });
    await signIn(harness.browser(), newPassword);
  });

  it('recorded sign-out, revocation and password-change events', async () => {
    const types = new Set((await eventsOf(harness, userId)).map((event) => event.event_type));

    for (const type of [
      'signed_out',
      'signed_out_everywhere',
      'session_revoked',
      'password_changed',
    ]) {
      expect(types).toContain(type);
    }
  });
});
