import { describe, expect, it } from 'vitest';
import { FieldCipher, keyIdOf, UnknownKeyError } from '../../src/crypto/field-cipher.js';
import { CONTEXT, keyMaterial, makeKeyring } from './fixtures.js';

const oldKey = keyMaterial();
const newKey = keyMaterial();
const blind = keyMaterial();
const before = new FieldCipher(makeKeyring({ old: oldKey }, 'old', blind));
const during = new FieldCipher(makeKeyring({ old: oldKey, new: newKey }, 'new', blind));
const after = new FieldCipher(makeKeyring({ new: newKey }, 'new', blind));
const oldCiphertext = before.encrypt('anna@example.com', CONTEXT);

describe('key rotation', () => {
  it('encrypts new values under the new active key', () => {
    expect(keyIdOf(during.encrypt('x', CONTEXT))).toBe('new');
  });

  it('still decrypts values made under the old key while it stays listed', () => {
    expect(during.decryptText(oldCiphertext, CONTEXT)).toBe('anna@example.com');
  });

  it('flags old values for re-encryption and new ones not', () => {
    expect(during.needsReencryption(oldCiphertext)).toBe(true);
    expect(during.needsReencryption(during.encrypt('x', CONTEXT))).toBe(false);
  });

  it('re-encrypting moves a value to the active key', () => {
    const rotated = during.encrypt(during.decrypt(oldCiphertext, CONTEXT), CONTEXT);

    expect(during.needsReencryption(rotated)).toBe(false);
    expect(after.decryptText(rotated, CONTEXT)).toBe('anna@example.com');
  });

  it('fails with UnknownKeyError once the old key is removed', () => {
    expect(() => after.decrypt(oldCiphertext, CONTEXT)).toThrow(UnknownKeyError);
  });
});

describe('UnknownKeyError', () => {
  it('names the missing key id and the variable to add it to', () => {
    let caught: unknown;
    try {
      after.decrypt(oldCiphertext, CONTEXT);
    } catch (error) {
      caught = error;
    }

    expect(caught).toMatchObject({ code: 'CRYPTO_UNKNOWN_KEY', keyId: 'old' });
    expect(caught instanceof Error ? caught.message : '').toMatch(
      /"old".*AURAFLOW_ENCRYPTION_KEYS/,
    );
  });
});
