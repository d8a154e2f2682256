import { readFileSync } from 'node:fs';
import { MAX_PASSWORD_BYTES } from '../crypto/password-hasher.js';
import { AppError } from '../errors/error-registry.js';

/** NIST SP 800-63B §5.1.1.2 asks for at least 8; single-factor use there needs 15, we ask 12. */
export const MIN_PASSWORD_CHARACTERS = 12;

/** Words a password may not contain whatever the account: the product's own name. */
const CONTEXT_WORDS = ['auraflow'];

/** Local parts shorter than this are too common as substrings to forbid ("ab", "jo"). */
const MIN_LOCAL_PART_TO_CHECK = 4;

/** The shipped list sits in packages/server/data, two levels above both src/auth and dist/auth. */
const COMMON_PASSWORDS_FILE = new URL('../../data/common-passwords.txt', import.meta.url);

let commonPasswords: ReadonlySet<string> | null = null;

/** The list of common and breached passwords, read once on first use. */
export function commonPasswordList(): ReadonlySet<string> {
  if (commonPasswords !== null) return commonPasswords;

  const lines = readFileSync(COMMON_PASSWORDS_FILE, 'utf8').split('\n');
  const entries = lines.map((line) => line.trim()).filter((line) => !line.startsWith('#'));
  commonPasswords = new Set(entries.filter((line) => line !== ''));
  return commonPasswords;
}

/**
 * Checks a new password against the policy of NIST SP 800-63B §5.1.1.2: long enough (Unicode
 * code points after NFKC, as the hasher sees them), not over the hasher's byte limit, not on the
 * list of common and breached passwords, not a run of very few characters, and not containing
 * the email's local part or the product name. No composition rules, as the same section advises.
 * Throws the registry error that names the problem.
 */
export function checkNewPassword(password: string, email: string): void {
  const normalised = password.normalize('NFKC');
  if ([...normalised].length < MIN_PASSWORD_CHARACTERS) {
    throw new AppError('ACCOUNT_PASSWORD_TOO_SHORT');
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw new AppError('ACCOUNT_PASSWORD_TOO_LONG');
  }

  const lower = normalised.toLowerCase();
  if (commonPasswordList().has(lower) || new Set(lower).size < 4) {
    throw new AppError('ACCOUNT_PASSWORD_COMMON');
  }
  if (containsContextWord(lower, email)) {
    throw new AppError('ACCOUNT_PASSWORD_CONTAINS_EMAIL');
  }
}

function containsContextWord(lowerPassword: string, email: string): boolean {
  const localPart = email.trim().toLowerCase().split('@')[0] ?? '';
  const words = [...CONTEXT_WORDS];
  if (localPart.length >= MIN_LOCAL_PART_TO_CHECK) words.push(localPart.normalize('NFKC'));

  return words.some((word) => lowerPassword.includes(word));
}
