import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { sha256 } from './secret-tokens.js';

export const RECOVERY_CODE_COUNT = 10;

// RFC 4648 base32 without the padding; 16 characters carry 80 random bits, enough that storing
// a plain SHA-256 is safe (no one can try 2^80 candidates against a stolen table).
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const CODE_CHARACTERS = 16;

/** A code as shown to the user: four groups of four, e.g. `k7qa-m2xd-pp4t-9…`. */
function newRecoveryCode(): string {
  // 256 is a multiple of 32, so masking keeps every character equally likely.
  const characters = Array.from(randomBytes(CODE_CHARACTERS), (byte) => ALPHABET.charAt(byte & 31));
  const groups = [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join(''));

  return groups.join('-');
}

/** What a typed code is compared as: without separators or spaces, lower case. */
function normalise(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

/**
 * Replaces the user's recovery codes with {@link RECOVERY_CODE_COUNT} new ones and returns them:
 * this is the only time they exist in the clear. Only their SHA-256 is stored.
 */
export async function replaceRecoveryCodes(db: Db, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        user_id: userId,
        code_hash: sha256(normalise(code)),
        created_at: now,
      })),
    )
    .execute();
  return codes;
}

/** Uses one recovery code; true only the first time a valid code is presented. */
export async function consumeRecoveryCode(
  db: Db,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const typed = normalise(code);
  if (typed.length !== CODE_CHARACTERS) return false;

  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256(typed))
    .where('used_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return used !== undefined;
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}
