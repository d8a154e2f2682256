import type { Db } from '../db/database.js';

/** Every authentication event the account system records. */
export const AUTH_EVENT_TYPES = [
  'account_created',
  'email_verified',
  'sign_in_failed',
  'password_accepted',
  'second_factor_succeeded',
  'second_factor_failed',
  'email_code_sent',
  'new_device_detected',
  'device_verified',
  'sign_in_succeeded',
  'account_locked',
  'account_unlocked',
  'password_changed',
  'session_revoked',
  'device_revoked',
  'signed_out',
  'signed_out_everywhere',
  'totp_enrolled',
  'totp_code_reused',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'invitation_sent',
  'invitation_revoked',
  'invitation_accepted',
  'member_role_changed',
  'member_removed',
  'shop_mfa_policy_changed',
] as const;

export type AuthEventType = (typeof AUTH_EVENT_TYPES)[number];

/**
 * What an event may say beyond its type. Only enumerated, non-secret values are allowed, so no
 * caller can put a password, code, token, email or address into the log by mistake.
 */
export interface AuthEventDetail {
  readonly method?: 'password' | 'totp' | 'email' | 'recovery';
  readonly reason?:
    | 'unknown_account'
    | 'wrong_password'
    | 'locked'
    | 'wrong_code'
    | 'no_valid_code'
    | 'reused_code'
    | 'expired'
    | 'user'
    | 'password_change'
    | 'device_revoked';
  readonly role?: 'owner' | 'admin' | 'analyst';
  readonly persistent?: 'true' | 'false';
  readonly required?: 'true' | 'false';
}

/** Who and where, taken from the request: never an IP address. */
export interface AuthEventSource {
  readonly requestId: string | null;
  /** The first 16 hex digits of the session token's SHA-256, when a session is involved. */
  readonly sessionRef: string | null;
  readonly browserFamily: string | null;
  readonly country: string | null;
  readonly region: string | null;
}

export interface AuthEvent {
  readonly type: AuthEventType;
  readonly at: Date;
  readonly userId: string | null;
  /** Set for events about a shop; they must then be written in that shop's tenant context. */
  readonly shopId?: string | null;
  readonly source: AuthEventSource;
  readonly detail?: AuthEventDetail;
}

/**
 * Appends one event to `auth_events`. The runtime role may only insert and read there (no
 * UPDATE, no DELETE), so the log is append-only; a later release chains the rows by hash.
 * Pass the tenant transaction for events with a shop id, the plain database otherwise.
 */
export async function recordAuthEvent(db: Db, event: AuthEvent): Promise<void> {
  await db
    .insertInto('auth_events')
    .values({
      occurred_at: event.at,
      event_type: event.type,
      user_id: event.userId,
      shop_id: event.shopId ?? null,
      session_ref: event.source.sessionRef,
      request_id: event.source.requestId,
      browser_family: event.source.browserFamily,
      country: event.source.country,
      region: event.source.region,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}
