import type { AuthLimits } from '../../../src/auth/throttling.js';
import { totpCode } from '../../../src/auth/totp.js';
import { FieldCipher } from '../../../src/crypto/field-cipher.js';
import type { Database } from '../../../src/db/database.js';
import { createSmtpMailer, type Mailer } from '../../../src/email/mailer.js';
import { createShop } from '../../../src/shops/shop-repository.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { type TestKeys, testKeys } from '../../support/keyring.js';
import { type CapturedLogs, captureLogs } from '../../support/logs.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/postgres.js';
import {
  codeIn,
  linkParameter,
  type ReceivedMail,
  type SmtpPeer,
  startSmtpPeer,
} from './smtp-peer.js';
import { type BrowserOptions, TestBrowser } from './test-browser.js';

/** A clock the test moves: the app computes every expiry and TOTP step from it. */
export interface TestClock {
  now(): Date;
  advanceSeconds(seconds: number): void;
  epochSeconds(): number;
}

export function testClock(start: Date = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceSeconds: (seconds) => {
      current += seconds * 1000;
    },
    epochSeconds: () => Math.floor(current / 1000),
  };
}

/** Limits high enough that only the tests about limits reach them. */
const GENEROUS_LIMITS: Partial<AuthLimits> = {
  signInPerSourcePerMinute: 10_000,
  signInPerAccountPerMinute: 10_000,
  codesPerSourcePerMinute: 10_000,
  signUpPerSourcePerMinute: 10_000,
};

export interface AccountHarness {
  readonly scratch: ScratchDatabase;
  readonly runtime: Database;
  /** The owner role's view: every row, whatever the policies (for assertions only). */
  readonly owner: Database;
  readonly testApp: TestApp;
  readonly smtp: SmtpPeer;
  readonly mailer: Mailer;
  readonly clock: TestClock;
  readonly keys: TestKeys;
  readonly logs: CapturedLogs;
  readonly demoShopId: string | null;
  browser(options?: BrowserOptions): TestBrowser;
  /** Mail to `address` whose subject matches, received after `since` messages. */
  mailTo(address: string, subject: RegExp, since?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly limits?: Partial<AuthLimits>;
  /** Create a "Demo store" shop first and hand its id to the app as the demo shop. */
  readonly demoShop?: boolean;
  readonly env?: Record<string, string>;
}

/**
 * The real application on a scratch PostgreSQL database, as the runtime role, sending mail over
 * SMTP to a real SMTP server started for the test file, with a clock the test controls.
 */
export async function startAccountHarness(options: HarnessOptions = {}): Promise<AccountHarness> {
  const scratch = await createScratchDatabase();
  const runtime = scratch.runtime(6);
  const owner = scratch.owner(2);
  const smtp = await startSmtpPeer();
  const mailer = createSmtpMailer(smtp.url, 'Auraflow <no-reply@auraflow.test>');
  const clock = testClock();
  const keys = testKeys();
  const logs = captureLogs('trace');
  // The dashboard's origin, which the CSRF check expects on state-changing requests.
  const publicOrigin = new URL(options.env?.['PUBLIC_URL'] ?? 'http://localhost:8080').origin;
  const demoShopId = options.demoShop === true ? await demoShop(runtime, keys) : null;
  const testApp = await buildTestApp({
    database: runtime,
    keys,
    logger: logs.logger,
    mailer,
    env: { TRUST_PROXY: 'true', GEO_FROM_CLOUDFLARE_HEADERS: 'true', ...options.env },
    accounts: {
      now: clock.now,
      limits: { ...GENEROUS_LIMITS, ...options.limits },
      demoShopId,
    },
  });

  return {
    scratch,
    runtime,
    owner,
    testApp,
    smtp,
    mailer,
    clock,
    keys,
    logs,
    demoShopId,
    browser: (browserOptions) =>
      new TestBrowser(testApp.app, { origin: publicOrigin, ...browserOptions }),
    mailTo: (address, subject, since = 0) =>
      smtp.waitFor(
        (mail) =>
          smtp.messages.indexOf(mail) >= since &&
          mail.to.includes(address) &&
          subject.test(mail.subject),
      ),
    async close() {
      await testApp.close();
      await mailer.close();
      await smtp.close();
      await runtime.close();
      await owner.close();
      await scratch.drop();
    },
  };
}

async function demoShop(runtime: Database, keys: TestKeys): Promise<string> {
  const shop = await createShop(runtime, new FieldCipher(keys.keyring), {
    name: 'Demo store',
    origins: [],
  });
  return shop.shopId;
}

/** Signs up and follows the verification link. */
export async function signUpVerified(
  harness: AccountHarness,
  email: string,
  password: string,
  shopName?: string,
): Promise<void> {
  const browser = harness.browser();
  const since = harness.smtp.messages.length;
  const signUp = await browser.post('/v1/auth/sign-up', {
    email,
    password,
    ...(shopName === undefined ? {} : { shopName }),
  });
  if (signUp.status !== 202) throw new Error(`sign-up answered ${signUp.status}: ${signUp.body}`);

  const mail = await harness.mailTo(email, /Verify your email/, since);
  const verified = await browser.post('/v1/auth/verify-email', {
    token: linkParameter(mail, 'token'),
  });
  if (verified.status !== 200) throw new Error(`verification answered ${verified.status}`);
}

/**
 * Signs in with password and an emailed code (the first sign-in of a new account, which also
 * verifies the browser as a device). Returns the browser, signed in.
 */
export async function signInWithEmailCode(
  harness: AccountHarness,
  browser: TestBrowser,
  email: string,
  password: string,
): Promise<TestBrowser> {
  const step = await browser.post('/v1/auth/sign-in', { email, password });
  if (step.status !== 200) throw new Error(`sign-in answered ${step.status}: ${step.body}`);

  const since = harness.smtp.messages.length;
  await browser.post('/v1/auth/sign-in/email-code/send');
  const code = codeIn(await harness.mailTo(email, /sign-in code/, since));
  const done = await browser.post('/v1/auth/sign-in/email-code', { code });
  if (done.status !== 200) throw new Error(`code answered ${done.status}: ${done.body}`);
  return browser;
}

/** Enrols an authenticator for a signed-in browser; returns the base32 secret and codes. */
export async function enrolTotp(
  harness: AccountHarness,
  browser: TestBrowser,
  password?: string,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await browser.post(
    '/v1/account/totp/enrolment',
    password === undefined ? {} : { password },
  );
  const secret = started.json['secret'];
  if (typeof secret !== 'string') throw new Error(`enrolment answered ${started.status}`);

  const code = await totpCode(secret, harness.clock.epochSeconds());
  const confirmed = await browser.post('/v1/account/totp/enrolment/confirm', { code });
  const codes = confirmed.json['recoveryCodes'];
  if (!Array.isArray(codes)) throw new Error(`confirmation answered ${confirmed.status}`);
  // A new time step, so that the next code is not the one just used.
  harness.clock.advanceSeconds(30);
  return { secret, recoveryCodes: codes.map(String) };
}

/** The auth events of a user, oldest first, read as the owner. */
export async function eventsOf(harness: AccountHarness, userId: string | null) {
  const query = harness.owner.db.selectFrom('auth_events').selectAll().orderBy('event_id');
  const rows = await (userId === null
    ? query.where('user_id', 'is', null)
    : query.where('user_id', '=', userId)
  ).execute();
  return rows;
}

export async function userIdOf(browser: TestBrowser): Promise<string> {
  const session = await browser.get('/v1/auth/session');
  const user = session.json['user'];
  if (typeof user !== 'object' || user === null || !('userId' in user)) {
    throw new Error(`no user in the session: ${session.body}`);
  }
  return String(user.userId);
}
