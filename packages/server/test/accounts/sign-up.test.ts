import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REGISTRY } from '../../src/errors/error-registry.js';
import {
  type AccountHarness,
  eventsOf,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
  userIdOf,
} from './support/harness.js';
import { linkParameter } from './support/smtp-peer.js';

/** Sign-up, email verification and the password policy, on real PostgreSQL and real SMTP. */
const PASSWORD = 'lantern-orbit-meadow-42';
let harness: AccountHarness;

beforeAll(async () => {
  harness = await startAccountHarness();
});
afterAll(async () => {
  await harness.close();
});

function expectError(response: { status: number; json: Record<string, unknown> }, code: string) {
  const entry = Object.entries(ERROR_REGISTRY).find(([name]) => name === code)?.[1];
  expect(response.json).toEqual({ error: { code, message: entry?.message } });
  expect(response.status).toBe(entry?.status);
}

describe('sign-up and email verification', () => {
  it('answers 202 and emails a verification link that verifies the address once', async () => {
    const browser = harness.browser();
    const signUp = await browser.post('/v1/auth/sign-up', {
      email: 'Ada@Example.com ',
      password: PASSWORD,
    });
    expect(signUp.status).toBe(202);
    expect(signUp.json).toEqual({ status: 'verification_sent' });

    const mail = await harness.mailTo('ada@example.com', /Verify your email/);
    expect(mail.html).toContain('<a href="http://localhost:8080/app/verify-email#token=');
    const token = linkParameter(mail, 'token');
    const first = await browser.post('/v1/auth/verify-email', { token });
    const second = await browser.post('/v1/auth/verify-email', { token });

    expect(first.json).toEqual({ status: 'verified' });
    expectError(second, 'AUTH_LINK_INVALID');
  });

  it('refuses to sign in before the address is verified, and sends a new link', async () => {
    const browser = harness.browser();
    await browser.post('/v1/auth/sign-up', { email: 'grace@example.com', password: PASSWORD });
    const before = harness.smtp.messages.length;

    const attempt = await browser.post('/v1/auth/sign-in', {
      email: 'grace@example.com',
      password: PASSWORD,
    });

    expectError(attempt, 'ACCOUNT_EMAIL_NOT_VERIFIED');
    await harness.mailTo('grace@example.com', /Verify your email/, before);
  });

  it('answers a sign-up for a taken address like a new one, and tells the holder', async () => {
    const browser = harness.browser();
    const before = harness.smtp.messages.length;
    const again = await browser.post('/v1/auth/sign-up', {
      email: 'ada@example.com',
      password: 'another-long-passphrase-7',
    });

    expect(again.status).toBe(202);
    expect(again.json).toEqual({ status: 'verification_sent' });
    await harness.mailTo('ada@example.com', /tried to sign up/, before);
    const users = await harness.owner.db.selectFrom('users').select('user_id').execute();
    expect(users).toHaveLength(2);
  });

  it('resends a link only to an unverified account, answering alike for any address', async () => {
    const browser = harness.browser();
    const before = harness.smtp.messages.length;
    for (const email of ['grace@example.com', 'ada@example.com', 'unknown@example.com']) {
      const response = await browser.post('/v1/auth/verify-email/resend', { email });
      expect(response.status).toBe(202);
      expect(response.json).toEqual({ status: 'verification_sent' });
    }

    await harness.mailTo('grace@example.com', /Verify your email/, before);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const recipients = harness.smtp.messages.slice(before).flatMap((mail) => mail.to);
    expect(recipients).toEqual(['grace@example.com']);
  });

  it('stores the email encrypted and indexed, never in the clear', async () => {
    const rows = await harness.owner.db.selectFrom('users').selectAll().execute();

    for (const row of rows) {
      expect(Buffer.from(row.email_enc).toString('latin1')).not.toContain('example.com');
      expect(row.email_index).toHaveLength(32);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
  });

  it('records account_created and email_verified events', async () => {
    const browser = await signInWithEmailCode(
      harness,
      harness.browser(),
      'ada@example.com',
      PASSWORD,
    );
    const types = (await eventsOf(harness, await userIdOf(browser))).map(
      (event) => event.event_type,
    );

    expect(types.slice(0, 2)).toEqual(['account_created', 'email_verified']);
  });
});

describe('the password policy', () => {
  it.each([
    ['shorter than 12 characters', 'short-pass1', 'ACCOUNT_PASSWORD_TOO_SHORT'],
    ['11 characters of one script', 'ábcdéfghíj1', 'ACCOUNT_PASSWORD_TOO_SHORT'],
    ['over 1,024 bytes', 'x7'.repeat(513), 'ACCOUNT_PASSWORD_TOO_LONG'],
    ['on the common list', 'password1234', 'ACCOUNT_PASSWORD_COMMON'],
    ['on the common list in other case', 'QwertyUiop12', 'ACCOUNT_PASSWORD_COMMON'],
    ['a keyboard walk', '1qaz2wsx3edc', 'ACCOUNT_PASSWORD_COMMON'],
    ['a run of few characters', 'abababababababab', 'ACCOUNT_PASSWORD_COMMON'],
    ['containing the email local part', 'my-margaret-secret-9', 'ACCOUNT_PASSWORD_CONTAINS_EMAIL'],
    ['containing the product name', 'i-like-AuraFlow-lots', 'ACCOUNT_PASSWORD_CONTAINS_EMAIL'],
  ])('refuses a password %s', async (_label, password, code) => {
    const response = await harness
      .browser()
      .post('/v1/auth/sign-up', { email: 'Margaret@example.org', password });

    expectError(response, code);
  });

  it('refuses a malformed email and unknown fields', async () => {
    const browser = harness.browser();

    expectError(
      await browser.post('/v1/auth/sign-up', { email: 'not-an-address', password: PASSWORD }),
      'ACCOUNT_EMAIL_INVALID',
    );
    expectError(
      await browser.post('/v1/auth/sign-up', {
        email: 'x@example.com',
        password: PASSWORD,
        role: 'owner',
      }),
      'REQUEST_INVALID',
    );
  });

  it('created no account for any refused sign-up', async () => {
    const rows = await harness.owner.db.selectFrom('users').select('user_id').execute();
    expect(rows).toHaveLength(2);
  });
});

describe('a sign-up with a shop name', () => {
  it('makes the new user owner of a new shop', async () => {
    await signUpVerified(harness, 'owner@shop.example', PASSWORD, 'Lantern Goods');
    const browser = await signInWithEmailCode(
      harness,
      harness.browser(),
      'owner@shop.example',
      PASSWORD,
    );
    const session = await browser.get('/v1/auth/session');

    expect(session.json['shops']).toEqual([
      { shopId: expect.any(String), name: 'Lantern Goods', role: 'owner', requireTotp: false },
    ]);
  });
});

describe('the demo shop', () => {
  let demo: AccountHarness;

  beforeAll(async () => {
    demo = await startAccountHarness({ demoShop: true });
  });
  afterAll(async () => {
    await demo.close();
  });

  it('goes to the first sign-up with a shop name; later ones get their own shops', async () => {
    await signUpVerified(demo, 'first@demo.example', PASSWORD, 'My store');
    await signUpVerified(demo, 'second@demo.example', PASSWORD, 'Second store');
    const first = await signInWithEmailCode(demo, demo.browser(), 'first@demo.example', PASSWORD);
    const second = await signInWithEmailCode(demo, demo.browser(), 'second@demo.example', PASSWORD);

    expect((await first.get('/v1/auth/session')).json['shops']).toEqual([
      { shopId: demo.demoShopId, name: 'Demo store', role: 'owner', requireTotp: false },
    ]);
    expect((await second.get('/v1/auth/session')).json['shops']).toEqual([
      expect.objectContaining({ name: 'Second store', role: 'owner' }),
    ]);
  });
});
