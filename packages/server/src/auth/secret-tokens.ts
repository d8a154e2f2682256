import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '../crypto/keyring.js';

/** 32 random bytes: well above the 128 bits NIST SP 800-63B asks of session secrets. */
export const TOKEN_BYTES = 32;

/** A fresh random token in base64url (43 characters for 32 bytes). */
export function randomToken(bytes: number = TOKEN_BYTES): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256, the stored form of high-entropy tokens (sessions, devices, links, recovery codes). */
export function sha256(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}

export function hmacSha256(key: Uint8Array, value: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(value).digest();
}

/** Constant-time equality of two byte strings of any length. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Keys the account system derives from the keyring; none is ever stored or logged. */
export interface AuthKeys {
  /** HMAC key that signs the device cookie. */
  readonly deviceCookie: Buffer;
  /** HMAC key over emailed six-digit codes, so a database reader cannot test all 10^6 codes. */
  readonly oneTimeCode: Buffer;
  /** HMAC key that derives a session's CSRF token from its token hash. */
  readonly csrf: Buffer;
}

/**
 * Derives the account system's keys with HKDF-SHA256 (RFC 5869) from the keyring's blind-index
 * key, one `info` label per use, so each key is independent of the others and of the blind
 * index itself. The device-cookie key uses the info `auraflow/device-cookie/v1`. Changing
 * AURAFLOW_BLIND_INDEX_KEY therefore also forgets recognised devices and open CSRF tokens.
 */
export function deriveAuthKeys(keyring: Keyring): AuthKeys {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', keyring.blindIndexKey, Buffer.alloc(0), info, 32));

  return {
    deviceCookie: derive('auraflow/device-cookie/v1'),
    oneTimeCode: derive('auraflow/one-time-code/v1'),
    csrf: derive('auraflow/csrf/v1'),
  };
}
