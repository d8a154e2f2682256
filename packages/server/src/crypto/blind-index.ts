import { createHmac } from 'node:crypto';
import type { Keyring } from './keyring.js';
import { encodeFields } from './length-prefix.js';

/** Where a blind index applies: one purpose (e.g. `'shopper-email'`) within one shop or none. */
export interface BlindIndexScope {
  /** The shop the data belongs to, or `null` for data outside any shop (merchant sign-in). */
  shopId: string | null;
  purpose: string;
}

/** Domain label, so these MAC inputs can never equal another use of the blind-index key. */
const BLIND_INDEX_LABEL = 'auraflow/blind-index/v1';

/**
 * A deterministic 32-byte lookup token for a value kept encrypted: HMAC-SHA256 (RFC 2104,
 * FIPS 198-1) under the keyring's blind-index key over the length-prefixed
 * (label, purpose, shop id or `''`, value in Unicode NFC).
 *
 * What it leaks: whoever reads the table learns which rows hold equal values within one scope
 * (same purpose, same shop), and nothing else without the key. It is scoped per shop so that
 * equal values in two shops give unrelated tokens: a reader of the database cannot link one
 * shopper across stores, and one shop's lookup can never match another shop's rows.
 *
 * The caller normalises the value for its purpose first (`normaliseEmail` for emails), stores
 * the token beside the ciphertext (`bytea`), and looks up by recomputing it. The token carries
 * no key id: changing `AURAFLOW_BLIND_INDEX_KEY` means recomputing every stored token.
 */
export function blindIndex(keyring: Keyring, scope: BlindIndexScope, value: string): Buffer {
  if (scope.purpose === '') throw new RangeError('A blind index purpose must not be empty');
  // '' stands for "no shop", so a real shop id may not be empty.
  if (scope.shopId === '') throw new RangeError('A blind index shopId must be null or non-empty');

  const fields = [BLIND_INDEX_LABEL, scope.purpose, scope.shopId ?? '', value.normalize('NFC')];

  return createHmac('sha256', keyring.blindIndexKey).update(encodeFields(fields)).digest();
}

/**
 * The form an email address is indexed under: surrounding white space removed, Unicode NFC,
 * lower case. RFC 5321 §2.4 lets a local part be case-sensitive, but mail providers treat it
 * case-insensitively and shoppers type it either way; conflating two mailboxes that differ only
 * in case is the accepted cost. No provider-specific rules (dots, `+tags`) are applied.
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
