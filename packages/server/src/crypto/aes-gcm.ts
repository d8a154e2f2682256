import { createCipheriv, createDecipheriv } from 'node:crypto';

/** 96-bit nonce: the length NIST SP 800-38D §8.2 recommends and the only one we produce. */
export const NONCE_BYTES = 12;
/** Full 128-bit tag; SP 800-38D §5.2.1.2 allows shorter ones, we accept none. */
export const TAG_BYTES = 16;

const ALGORITHM = 'aes-256-gcm';

/**
 * AES-256-GCM encryption with a caller-chosen nonce; returns `ciphertext ‖ tag`.
 *
 * Internal: exported for the known-answer test only and deliberately absent from `index.ts`.
 * A repeated nonce under one key breaks GCM's confidentiality and integrity, so production code
 * goes through `FieldCipher`, which draws a fresh random nonce for every encryption.
 */
export function sealWithNonce(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);

  return Buffer.concat([body, cipher.getAuthTag()]);
}

/**
 * Reverses {@link sealWithNonce}. Returns `null` when the tag does not verify; no plaintext is
 * released before the tag has been checked.
 */
export function openSealed(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  associatedData: Uint8Array,
): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;

  const body = sealed.subarray(0, sealed.length - TAG_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  // authTagLength pins the tag to 16 bytes, so a truncated tag cannot be accepted.
  const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData);
  decipher.setAuthTag(tag);
  try {
    const plaintext = decipher.update(body);
    return Buffer.concat([plaintext, decipher.final()]);
  } catch {
    return null;
  }
}
