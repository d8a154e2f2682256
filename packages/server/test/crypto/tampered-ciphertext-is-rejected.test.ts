import { describe, expect, it } from 'vitest';
import {
  CiphertextFormatError,
  DecryptionError,
  FieldCipher,
  UnknownKeyError,
} from '../../src/crypto/field-cipher.js';
import { CONTEXT, keyMaterial, makeKeyring } from './fixtures.js';

// 'k3' is one bit away from 'k1' ('1' ^ 0x02 === '3'), so some flips of the key id land on
// a key the keyring has: the authenticated header must make those fail too.
const keyring = makeKeyring({ k1: keyMaterial(), k3: keyMaterial() }, 'k1');
const cipher = new FieldCipher(keyring);
const original = cipher.encrypt('hi', CONTEXT);

function failure(ciphertext: Uint8Array): unknown {
  try {
    cipher.decrypt(ciphertext, CONTEXT);
  } catch (error) {
    return error;
  }
  return undefined;
}

function withBitFlipped(position: number, bit: number): Buffer {
  const copy = Buffer.from(original);
  copy[position] = (copy[position] ?? 0) ^ (1 << bit);
  return copy;
}

// The key id length byte and the key id bytes of 'k1'.
const KEY_ID_BYTES = [1, 2, 3];

describe('security: a tampered ciphertext never decrypts', () => {
  it('the untampered ciphertext decrypts (control)', () => {
    expect(cipher.decryptText(original, CONTEXT)).toBe('hi');
  });

  it('fails for every single-bit flip of every byte: header, nonce, body and tag', () => {
    for (let position = 0; position < original.length; position += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const error = failure(withBitFlipped(position, bit));
        // A flipped key id (or id length) names a key we lack (UnknownKeyError) or one we have,
        // which then fails authentication.
        const allowed = KEY_ID_BYTES.includes(position)
          ? [DecryptionError, CiphertextFormatError, UnknownKeyError]
          : [DecryptionError, CiphertextFormatError];

        expect(
          allowed.some((type) => error instanceof type),
          `byte ${position} bit ${bit}`,
        ).toBe(true);
      }
    }
  });

  it('fails when relabelled with the id of another key in the keyring', () => {
    const relabelled = Buffer.from(original);
    relabelled.write('k3', 2, 'ascii');

    expect(failure(relabelled)).toBeInstanceOf(DecryptionError);
  });

  it('fails when relabelled to an id holding the same key: the header is authenticated', () => {
    // parseKeyring refuses one key under two ids; a hand-built keyring isolates the AAD check.
    const key = keyring.keys.get('k1') ?? Buffer.alloc(0);
    const aliases = new Map([
      ['k1', key],
      ['k3', key],
    ]);
    const aliased = new FieldCipher({ activeKeyId: 'k1', keys: aliases, blindIndexKey: key });
    const relabelled = Buffer.from(original);
    relabelled.write('k3', 2, 'ascii');

    expect(aliased.decryptText(original, CONTEXT)).toBe('hi');
    expect(() => aliased.decrypt(relabelled, CONTEXT)).toThrow(DecryptionError);
  });

  it('fails for every truncation', () => {
    for (let length = 0; length < original.length; length += 1) {
      const error = failure(original.subarray(0, length));

      expect(error instanceof DecryptionError || error instanceof CiphertextFormatError).toBe(true);
    }
  });

  it('fails with a byte appended', () => {
    expect(failure(Buffer.concat([original, Buffer.of(0)]))).toBeInstanceOf(DecryptionError);
  });
});
