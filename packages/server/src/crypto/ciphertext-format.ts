import { NONCE_BYTES, TAG_BYTES } from './aes-gcm.js';
import { KEY_ID_PATTERN } from './keyring.js';

/**
 * Byte layout of a field ciphertext, format version 1 (stored in a Postgres `bytea`):
 *
 * | offset      | length | content                                  |
 * | ----------- | ------ | ---------------------------------------- |
 * | 0           | 1      | version, `0x01`                          |
 * | 1           | 1      | key id length `n`, 1–32                  |
 * | 2           | n      | key id, ASCII `[A-Za-z0-9_-]`            |
 * | 2 + n       | 12     | random nonce                             |
 * | 14 + n      | …      | AES-256-GCM ciphertext, as long as the plaintext |
 * | end − 16    | 16     | GCM tag                                  |
 *
 * SQL reads the key id without decrypting (`get_byte` counts from 0, `substring` from 1):
 * `substring(col from KEY_ID_OFFSET + 1 for get_byte(col, KEY_ID_LENGTH_OFFSET))`, that is
 * `substring(col from 3 for get_byte(col, 1))`.
 */
export const CIPHERTEXT_VERSION = 0x01;
export const VERSION_OFFSET = 0;
export const KEY_ID_LENGTH_OFFSET = 1;
export const KEY_ID_OFFSET = 2;
export const MAX_KEY_ID_BYTES = 32;
export { NONCE_BYTES, TAG_BYTES };

/** The input is not a field ciphertext of a known format; `reason` is a fixed phrase. */
export class CiphertextFormatError extends Error {
  readonly code = 'CRYPTO_CIPHERTEXT_MALFORMED';

  constructor(reason: string) {
    super(`Field ciphertext is malformed: ${reason}.`);
    this.name = 'CiphertextFormatError';
  }
}

/** The parts of a ciphertext; `header` is version and key id, authenticated as associated data. */
export interface CiphertextParts {
  readonly header: Buffer;
  readonly keyId: string;
  readonly nonce: Buffer;
  /** GCM ciphertext followed by the tag. */
  readonly sealed: Buffer;
}

/** The version and key id bytes that start every ciphertext made under `keyId`. */
export function encodeHeader(keyId: string): Buffer {
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new RangeError('Key ids are 1–32 characters of A-Z, a-z, 0-9, _ and -');
  }
  const id = Buffer.from(keyId, 'ascii');

  return Buffer.concat([Buffer.from([CIPHERTEXT_VERSION, id.length]), id]);
}

/** Splits a ciphertext into its parts, checking the header; throws CiphertextFormatError. */
export function parseCiphertext(ciphertext: Uint8Array): CiphertextParts {
  const bytes = Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength);
  const keyIdLength = readHeaderLength(bytes);
  const nonceOffset = KEY_ID_OFFSET + keyIdLength;
  const keyId = bytes.toString('latin1', KEY_ID_OFFSET, nonceOffset);
  if (!KEY_ID_PATTERN.test(keyId)) throw new CiphertextFormatError('invalid key id bytes');

  return {
    header: bytes.subarray(0, nonceOffset),
    keyId,
    nonce: bytes.subarray(nonceOffset, nonceOffset + NONCE_BYTES),
    sealed: bytes.subarray(nonceOffset + NONCE_BYTES),
  };
}

/**
 * The id of the key a ciphertext was made under, read from its header without decrypting.
 * Throws {@link CiphertextFormatError} on malformed input. The id is not authenticated until
 * the ciphertext decrypts: use it to choose a key or a rotation batch, not as a fact.
 */
export function keyIdOf(ciphertext: Uint8Array): string {
  return parseCiphertext(ciphertext).keyId;
}

function readHeaderLength(bytes: Buffer): number {
  const version = bytes[VERSION_OFFSET];
  const keyIdLength = bytes[KEY_ID_LENGTH_OFFSET];
  if (version === undefined || keyIdLength === undefined) {
    throw new CiphertextFormatError('shorter than its header');
  }
  if (version !== CIPHERTEXT_VERSION) throw new CiphertextFormatError('unknown version');
  if (keyIdLength < 1 || keyIdLength > MAX_KEY_ID_BYTES) {
    throw new CiphertextFormatError('key id length out of range');
  }
  if (bytes.length < KEY_ID_OFFSET + keyIdLength + NONCE_BYTES + TAG_BYTES) {
    throw new CiphertextFormatError('too short for its nonce and tag');
  }

  return keyIdLength;
}
