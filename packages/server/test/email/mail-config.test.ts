import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createMailer } from '../../src/email/mailer.js';
import { configErrorOf, PRODUCTION_ENV } from '../support/config.js';

/** SMTP_URL and MAIL_FROM: validated at start, required in production, never echoed. */
describe('mail configuration', () => {
  it('defaults to the development outbox and a localhost sender outside production', () => {
    const config = loadConfig({});

    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Auraflow <no-reply@localhost>');
    expect(createMailer(config, null).outbox).not.toBeNull();
  });

  it.each(['SMTP_URL', 'MAIL_FROM'])('requires %s in production', (variable) => {
    expect(configErrorOf(PRODUCTION_ENV)).toBeNull();
    expect(configErrorOf({ ...PRODUCTION_ENV, [variable]: undefined })?.variable).toBe(variable);
  });

  it.each([
    ['SMTP_URL', 'http://smtp.example.com'],
    ['SMTP_URL', 'not a url'],
    ['MAIL_FROM', 'no-at-sign'],
    ['MAIL_FROM', 'Auraflow <a@b.example>\r\nBcc: victim@example.com'],
  ])('refuses %s = %j, naming it and not echoing the value', (variable, value) => {
    const error = configErrorOf({ [variable]: value });

    expect(error?.variable).toBe(variable);
    expect(error?.message).not.toContain(value);
  });

  it('never echoes SMTP credentials', () => {
    const error = configErrorOf({ SMTP_URL: 'ftp://mailer:s3cret-canary@smtp.example.com' });
    expect(error?.message).not.toContain('s3cret-canary');
  });

  it('sends over SMTP when SMTP_URL is set', () => {
    const mailer = createMailer(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }), null);
    expect(mailer.outbox).toBeNull();
  });
});
