import { describe, expect, it } from 'vitest';
import {
  CiphertextFormatError,
  FieldCipher,
  KEY_ID_LENGTH_OFFSET,
  KEY_ID_OFFSET,
  keyIdOf,
  NONCE_BYTES,
  TAG_BYTES,
  UnknownKeyError,
} from '../../src/crypto/field-cipher.js';
import type { Keyring } from '../../src/crypto/keyring.js';
import { CONTEXT, keyMaterial, makeKeyring } from './fixtures.js';

const cipher = new FieldCipher(makeKeyring({ k20250101: keyMaterial() }, 'k20250101'));

describe('FieldCipher round trip', () => {
  it.each([
    ['ASCII text', 'anna@example.com'],
    ['the empty string', ''],
    ['accents, scripts and emoji', 'Zoë · 東京 · مرحبا · 👩🏽‍💻'],
    ['combining marks, kept as given', 'e\u0301'],
    ['a leading byte-order mark', '\uFEFFtext'],
  ])('returns %s unchanged', (_, text) => {
    const ciphertext = cipher.encrypt(text, CONTEXT);

    expect(cipher.decryptText(ciphertext, CONTEXT)).toBe(text);
  });

  it('returns bytes unchanged', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, index) => index % 256);

    expect(cipher.decrypt(cipher.encrypt(bytes, CONTEXT), CONTEXT).equals(bytes)).toBe(true);
  });

  it('returns empty bytes unchanged', () => {
    const ciphertext = cipher.encrypt(new Uint8Array(0), CONTEXT);

    expect(cipher.decrypt(ciphertext, CONTEXT)).toHaveLength(0);
  });

  it('reads a plaintext and a ciphertext that are views into larger buffers', () => {
    const pool = Buffer.from('xxxxsecretxxxx');
    const ciphertext = cipher.encrypt(pool.subarray(4, 10), CONTEXT);
    const stored = Buffer.concat([Buffer.from('prefix'), ciphertext, Buffer.from('suffix')]);
    const view = stored.subarray(6, 6 + ciphertext.length);

    expect(cipher.decryptText(view, CONTEXT)).toBe('secret');
  });

  it('refuses to return bytes that are not UTF-8 as text', () => {
    const ciphertext = cipher.encrypt(Uint8Array.of(0xff, 0xfe), CONTEXT);

    expect(() => cipher.decryptText(ciphertext, CONTEXT)).toThrow(TypeError);
  });
});

describe('ciphertext layout', () => {
  it('is version, key id length, key id, nonce, body, tag', () => {
    const ciphertext = cipher.encrypt('abc', CONTEXT);

    expect(ciphertext[0]).toBe(0x01);
    expect(ciphertext[KEY_ID_LENGTH_OFFSET]).toBe('k20250101'.length);
    expect(ciphertext.subarray(KEY_ID_OFFSET, KEY_ID_OFFSET + 9).toString('ascii')).toBe(
      'k20250101',
    );
    expect(ciphertext).toHaveLength(2 + 9 + NONCE_BYTES + 3 + TAG_BYTES);
  });

  it('names its key id, read from the header alone', () => {
    expect(keyIdOf(cipher.encrypt('abc', CONTEXT))).toBe('k20250101');
  });
});

describe('keyIdOf refuses malformed input with CiphertextFormatError', () => {
  const good = cipher.encrypt('abc', CONTEXT);
  const withByte = (offset: number, value: number): Buffer => {
    const copy = Buffer.from(good);
    copy[offset] = value;
    return copy;
  };

  it.each([
    ['empty input', Buffer.alloc(0)],
    ['a lone version byte', Buffer.of(0x01)],
    ['an unknown version', withByte(0, 0x02)],
    ['a zero key id length', withByte(1, 0)],
    ['a key id length over 32', withByte(1, 33)],
    ['a key id byte outside [A-Za-z0-9_-]', withByte(3, 0x2e)],
    ['a key id byte outside ASCII', withByte(3, 0xe9)],
    ['no room for nonce and tag', good.subarray(0, 2 + 9 + NONCE_BYTES + TAG_BYTES - 1)],
  ])('%s', (_, input) => {
    expect(() => keyIdOf(input)).toThrow(CiphertextFormatError);
    try {
      keyIdOf(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CRYPTO_CIPHERTEXT_MALFORMED' });
    }
  });
});

describe('FieldCipher guards', () => {
  it('refuses a keyring whose active key is missing', () => {
    const broken: Keyring = {
      activeKeyId: 'gone',
      keys: new Map(),
      blindIndexKey: Buffer.alloc(32),
    };

    expect(() => new FieldCipher(broken)).toThrow(UnknownKeyError);
  });

  it.each(['table', 'column', 'rowId'] as const)('refuses an empty %s in the context', (name) => {
    expect(() => cipher.encrypt('x', { ...CONTEXT, [name]: '' })).toThrow(RangeError);
  });

  it('exposes the active key id', () => {
    expect(cipher.activeKeyId).toBe('k20250101');
  });
});
