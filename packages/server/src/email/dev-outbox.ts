import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MailMessage } from './mail-message.js';

/** A message kept in the development outbox instead of being sent. */
export interface OutboxMessage extends MailMessage {
  readonly id: string;
  readonly from: string;
  readonly at: string;
}

/** Enough to follow a few sign-ups; older messages drop off the page (and the folder stays). */
const KEPT_MESSAGES = 200;
const MESSAGE_FILE = /^\d{13}-[0-9a-f-]{36}\.json$/;

/**
 * Development only: where mail goes when no SMTP server is configured, shown at `/dev/mailbox`.
 * In memory, and also written to a folder (mode 0600 files) when one is given, so messages
 * survive a restart of `npm start`. Never used in production (the configuration requires
 * SMTP_URL there).
 */
export class DevOutbox {
  readonly #messages: OutboxMessage[] = [];

  constructor(private readonly dir: string | null = null) {
    if (dir === null) return;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const file of readdirSync(dir)
      .filter((name) => MESSAGE_FILE.test(name))
      .sort()) {
      const message = parseMessage(readFileSync(path.join(dir, file), 'utf8'));
      if (message !== null) this.#keep(message);
    }
  }

  add(from: string, message: MailMessage): OutboxMessage {
    const stored: OutboxMessage = {
      ...message,
      id: randomUUID(),
      from,
      at: new Date().toISOString(),
    };
    this.#keep(stored);
    if (this.dir !== null) {
      const file = `${Date.parse(stored.at)}-${stored.id}.json`;
      writeFileSync(path.join(this.dir, file), JSON.stringify(stored), { mode: 0o600 });
    }
    return stored;
  }

  /** Newest first. */
  list(): readonly OutboxMessage[] {
    return [...this.#messages].reverse();
  }

  find(id: string): OutboxMessage | null {
    return this.#messages.find((message) => message.id === id) ?? null;
  }

  #keep(message: OutboxMessage): void {
    this.#messages.push(message);
    if (this.#messages.length > KEPT_MESSAGES) this.#messages.shift();
  }
}

const STORED_MESSAGE = z.object({
  id: z.string(),
  from: z.string(),
  at: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});

function parseMessage(text: string): OutboxMessage | null {
  try {
    const parsed = STORED_MESSAGE.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
