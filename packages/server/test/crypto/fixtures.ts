import { randomBytes } from 'node:crypto';
import type { FieldContext } from '../../src/crypto/field-cipher.js';
import { type Keyring, parseKeyring } from '../../src/crypto/keyring.js';

/** Base64 of 32 fresh random bytes. */
export function keyMaterial(): string {
  return randomBytes(32).toString('base64');
}

/** A keyring with the given `id → base64 key` pairs, built through the environment parser. */
export function makeKeyring(
  keys: Readonly<Record<string, string>>,
  activeKeyId: string,
  blindIndexKey: string = keyMaterial(),
): Keyring {
  const encryptionKeys = Object.entries(keys)
    .map(([keyId, key]) => `${keyId}:${key}`)
    .join(',');

  return parseKeyring({ encryptionKeys, activeKeyId, blindIndexKey });
}

export const CONTEXT: FieldContext = {
  shopId: 'shop-0001',
  table: 'shoppers',
  column: 'email_enc',
  rowId: '3f1c9a52-6a7e-4d1b-9a4e-0c8b2f7d1e55',
};
