import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import type { SecondFactorMethod, SessionStage } from '../db/schema.js';
import type { ClientContext } from './client-context.js';
import { addSeconds, type Clock } from './clock.js';
import { hmacSha256, randomToken, sha256 } from './secret-tokens.js';

/** `__Host-`: Secure, Path=/, no Domain; HttpOnly so page script never sees the token. */
export const SESSION_COOKIE = '__Host-af_session';

/**
 * Session lifetimes in seconds. Idle 30 minutes and absolute 12 hours follow NIST SP 800-63B
 * §4.2.3 (AAL2 reauthentication); "stay signed in" on a recognised device extends a session to
 * 30 days, ending after 7 days unused. A sign-in in progress has 10 minutes per step (emailed
 * codes live that long), and 30 minutes to enrol a required authenticator.
 */
export const SESSION_TIMEOUTS = {
  idleSeconds: 30 * 60,
  absoluteSeconds: 12 * 60 * 60,
  persistentIdleSeconds: 7 * 24 * 60 * 60,
  persistentAbsoluteSeconds: 30 * 24 * 60 * 60,
  signInStepSeconds: 10 * 60,
  enrolmentSeconds: 30 * 60,
} as const;

/** Activity closer together than this does not rewrite the row (the idle clock may lag by it). */
const TOUCH_INTERVAL_SECONDS = 60;

export interface Session {
  readonly sessionId: string;
  readonly tokenHash: Buffer;
  readonly userId: string;
  readonly stage: SessionStage;
  readonly secondFactor: SecondFactorMethod | null;
  readonly deviceId: string | null;
  readonly deviceTokenHash: Buffer | null;
  readonly deviceRecognised: boolean;
  readonly failedAttempts: number;
  readonly codesSent: number;
  readonly persistent: boolean;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

export interface NewSignIn {
  readonly userId: string;
  readonly deviceTokenHash: Buffer;
  /** The recognised device this browser is for the user, or null for an unrecognised one. */
  readonly deviceId: string | null;
  readonly client: ClientContext;
}

export interface Promotion {
  readonly stage: SessionStage;
  readonly secondFactor?: SecondFactorMethod;
  readonly deviceId?: string;
  readonly persistent?: boolean;
}

/**
 * Server-side sessions behind the `__Host-af_session` cookie. The cookie holds a random 32-byte
 * token; the table holds only its SHA-256, so a database reader cannot use a session. A new
 * token is issued when a sign-in starts and again when it completes or changes stage, so a
 * token seen before sign-in is worthless after (session fixation).
 */
export class SessionStore {
  readonly #resolved = new WeakMap<FastifyRequest, Promise<Session | null>>();

  constructor(
    private readonly db: Db,
    private readonly csrfKey: Buffer,
    private readonly now: Clock,
  ) {}

  /** The request's live session (memoised per request), or null; expired ones are deleted. */
  resolve(request: FastifyRequest): Promise<Session | null> {
    const known = this.#resolved.get(request);
    if (known !== undefined) return known;

    const found = this.#load(request.cookies[SESSION_COOKIE]);
    this.#resolved.set(request, found);
    return found;
  }

  /** Starts a sign-in at its second-factor step, replacing the request's previous session. */
  async startSignIn(request: FastifyRequest, reply: FastifyReply, input: NewSignIn) {
    await this.end(request, reply);
    const now = this.now();
    const token = randomToken();
    const expires = addSeconds(now, SESSION_TIMEOUTS.signInStepSeconds);

    const sessionId = randomUUID();
    await this.db
      .insertInto('user_sessions')
      .values({
        session_id: sessionId,
        token_hash: sha256(token),
        user_id: input.userId,
        stage: 'second_factor',
        device_token_hash: input.deviceTokenHash,
        device_id: input.deviceId,
        device_recognised: input.deviceId !== null,
        browser_family: input.client.browserFamily,
        country: input.client.country,
        region: input.client.region,
        created_at: now,
        last_seen_at: now,
        idle_expires_at: expires,
        absolute_expires_at: expires,
      })
      .execute();

    return this.#adopt(request, reply, token, sessionId, false);
  }

  /**
   * Moves a session to a new stage under a new token, with the lifetimes of that stage: an
   * 'active' session gets the idle and absolute timeouts (or the persistent ones).
   */
  async promote(
    request: FastifyRequest,
    reply: FastifyReply,
    session: Session,
    promotion: Promotion,
  ): Promise<Session | null> {
    const now = this.now();
    const token = randomToken();
    const persistent = promotion.persistent ?? false;
    const { idle, absolute } = lifetimes(promotion.stage, persistent, now);

    await this.db
      .updateTable('user_sessions')
      .set({
        token_hash: sha256(token),
        stage: promotion.stage,
        persistent,
        failed_attempts: 0,
        codes_sent: 0,
        last_seen_at: now,
        idle_expires_at: idle,
        absolute_expires_at: absolute,
        ...(promotion.secondFactor === undefined ? {} : { second_factor: promotion.secondFactor }),
        ...(promotion.deviceId === undefined ? {} : { device_id: promotion.deviceId }),
      })
      .where('session_id', '=', session.sessionId)
      .execute();

    return this.#adopt(request, reply, token, session.sessionId, persistent);
  }

  /** Ends the request's session, if any, and clears the cookie. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<Session | null> {
    const session = await this.resolve(request);
    if (session !== null) await this.deleteSession(session.userId, session.sessionId);

    this.#resolved.set(request, Promise.resolve(null));
    reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
    return session;
  }

  /** Counts a failed code at a sign-in step; returns the new count. */
  async countFailure(session: Session): Promise<number> {
    const row = await this.db
      .updateTable('user_sessions')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('session_id', '=', session.sessionId)
      .returning('failed_attempts')
      .executeTakeFirst();
    return row?.failed_attempts ?? Number.POSITIVE_INFINITY;
  }

  /** Counts an emailed code sent for this sign-in step; returns the new count. */
  async countCodeSent(session: Session): Promise<number> {
    const row = await this.db
      .updateTable('user_sessions')
      .set((eb) => ({ codes_sent: eb('codes_sent', '+', 1) }))
      .where('session_id', '=', session.sessionId)
      .returning('codes_sent')
      .executeTakeFirst();
    return row?.codes_sent ?? Number.POSITIVE_INFINITY;
  }

  async deleteSession(userId: string, sessionId: string): Promise<boolean> {
    const deleted = await this.db
      .deleteFrom('user_sessions')
      .where('user_id', '=', userId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  }

  /** Ends every session of a user except `keep` (sign out everywhere, password change). */
  async deleteAll(userId: string, keep: string | null = null): Promise<number> {
    let query = this.db.deleteFrom('user_sessions').where('user_id', '=', userId);
    if (keep !== null) query = query.where('session_id', '<>', keep);

    const deleted = await query.executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }

  /**
   * The CSRF token of a session: HMAC-SHA256 of its token hash under a derived key. It is
   * derived rather than stored, so it needs no column and changes whenever the token does.
   */
  csrfTokenOf(session: Session): string {
    return hmacSha256(this.csrfKey, session.tokenHash).toString('base64url');
  }

  async #load(token: string | undefined): Promise<Session | null> {
    if (token === undefined || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;

    const row = await this.db
      .selectFrom('user_sessions')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (row === undefined) return null;

    const session = toSession(row);
    const now = this.now();
    if (now >= session.idleExpiresAt || now >= session.absoluteExpiresAt) {
      await this.deleteSession(session.userId, session.sessionId);
      return null;
    }
    return this.#touch(session, now);
  }

  /** Activity moves the idle expiry of an active session, never past its absolute expiry. */
  async #touch(session: Session, now: Date): Promise<Session> {
    const quiet = now.getTime() - session.lastSeenAt.getTime() < TOUCH_INTERVAL_SECONDS * 1000;
    if (session.stage !== 'active' || quiet) return session;

    const idleSeconds = session.persistent
      ? SESSION_TIMEOUTS.persistentIdleSeconds
      : SESSION_TIMEOUTS.idleSeconds;
    const idle = earliest(addSeconds(now, idleSeconds), session.absoluteExpiresAt);
    await this.db
      .updateTable('user_sessions')
      .set({ last_seen_at: now, idle_expires_at: idle })
      .where('session_id', '=', session.sessionId)
      .execute();
    return { ...session, lastSeenAt: now, idleExpiresAt: idle };
  }

  async #adopt(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    sessionId: string,
    persistent: boolean,
  ): Promise<Session | null> {
    const row = await this.db
      .selectFrom('user_sessions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    const session = row === undefined ? null : toSession(row);
    this.#resolved.set(request, Promise.resolve(session));
    if (session === null) return null;

    const maxAge = persistent
      ? Math.floor((session.absoluteExpiresAt.getTime() - this.now().getTime()) / 1000)
      : undefined;
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
      // A session cookie (no Max-Age) ends with the browser unless the user chose to stay.
      ...(maxAge === undefined ? {} : { maxAge }),
    });
    return session;
  }
}

/** The first 16 hex digits of a token hash: enough to tell sessions apart in the audit log. */
export function sessionRef(session: Session | null): string | null {
  return session === null ? null : session.tokenHash.toString('hex').slice(0, 16);
}

function lifetimes(stage: SessionStage, persistent: boolean, now: Date) {
  if (stage === 'active') {
    const absolute = addSeconds(
      now,
      persistent ? SESSION_TIMEOUTS.persistentAbsoluteSeconds : SESSION_TIMEOUTS.absoluteSeconds,
    );
    const idleSeconds = persistent
      ? SESSION_TIMEOUTS.persistentIdleSeconds
      : SESSION_TIMEOUTS.idleSeconds;
    return { idle: earliest(addSeconds(now, idleSeconds), absolute), absolute };
  }

  const seconds =
    stage === 'totp_enrolment'
      ? SESSION_TIMEOUTS.enrolmentSeconds
      : SESSION_TIMEOUTS.signInStepSeconds;
  const expires = addSeconds(now, seconds);
  return { idle: expires, absolute: expires };
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

interface SessionRow {
  session_id: string;
  token_hash: Uint8Array;
  user_id: string;
  stage: SessionStage;
  second_factor: SecondFactorMethod | null;
  device_id: string | null;
  device_token_hash: Uint8Array | null;
  device_recognised: boolean;
  failed_attempts: number;
  codes_sent: number;
  persistent: boolean;
  created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
}

function toSession(row: SessionRow): Session {
  return {
    sessionId: row.session_id,
    tokenHash: Buffer.from(row.token_hash),
    userId: row.user_id,
    stage: row.stage,
    secondFactor: row.second_factor,
    deviceId: row.device_id,
    deviceTokenHash: row.device_token_hash === null ? null : Buffer.from(row.device_token_hash),
    deviceRecognised: row.device_recognised,
    failedAttempts: row.failed_attempts,
    codesSent: row.codes_sent,
    persistent: row.persistent,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
  };
}
