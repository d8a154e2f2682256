import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { createMailer } from '../../src/email/mailer.js';
import { testKeys } from '../support/keyring.js';

/** SMTP_URL and MAIL_FROM: validated at start, required in production, never echoed. */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://auraflow_app@db.internal:5432/auraflow',
  PUBLIC_URL: 'https://app.example.com',
  SMTP_URL: 'smtps://mailer:s3cret-canary@smtp.example.com:465',
  MAIL_FROM: 'Auraflow <no-reply@example.com>',
  ...testKeys().env,
};

function problem(env: Record<string, string | undefined>): ConfigError | null {
  try {
    loadConfig(env);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

describe('mail configuration', () => {
  it('defaults to the development outbox and a localhost sender outside production', () => {
    const config = loadConfig({});

    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Auraflow <no-reply@localhost>');
    expect(createMailer(config, null).outbox).not.toBeNull();
  });

  it.each(['SMTP_URL', 'MAIL_FROM'])('requires %s in production', (variable) => {
    expect(problem(PRODUCTION)).toBeNull();
    expect(problem({ ...PRODUCTION, [variable]: undefined })?.variable).toBe(variable);
  });

  it.each([
    ['SMTP_URL', 'http://smtp.example.com'],
    ['SMTP_URL', 'not a url'],
    ['MAIL_FROM', 'no-at-sign'],
    ['MAIL_FROM', 'Auraflow <a@b.example>\r\nBcc: victim@example.com'],
  ])('refuses %s = %j, naming it and not echoing the value', (variable, value) => {
    const error = problem({ [variable]: value });

    expect(error?.variable).toBe(variable);
    expect(error?.message).not.toContain(value);
  });

  it('never echoes SMTP credentials', () => {
    const error = problem({ SMTP_URL: 'ftp://mailer:s3cret-canary@smtp.example.com' });
    expect(error?.message).not.toContain('s3cret-canary');
  });

  it('sends over SMTP when SMTP_URL is set', () => {
    const mailer = createMailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }), null);
    expect(mailer.outbox).toBeNull();
  });
});
