import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { OneTimeCodePurpose } from '../db/schema.js';
import { addSeconds } from './clock.js';
import { hmacSha256, randomToken, sameBytes, sha256 } from './secret-tokens.js';

/** Emailed codes: NIST SP 800-63B §5.1.3 (out-of-band) allows at most 10 minutes. */
export const EMAIL_CODE_TTL_SECONDS = 10 * 60;
/** Wrong guesses one code survives; with 10^6 codes this bounds a guesser at 5 in a million. */
export const EMAIL_CODE_MAX_ATTEMPTS = 5;
/** Email-verification and unlock links. */
export const LINK_TTL_SECONDS = 24 * 60 * 60;

type CodePurpose = Extract<OneTimeCodePurpose, 'sign_in' | 'device_verification'>;
type LinkPurpose = Extract<OneTimeCodePurpose, 'email_verification' | 'unlock'>;

export interface NewCode {
  readonly userId: string;
  readonly sessionId: string;
  readonly purpose: CodePurpose;
  readonly now: Date;
}

/**
 * Issues a six-digit code bound to one sign-in (session) and purpose, and retires any earlier
 * code of that sign-in and purpose: only the latest emailed code works. Stored as an HMAC under a
 * derived key over the code's id and value, never the value.
 */
export async function issueEmailCode(db: Db, key: Buffer, code: NewCode): Promise<string> {
  const value = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const codeId = randomUUID();

  await db
    .updateTable('one_time_codes')
    .set({ expires_at: code.now })
    .where('session_id', '=', code.sessionId)
    .where('purpose', '=', code.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', code.now)
    .execute();
  await db
    .insertInto('one_time_codes')
    .values({
      code_id: codeId,
      user_id: code.userId,
      session_id: code.sessionId,
      purpose: code.purpose,
      code_hash: codeHash(key, codeId, value),
      created_at: code.now,
      expires_at: addSeconds(code.now, EMAIL_CODE_TTL_SECONDS),
    })
    .execute();

  return value;
}

export type CodeCheck = 'accepted' | 'wrong' | 'no_valid_code';

/**
 * Checks a code against the sign-in's latest live code. The attempt is counted before the
 * comparison, in one statement that also refuses a code past its attempt limit, so parallel
 * guesses cannot exceed the limit; a match is marked used in a statement that only succeeds once.
 */
export async function consumeEmailCode(
  db: Db,
  key: Buffer,
  attempt: { sessionId: string; purpose: CodePurpose; code: string; now: Date },
): Promise<CodeCheck> {
  const live = await db
    .updateTable('one_time_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('code_id', '=', (eb) =>
      eb
        .selectFrom('one_time_codes')
        .select('code_id')
        .where('session_id', '=', attempt.sessionId)
        .where('purpose', '=', attempt.purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', attempt.now)
        .orderBy('created_at', 'desc')
        .limit(1),
    )
    .where('attempts', '<', EMAIL_CODE_MAX_ATTEMPTS)
    .returning(['code_id', 'code_hash'])
    .executeTakeFirst();
  if (live === undefined) return 'no_valid_code';

  const presented = /^\d{6}$/.test(attempt.code) ? attempt.code : '';
  if (!sameBytes(codeHash(key, live.code_id, presented), live.code_hash)) return 'wrong';

  const used = await db
    .updateTable('one_time_codes')
    .set({ used_at: attempt.now })
    .where('code_id', '=', live.code_id)
    .where('used_at', 'is', null)
    .returning('code_id')
    .executeTakeFirst();
  return used === undefined ? 'no_valid_code' : 'accepted';
}

/** A link token (32 random bytes) for a user and purpose; stored as its SHA-256. */
export async function issueLink(
  db: Db,
  link: { userId: string; purpose: LinkPurpose; now: Date },
): Promise<string> {
  const token = randomToken();

  await db
    .insertInto('one_time_codes')
    .values({
      code_id: randomUUID(),
      user_id: link.userId,
      session_id: null,
      purpose: link.purpose,
      code_hash: sha256(token),
      created_at: link.now,
      expires_at: addSeconds(link.now, LINK_TTL_SECONDS),
    })
    .execute();
  return token;
}

/** Uses a link token once; returns its user, or null when unknown, expired or already used. */
export async function consumeLink(
  db: Db,
  link: { purpose: LinkPurpose; token: string; now: Date },
): Promise<string | null> {
  const used = await db
    .updateTable('one_time_codes')
    .set({ used_at: link.now })
    .where('code_hash', '=', sha256(link.token))
    .where('purpose', '=', link.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', link.now)
    .returning('user_id')
    .executeTakeFirst();

  return used?.user_id ?? null;
}

function codeHash(key: Buffer, codeId: string, value: string): Buffer {
  return hmacSha256(key, `${codeId}:${value}`);
}
