import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { TestBrowser } from './support/test-browser.js';

/**
 * The embedded default (`npm start`): PGlite and the development outbox. A whole sign-up and
 * sign-in works there too, codes and links read from /dev/mailbox/messages.json.
 */
const EMAIL = 'embedded@example.com';
const PASSWORD = 'quartz-lagoon-finch-17';
let app: TestApp;
let browser: TestBrowser;

beforeAll(async () => {
  app = await buildTestApp();
  browser = new TestBrowser(app.app);
});
afterAll(async () => {
  await app.close();
});

async function latestMail(subject: RegExp): Promise<{ text: string }> {
  const response = await app.app.inject({ method: 'GET', url: '/dev/mailbox/messages.json' });
  const messages: { subject: string; text: string }[] = response.json().messages;
  const found = messages.find((message) => subject.test(message.subject));
  if (found === undefined) throw new Error('no such mail in the outbox');
  return found;
}

describe('accounts on the embedded database with the development outbox', () => {
  it('signs up with a shop, verifies, signs in with an emailed code, and lists the shop', async () => {
    await browser.post('/v1/auth/sign-up', { email: EMAIL, password: PASSWORD, shopName: 'Local' });
    const link = /#token=([A-Za-z0-9_-]{43})/.exec((await latestMail(/Verify/)).text)?.[1];
    expect((await browser.post('/v1/auth/verify-email', { token: link })).status).toBe(200);

    await browser.post('/v1/auth/sign-in', { email: EMAIL, password: PASSWORD });
    await browser.post('/v1/auth/sign-in/email-code/send');
    const code = /\b(\d{6})\b/.exec((await latestMail(/sign-in code/)).text)?.[1];
    const done = await browser.post('/v1/auth/sign-in/email-code', { code });
    expect(done.json).toMatchObject({ stage: 'active' });

    const session = await browser.get('/v1/auth/session');
    expect(session.json['shops']).toEqual([
      expect.objectContaining({ name: 'Local', role: 'owner' }),
    ]);
    const shops = session.json['shops'];
    const shopId = Array.isArray(shops) ? String(shops[0]?.shopId) : '';
    const members = await browser.get(`/v1/shops/${shopId}/members`);
    expect(members.json['members']).toEqual([expect.objectContaining({ email: EMAIL })]);
  });
});
