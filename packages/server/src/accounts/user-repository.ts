import { sql } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db } from '../db/database.js';
import type { UsersTable } from '../db/schema.js';
import { userEmailContext, userEmailIndex } from './user-email.js';

/** A user row as read (timestamps as dates). */
export interface UserRow {
  readonly user_id: string;
  readonly email_enc: Uint8Array;
  readonly password_hash: string;
  readonly email_verified_at: Date | null;
  readonly totp_secret_enc: Uint8Array | null;
  readonly totp_enrolled_at: Date | null;
  readonly totp_pending_secret_enc: Uint8Array | null;
  readonly totp_last_step: string | null;
  readonly failed_sign_ins: number;
  readonly locked_at: Date | null;
}

const USER_COLUMNS = [
  'user_id',
  'email_enc',
  'password_hash',
  'email_verified_at',
  'totp_secret_enc',
  'totp_enrolled_at',
  'totp_pending_secret_enc',
  'totp_last_step',
  'failed_sign_ins',
  'locked_at',
] as const satisfies readonly (keyof UsersTable)[];

export async function findUserByEmail(
  db: Db,
  keyring: Keyring,
  normalisedEmail: string,
): Promise<UserRow | null> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('email_index', '=', userEmailIndex(keyring, normalisedEmail))
    .executeTakeFirst();
  return row ?? null;
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | null> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

export interface NewUser {
  readonly userId: string;
  readonly normalisedEmail: string;
  readonly passwordHash: string;
  readonly now: Date;
}

/** Inserts a user; false when the email is taken (the unique blind index says so). */
export async function insertUser(
  db: Db,
  keyring: Keyring,
  cipher: FieldCipher,
  user: NewUser,
): Promise<boolean> {
  const inserted = await db
    .insertInto('users')
    .values({
      user_id: user.userId,
      email_enc: cipher.encrypt(user.normalisedEmail, userEmailContext(user.userId)),
      email_index: userEmailIndex(keyring, user.normalisedEmail),
      password_hash: user.passwordHash,
      password_changed_at: user.now,
      created_at: user.now,
      updated_at: user.now,
    })
    .onConflict((conflict) => conflict.column('email_index').doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function markEmailVerified(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
}

export async function updatePasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
  now: Date,
  changed: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      updated_at: now,
      ...(changed ? { password_changed_at: now } : {}),
    })
    .where('user_id', '=', userId)
    .execute();
}

export interface FailureCount {
  readonly failures: number;
  /** True only for the one failure that crossed the limit and locked the account. */
  readonly lockedNow: boolean;
}

/**
 * Counts one failed credential check and locks the account when the count reaches `limit`, in a
 * single statement so parallel failures neither lose counts nor lock twice.
 */
export async function recordFailure(
  db: Db,
  userId: string,
  limit: number,
  now: Date,
): Promise<FailureCount> {
  const row = await db
    .updateTable('users')
    .set({
      failed_sign_ins: sql`failed_sign_ins + 1`,
      locked_at: sql`CASE WHEN locked_at IS NULL AND failed_sign_ins + 1 >= ${limit}
        THEN ${now}::timestamptz ELSE locked_at END`,
      updated_at: now,
    })
    .where('user_id', '=', userId)
    .returning(['failed_sign_ins', 'locked_at'])
    .executeTakeFirst();
  if (row === undefined) return { failures: 0, lockedNow: false };

  // Only the failure that reached the limit sees exactly `limit`: later ones count past it.
  const lockedNow = row.locked_at !== null && row.failed_sign_ins === limit;
  return { failures: row.failed_sign_ins, lockedNow };
}

/** A complete sign-in or an unlock: the consecutive-failure count starts again. */
export async function clearFailures(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_sign_ins: 0, locked_at: null, updated_at: now })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('failed_sign_ins', '>', 0), eb('locked_at', 'is not', null)]))
    .execute();
}

/**
 * Records an accepted TOTP time step, only if it is later than the last one accepted. False
 * means the step (or a later one) was already used: the code is a replay (RFC 6238 §5.2).
 */
export async function acceptTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('user_id', '=', userId)
    .where(sql<boolean>`totp_last_step IS NULL OR totp_last_step < ${step}`)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}
