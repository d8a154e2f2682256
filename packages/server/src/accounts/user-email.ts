import { blindIndex, normaliseEmail } from '../crypto/blind-index.js';
import type { FieldCipher, FieldContext } from '../crypto/field-cipher.js';
import type { Keyring } from '../crypto/keyring.js';
import { AppError } from '../errors/error-registry.js';

/** RFC 5321 §4.5.3.1.3 limits a path to 256 octets; an address is at most 254 of them. */
const MAX_EMAIL_LENGTH = 254;
// Deliberately loose: one @, a dot in the domain, no spaces or angle brackets. Whether the
// address works is proven by the verification email, not by a pattern.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** The normalised address, or ACCOUNT_EMAIL_INVALID. */
export function parseEmail(email: string): string {
  const normalised = normaliseEmail(email);
  if (normalised.length > MAX_EMAIL_LENGTH || !EMAIL.test(normalised)) {
    throw new AppError('ACCOUNT_EMAIL_INVALID');
  }
  return normalised;
}

/** Users are global: their email is bound to the empty shop id (data outside any shop). */
export function userEmailContext(userId: string): FieldContext {
  return { shopId: '', table: 'users', column: 'email_enc', rowId: userId };
}

/** The sign-in lookup token of an already normalised address. */
export function userEmailIndex(keyring: Keyring, normalisedEmail: string): Buffer {
  return blindIndex(keyring, { shopId: null, purpose: 'user-email' }, normalisedEmail);
}

export function decryptUserEmail(
  cipher: FieldCipher,
  user: { user_id: string; email_enc: Uint8Array },
): string {
  return cipher.decryptText(user.email_enc, userEmailContext(user.user_id));
}
