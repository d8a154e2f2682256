import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The keys of field encryption and of the blind index, read once at start.
 *
 * From the environment (the hosting provider's secret manager):
 * - `AURAFLOW_ENCRYPTION_KEYS`: comma-separated `keyId:base64key` pairs, for example
 *   `k20250101-q7xa:<base64>,k20250601-m2cd:<base64>`. Each key decodes to exactly 32 bytes
 *   (AES-256); standard base64 and base64url are accepted, with or without padding.
 * - `AURAFLOW_ENCRYPTION_ACTIVE_KEY`: the key id that encrypts new writes; must be listed above.
 * - `AURAFLOW_BLIND_INDEX_KEY`: base64 of 32 bytes, different from every encryption key.
 *
 * Key ids are 1–32 characters of `[A-Za-z0-9_-]` and are written into every ciphertext, so an id
 * must never be reused for other key material, and a retired key must stay listed until no
 * ciphertext uses it any more (key rotation reports the count per key id).
 */
export interface Keyring {
  readonly activeKeyId: string;
  /** 32-byte AES-256 keys by key id. */
  readonly keys: ReadonlyMap<string, Buffer>;
  /** 32-byte HMAC-SHA256 key of the blind index, separate from the encryption keys. */
  readonly blindIndexKey: Buffer;
}

/** The three environment values, as read; {@link parseKeyring} validates them. */
export interface KeyringSource {
  encryptionKeys: string;
  activeKeyId: string;
  blindIndexKey: string;
}

/**
 * A keyring value is unusable. `variable` names the environment variable (or the field of the
 * development keyring file); the message says what is wrong and never contains key material.
 */
export class KeyringError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'KeyringError';
  }
}

/** The names that errors use for the three inputs. */
export interface KeyringLabels {
  readonly keys: string;
  readonly activeKeyId: string;
  readonly blindIndexKey: string;
}

/** One `keyId:base64key` pair, not yet validated. */
export interface KeyEntry {
  readonly keyId: string;
  readonly encodedKey: string;
}

export const KEY_BYTES = 32;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const ENVIRONMENT_LABELS: KeyringLabels = {
  keys: 'AURAFLOW_ENCRYPTION_KEYS',
  activeKeyId: 'AURAFLOW_ENCRYPTION_ACTIVE_KEY',
  blindIndexKey: 'AURAFLOW_BLIND_INDEX_KEY',
};

const KEY_ID_RULE = '1–32 characters of A-Z, a-z, 0-9, _ and -';

/**
 * Validates the environment values and returns the keyring. Every problem is a
 * {@link KeyringError} naming the variable: an empty list, an entry without `:`, an invalid or
 * repeated key id, a key that is not base64 of exactly 32 bytes, two ids sharing one key, an
 * active id that is not listed, a blind-index key that is invalid or equals an encryption key.
 */
export function parseKeyring(source: KeyringSource): Keyring {
  const entries = splitKeyList(source.encryptionKeys, ENVIRONMENT_LABELS.keys);

  return buildKeyring(entries, source.activeKeyId, source.blindIndexKey, ENVIRONMENT_LABELS);
}

/**
 * Validates already separated keyring parts; shared by {@link parseKeyring} and the development
 * keyring file. Not part of the public API of this folder.
 */
export function buildKeyring(
  entries: readonly KeyEntry[],
  activeKeyId: string,
  encodedBlindIndexKey: string,
  labels: KeyringLabels,
): Keyring {
  const keys = decodeEncryptionKeys(entries, labels.keys);
  const active = checkActiveKeyId(activeKeyId.trim(), keys, labels);
  const blindIndexKey = decodeKey(encodedBlindIndexKey, labels.blindIndexKey, 'the key');
  const twin = findKeyId(keys, blindIndexKey);
  if (twin !== undefined) {
    const problem = `must differ from the encryption keys, but equals key "${twin}"`;
    throw new KeyringError(labels.blindIndexKey, `${problem} of ${labels.keys}`);
  }

  return Object.freeze({ activeKeyId: active, keys, blindIndexKey });
}

/** Fresh key material for either variable: base64 of 32 random bytes. */
export function generateKeyMaterial(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A new key id such as `k20250614-q7xa`: `k`, the UTC date, and 4 random base32 characters
 * (RFC 4648 alphabet, lower case), so ids sort by age and two made on one day rarely clash.
 */
export function generateKeyId(now: Date = new Date()): string {
  const date = now.toISOString().slice(0, 10).replaceAll('-', '');
  // 256 is a multiple of 32, so masking a random byte keeps every character equally likely.
  const suffix = Array.from(randomBytes(4), (byte) => BASE32_ALPHABET.charAt(byte & 31));

  return `k${date}-${suffix.join('')}`;
}

function splitKeyList(list: string, label: string): KeyEntry[] {
  if (list.trim() === '') {
    throw new KeyringError(label, 'must list at least one keyId:base64key pair');
  }

  return list.split(',').map((item, index) => {
    const text = item.trim();
    const colon = text.indexOf(':');
    if (colon < 0) {
      // The entry is not echoed: without a colon it may be a bare key.
      throw new KeyringError(label, `entry ${index + 1} is not of the form keyId:base64key`);
    }
    return { keyId: text.slice(0, colon), encodedKey: text.slice(colon + 1) };
  });
}

function decodeEncryptionKeys(entries: readonly KeyEntry[], label: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const [index, { keyId, encodedKey }] of entries.entries()) {
    if (!KEY_ID_PATTERN.test(keyId)) {
      throw new KeyringError(label, `entry ${index + 1} has an invalid key id (${KEY_ID_RULE})`);
    }
    if (keys.has(keyId)) {
      throw new KeyringError(label, `lists key id "${keyId}" more than once`);
    }
    const key = decodeKey(encodedKey, label, `key "${keyId}"`);
    const twin = findKeyId(keys, key);
    if (twin !== undefined) {
      throw new KeyringError(label, `keys "${twin}" and "${keyId}" are the same key`);
    }
    keys.set(keyId, key);
  }

  return keys;
}

function checkActiveKeyId(
  id: string,
  keys: ReadonlyMap<string, Buffer>,
  labels: KeyringLabels,
): string {
  if (!KEY_ID_PATTERN.test(id)) {
    // Not echoed: a value that is not a valid id may be a misplaced key.
    throw new KeyringError(labels.activeKeyId, `is not a valid key id (${KEY_ID_RULE})`);
  }
  if (!keys.has(id)) {
    throw new KeyringError(labels.activeKeyId, `names key "${id}", which ${labels.keys} lacks`);
  }

  return id;
}

const BASE64_TEXT = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Decodes base64 or base64url (RFC 4648 §4, §5) of exactly 32 bytes. Node's decoder skips
 * characters it does not know, so the text is checked first and must be the canonical encoding
 * of the decoded bytes: no stray characters, no mixed alphabets, no non-zero padding bits.
 */
function decodeKey(encoded: string, label: string, subject: string): Buffer {
  const text = encoded.trim();
  const bytes = Buffer.from(text, 'base64');
  const body = text.replace(/=+$/, '');
  const canonical = [bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url')];
  const paddingOk = body.length === text.length || text.length % 4 === 0;
  if (!BASE64_TEXT.test(text) || !canonical.includes(body) || !paddingOk) {
    throw new KeyringError(label, `${subject} is not valid base64 or base64url`);
  }
  if (bytes.length !== KEY_BYTES) {
    const problem = `${subject} decodes to ${bytes.length} bytes; it must be exactly ${KEY_BYTES}`;
    throw new KeyringError(label, problem);
  }

  return bytes;
}

function findKeyId(keys: ReadonlyMap<string, Buffer>, key: Buffer): string | undefined {
  for (const [keyId, other] of keys) {
    if (timingSafeEqual(other, key)) return keyId;
  }

  return undefined;
}
