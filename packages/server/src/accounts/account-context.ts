import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { AuthEvent, AuthEventDetail, AuthEventType } from '../audit/auth-event-log.js';
import { recordAuthEvent } from '../audit/auth-event-log.js';
import { type ClientContext, clientContextOf } from '../auth/client-context.js';
import type { Clock } from '../auth/clock.js';
import type { PasswordWork } from '../auth/password-work.js';
import type { AuthKeys } from '../auth/secret-tokens.js';
import { randomToken } from '../auth/secret-tokens.js';
import { type Session, type SessionStore, sessionRef } from '../auth/session-store.js';
import type { AuthLimiters, AuthLimits } from '../auth/throttling.js';
import type { Config } from '../config/config.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Keyring } from '../crypto/keyring.js';
import { hashPassword } from '../crypto/password-hasher.js';
import type { Database, Db } from '../db/database.js';
import type { Mailer } from '../email/mailer.js';
import type { MailContent } from '../email/templates.js';
import { AppError } from '../errors/error-registry.js';
import { decryptUserEmail } from './user-email.js';

/** Everything the account routes share: built once by `registerAccountRoutes`. */
export interface AccountContext {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly cipher: FieldCipher;
  readonly keyring: Keyring;
  readonly keys: AuthKeys;
  readonly mailer: Mailer;
  readonly now: Clock;
  readonly limits: AuthLimits;
  readonly limiters: AuthLimiters;
  readonly sessions: SessionStore;
  /** Every Argon2id hash and check goes through this gate. */
  readonly passwordWork: PasswordWork;
  /** A shop the first sign-up with a shop name becomes owner of (the demo shop, for now). */
  readonly demoShopId: string | null;
}

/** What a handler knows about its request, for events and notifications. */
export interface RequestScope {
  readonly request: FastifyRequest;
  readonly client: ClientContext;
  readonly log: FastifyBaseLogger;
}

export function scopeOf(context: AccountContext, request: FastifyRequest): RequestScope {
  const client = clientContextOf(request, context.config.geoFromCloudflareHeaders);
  return { request, client, log: request.log };
}

/** Appends an auth event attributed to the request (and session, when there is one). */
export async function audit(
  context: AccountContext,
  scope: RequestScope,
  event: {
    type: AuthEventType;
    userId: string | null;
    session?: Session | null;
    detail?: AuthEventDetail;
    db?: Db;
    shopId?: string;
  },
): Promise<void> {
  const entry: AuthEvent = {
    type: event.type,
    at: context.now(),
    userId: event.userId,
    shopId: event.shopId ?? null,
    source: {
      requestId: scope.request.id,
      sessionRef: sessionRef(event.session ?? null),
      browserFamily: scope.client.browserFamily,
      country: scope.client.country,
      region: scope.client.region,
    },
    ...(event.detail === undefined ? {} : { detail: event.detail }),
  };
  await recordAuthEvent(event.db ?? context.db, entry);
}

/**
 * Emails a user. A `critical` message (one carrying a code or link the user needs now) that
 * cannot be sent fails the request with EMAIL_UNAVAILABLE; a notification that cannot be sent
 * is logged (by error type only) and the request goes on.
 */
export async function mailUser(
  context: AccountContext,
  scope: RequestScope,
  user: { user_id: string; email_enc: Uint8Array },
  content: MailContent,
  critical: boolean,
): Promise<void> {
  await mailAddress(context, scope, decryptUserEmail(context.cipher, user), content, critical);
}

export async function mailAddress(
  context: AccountContext,
  scope: RequestScope,
  to: string,
  content: MailContent,
  critical: boolean,
): Promise<void> {
  try {
    await context.mailer.send({ to, ...content });
  } catch (error) {
    scope.log.warn({ err: error }, 'mail not sent');
    if (critical) throw new AppError('EMAIL_UNAVAILABLE', { cause: error });
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * An Argon2id hash of a random password, made once: an unknown email is checked against it so
 * that it takes as long as a wrong password for a real account (no timing enumeration).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}
