import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openEmbedded } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { DevOutbox } from '../../src/email/dev-outbox.js';
import { createOutboxMailer } from '../../src/email/mailer.js';
import { TestBrowser } from '../accounts/support/test-browser.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testKeys } from '../support/keyring.js';

/**
 * Without SMTP_URL (the embedded default) mail goes to a development outbox, shown at
 * /dev/mailbox on a page marked as not sent; the page follows the strict CSP (no inline script
 * or style) and exists only outside production and without SMTP.
 */
const keys = testKeys();
let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await openEmbedded(null);
  await migrate(database.db);
  app = await buildTestApp({ database, keys });
  const browser = new TestBrowser(app.app);
  const signUp = await browser.post('/v1/auth/sign-up', {
    email: 'dev<mail>@example.com',
    password: 'moss-lagoon-ember-22',
  });
  expect(signUp.status).toBe(400);
  await browser.post('/v1/auth/sign-up', {
    email: 'developer@example.com',
    password: 'moss-lagoon-ember-22',
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the development mailbox', () => {
  it('shows unsent mail under a clear banner, without inline script or style', async () => {
    const page = await app.app.inject({ method: 'GET', url: '/dev/mailbox' });

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1 class="banner">Development mailbox — not sent</h1>');
    expect(page.body).toContain('Verify your email address for Auraflow');
    expect(page.body).toContain('To developer@example.com');
    expect(page.body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('serves its stylesheet, each message as HTML, and the messages as JSON', async () => {
    const css = await app.app.inject({ method: 'GET', url: '/dev/mailbox/style.css' });
    const list = await app.app.inject({ method: 'GET', url: '/dev/mailbox/messages.json' });
    const [message] = list.json().messages;
    const html = await app.app.inject({ method: 'GET', url: `/dev/mailbox/${message.id}` });

    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(message).toMatchObject({
      to: 'developer@example.com',
      from: 'Auraflow <no-reply@localhost>',
    });
    expect(html.body).toContain('<a href="http://localhost:8080/app/verify-email#token=');
    expect(html.body).not.toMatch(/<script|<style|\sstyle=/i);
  });

  it('does not exist when SMTP_URL is set', async () => {
    const withSmtp = await buildTestApp({
      database,
      keys,
      env: { SMTP_URL: 'smtp://127.0.0.1:9' },
    });
    const page = await withSmtp.app.inject({ method: 'GET', url: '/dev/mailbox' });
    await withSmtp.close();

    expect(page.statusCode).toBe(404);
  });

  it('does not exist in production, even with an outbox mailer', async () => {
    const production = await buildTestApp({
      database,
      keys,
      mailer: createOutboxMailer(new DevOutbox(), 'Auraflow <no-reply@example.com>'),
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://auraflow_app@db.internal/auraflow',
        PUBLIC_URL: 'https://app.example.com',
        SMTP_URL: 'smtps://mailer@smtp.example.com',
        MAIL_FROM: 'Auraflow <no-reply@example.com>',
        ...keys.env,
      },
    });
    const page = await production.app.inject({ method: 'GET', url: '/dev/mailbox' });
    await production.close();

    expect(page.statusCode).toBe(404);
  });
});
