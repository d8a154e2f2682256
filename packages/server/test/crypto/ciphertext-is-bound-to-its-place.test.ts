import { describe, expect, it } from 'vitest';
import { DecryptionError, FieldCipher, type FieldContext } from '../../src/crypto/field-cipher.js';
import { CONTEXT, keyMaterial, makeKeyring } from './fixtures.js';

const cipher = new FieldCipher(makeKeyring({ k1: keyMaterial() }, 'k1'));
const ciphertext = cipher.encrypt('anna@example.com', CONTEXT);

describe('security: a ciphertext copied to another place does not decrypt', () => {
  it.each<[string, Partial<FieldContext>]>([
    ['another row', { rowId: '3f1c9a52-6a7e-4d1b-9a4e-0c8b2f7d1e56' }],
    ['another column', { column: 'phone_enc' }],
    ['another table', { table: 'merchants' }],
    ['another shop (tenant)', { shopId: 'shop-0002' }],
    ['no shop', { shopId: '' }],
  ])('%s', (_, change) => {
    expect(() => cipher.decrypt(ciphertext, { ...CONTEXT, ...change })).toThrow(DecryptionError);
  });

  it('binds the fields unambiguously: moving characters between fields fails', () => {
    const original = { shopId: 's', table: 'ab', column: 'c', rowId: '1' };
    const shifted = { shopId: 's', table: 'a', column: 'bc', rowId: '1' };
    const sealed = cipher.encrypt('x', original);

    expect(() => cipher.decrypt(sealed, shifted)).toThrow(DecryptionError);
  });

  it('decrypts in its own place (control)', () => {
    expect(cipher.decryptText(ciphertext, { ...CONTEXT })).toBe('anna@example.com');
  });
});
