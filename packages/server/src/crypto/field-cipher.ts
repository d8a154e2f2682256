import { randomBytes } from 'node:crypto';
import { NONCE_BYTES, openSealed, sealWithNonce } from './aes-gcm.js';
import { encodeHeader, keyIdOf, parseCiphertext } from './ciphertext-format.js';
import type { Keyring } from './keyring.js';
import { encodeFields } from './length-prefix.js';

export {
  CIPHERTEXT_VERSION,
  CiphertextFormatError,
  KEY_ID_LENGTH_OFFSET,
  KEY_ID_OFFSET,
  keyIdOf,
  MAX_KEY_ID_BYTES,
  NONCE_BYTES,
  TAG_BYTES,
  VERSION_OFFSET,
} from './ciphertext-format.js';

/**
 * Where an encrypted value lives. The ciphertext is bound to all four (as GCM associated data),
 * so it decrypts only with the same four values: copied to another row, column, table or shop it
 * fails. `rowId` must be the row's stable key and known before the insert (generate it in the
 * application); a value whose row key changes must be re-encrypted. `shopId` is `''` for data
 * that belongs to no shop; `table`, `column` and `rowId` must not be empty.
 */
export interface FieldContext {
  shopId: string;
  table: string;
  column: string;
  rowId: string;
}

/** The ciphertext names a key id the keyring lacks; the id is not secret and is named. */
export class UnknownKeyError extends Error {
  readonly code = 'CRYPTO_UNKNOWN_KEY';

  constructor(readonly keyId: string) {
    super(
      `No key with id "${keyId}" is in the keyring; add it to AURAFLOW_ENCRYPTION_KEYS ` +
        '(a key must stay listed until no ciphertext uses it).',
    );
    this.name = 'UnknownKeyError';
  }
}

/**
 * The ciphertext did not authenticate: tampered, truncated, made under another key with the
 * same id, or bound to another context. The message is fixed and names no value.
 */
export class DecryptionError extends Error {
  readonly code = 'CRYPTO_DECRYPT_FAILED';

  constructor() {
    super('Field decryption failed: the ciphertext does not match its key and context.');
    this.name = 'DecryptionError';
  }
}

/** Domain label, so these associated data can never equal another use's (format version 1). */
const AAD_LABEL = 'auraflow/field/v1';

/**
 * AES-256-GCM field encryption (NIST SP 800-38D) for values stored in `bytea` columns.
 *
 * `encrypt` always uses the keyring's active key and a fresh random 96-bit nonce; the result
 * carries its key id, so after a rotation old values still decrypt while their key stays in the
 * keyring, and `needsReencryption` tells which ones the rotation job must rewrite. The caller
 * persists the whole returned buffer and nothing else; there is no separate nonce or key column.
 */
export class FieldCipher {
  readonly #keyring: Keyring;

  constructor(keyring: Keyring) {
    if (!keyring.keys.has(keyring.activeKeyId)) throw new UnknownKeyError(keyring.activeKeyId);
    this.#keyring = keyring;
  }

  /** The key id new ciphertexts are made under. */
  get activeKeyId(): string {
    return this.#keyring.activeKeyId;
  }

  /** Encrypts under the active key; strings are encoded as UTF-8. */
  encrypt(plaintext: string | Uint8Array, context: FieldContext): Buffer {
    checkContext(context);
    const keyId = this.#keyring.activeKeyId;
    const header = encodeHeader(keyId);
    // SP 800-38D §8.3: at most 2^32 random-nonce encryptions per key; rotation keeps far below.
    const nonce = randomBytes(NONCE_BYTES);
    const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const sealed = sealWithNonce(this.#key(keyId), nonce, bytes, associatedData(header, context));

    return Buffer.concat([header, nonce, sealed]);
  }

  /**
   * Decrypts a value made by {@link encrypt} for the same context. Throws CiphertextFormatError
   * (not a ciphertext), UnknownKeyError (key id not in the keyring) or DecryptionError.
   */
  decrypt(ciphertext: Uint8Array, context: FieldContext): Buffer {
    checkContext(context);
    const parts = parseCiphertext(ciphertext);
    const key = this.#key(parts.keyId);
    const aad = associatedData(parts.header, context);
    const plaintext = openSealed(key, parts.nonce, parts.sealed, aad);
    if (plaintext === null) throw new DecryptionError();

    return plaintext;
  }

  /** {@link decrypt} for values encrypted from a string; throws TypeError if not UTF-8. */
  decryptText(ciphertext: Uint8Array, context: FieldContext): string {
    return UTF8.decode(this.decrypt(ciphertext, context));
  }

  /** True when the value was made under a key other than the active one (header only). */
  needsReencryption(ciphertext: Uint8Array): boolean {
    return keyIdOf(ciphertext) !== this.#keyring.activeKeyId;
  }

  #key(keyId: string): Buffer {
    const key = this.#keyring.keys.get(keyId);
    if (key === undefined) throw new UnknownKeyError(keyId);

    return key;
  }
}

// fatal: invalid UTF-8 is an error, not U+FFFD; ignoreBOM: a leading U+FEFF round-trips.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Header (version and key id) and context, length-prefixed so no two contexts collide. */
function associatedData(header: Buffer, context: FieldContext): Buffer {
  const { shopId, table, column, rowId } = context;

  return encodeFields([AAD_LABEL, header, shopId, table, column, rowId]);
}

const REQUIRED_CONTEXT: readonly (keyof FieldContext)[] = ['table', 'column', 'rowId'];

function checkContext(context: FieldContext): void {
  for (const name of REQUIRED_CONTEXT) {
    if (context[name] === '') throw new RangeError(`FieldContext.${name} must not be empty`);
  }
}
