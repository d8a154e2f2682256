import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config/config.js';
import { DevOutbox } from './dev-outbox.js';
import type { MailMessage } from './mail-message.js';

export type { MailMessage } from './mail-message.js';

/**
 * Sends the account system's email. `send` resolves once the message is accepted by the SMTP
 * server (or kept in the development outbox) and rejects when it cannot be; the message's
 * contents (addresses, codes, links) never reach the logs.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** The development outbox when mail is kept locally rather than sent; null with SMTP. */
  readonly outbox: DevOutbox | null;
  close(): Promise<void>;
}

/** A mailer over SMTP (nodemailer), `smtp://` with STARTTLS when offered or `smtps://`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, {
    // Templates never attach files or fetch URLs; refuse both so a bug cannot make them.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    outbox: null,
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    async close() {
      transport.close();
    },
  };
}

/** A mailer that keeps every message in a development outbox (see /dev/mailbox). */
export function createOutboxMailer(outbox: DevOutbox, from: string): Mailer {
  return {
    outbox,
    async send(message) {
      outbox.add(from, message);
    },
    async close() {},
  };
}

/**
 * The mailer for a configuration: SMTP when SMTP_URL is set, otherwise (development and test
 * only; production requires SMTP_URL) the development outbox, kept under `dataDir/dev-mailbox`
 * when a data folder is given, in memory otherwise.
 */
export function createMailer(config: Config, dataDir: string | null): Mailer {
  if (config.smtpUrl !== null) return createSmtpMailer(config.smtpUrl, config.mailFrom);
  if (config.environment === 'production') {
    throw new Error('SMTP_URL is required in production; the development outbox is local-only');
  }

  const dir = dataDir === null ? null : path.join(dataDir, 'dev-mailbox');
  return createOutboxMailer(new DevOutbox(dir), config.mailFrom);
}
