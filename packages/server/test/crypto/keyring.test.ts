import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateKeyId,
  generateKeyMaterial,
  KeyringError,
  type KeyringSource,
  parseKeyring,
} from '../../src/crypto/keyring.js';
import { keyMaterial } from './fixtures.js';

const KEYS = 'AURAFLOW_ENCRYPTION_KEYS';
const ACTIVE = 'AURAFLOW_ENCRYPTION_ACTIVE_KEY';
const BLIND = 'AURAFLOW_BLIND_INDEX_KEY';

describe('parseKeyring', () => {
  it('reads several keys, the active id and the blind-index key', () => {
    const [a, b, blind] = [keyMaterial(), keyMaterial(), keyMaterial()];
    const keyring = parseKeyring({
      encryptionKeys: `k20250101-aaaa:${a}, k20250601-bbbb:${b}`,
      activeKeyId: 'k20250601-bbbb',
      blindIndexKey: blind,
    });

    expect(keyring.activeKeyId).toBe('k20250601-bbbb');
    expect([...keyring.keys.keys()]).toEqual(['k20250101-aaaa', 'k20250601-bbbb']);
    expect(keyring.keys.get('k20250101-aaaa')?.toString('base64')).toBe(a);
    expect(keyring.keys.get('k20250601-bbbb')?.toString('base64')).toBe(b);
    expect(keyring.blindIndexKey.toString('base64')).toBe(blind);
  });

  it('accepts base64url and unpadded base64', () => {
    const bytes = randomBytes(32);
    const keyring = parseKeyring({
      encryptionKeys: `url:${bytes.toString('base64url')},bare:${keyMaterial().replace('=', '')}`,
      activeKeyId: 'url',
      blindIndexKey: `${randomBytes(32).toString('base64url')}=`,
    });

    expect(keyring.keys.get('url')?.equals(bytes)).toBe(true);
  });

  it('accepts the ids and keys it generates', () => {
    const keyId = generateKeyId();
    const keyring = parseKeyring({
      encryptionKeys: `${keyId}:${generateKeyMaterial()}`,
      activeKeyId: keyId,
      blindIndexKey: generateKeyMaterial(),
    });

    expect(keyring.activeKeyId).toBe(keyId);
  });
});

describe('key generation', () => {
  it('makes ids of the form k<yyyymmdd>-<4 base32 characters>', () => {
    expect(generateKeyId(new Date('2025-06-14T23:59:59Z'))).toMatch(/^k20250614-[a-z2-7]{4}$/);
  });

  it('makes fresh 32-byte key material each time', () => {
    const [first, second] = [generateKeyMaterial(), generateKeyMaterial()];

    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(first).not.toBe(second);
  });
});

interface InvalidCase {
  readonly problem: string;
  readonly source: KeyringSource;
  readonly variable: string;
}

const k1 = keyMaterial();
const k2 = keyMaterial();
const blind = keyMaterial();
const short = randomBytes(16).toString('base64');
const long = randomBytes(33).toString('base64');
const valid = { encryptionKeys: `k1:${k1},k2:${k2}`, activeKeyId: 'k1', blindIndexKey: blind };

const INVALID: readonly InvalidCase[] = [
  { problem: 'an empty key list', source: { ...valid, encryptionKeys: ' ' }, variable: KEYS },
  { problem: 'a bare key without id', source: { ...valid, encryptionKeys: k1 }, variable: KEYS },
  {
    problem: 'a trailing comma',
    source: { ...valid, encryptionKeys: `k1:${k1},` },
    variable: KEYS,
  },
  {
    problem: 'a key id with a space',
    source: { ...valid, encryptionKeys: `k 1:${k1}` },
    variable: KEYS,
  },
  {
    problem: 'a key id of 33 characters',
    source: { ...valid, encryptionKeys: `${'k'.repeat(33)}:${k1}` },
    variable: KEYS,
  },
  {
    problem: 'an empty key id',
    source: { ...valid, encryptionKeys: `:${k1}` },
    variable: KEYS,
  },
  {
    problem: 'a duplicate key id',
    source: { ...valid, encryptionKeys: `k1:${k1},k1:${k2}` },
    variable: KEYS,
  },
  {
    problem: 'a 16-byte key',
    source: { ...valid, encryptionKeys: `k1:${short}` },
    variable: KEYS,
  },
  {
    problem: 'a 33-byte key',
    source: { ...valid, encryptionKeys: `k1:${long}` },
    variable: KEYS,
  },
  {
    problem: 'a key with characters outside base64',
    source: { ...valid, encryptionKeys: `k1:${k1.slice(0, 20)}!${k1.slice(21)}` },
    variable: KEYS,
  },
  {
    problem: 'a key mixing the base64 and base64url alphabets',
    source: { ...valid, encryptionKeys: `k1:+_${k1.slice(2)}` },
    variable: KEYS,
  },
  {
    problem: 'a key with surplus padding',
    source: { ...valid, encryptionKeys: `k1:${k1}=` },
    variable: KEYS,
  },
  {
    problem: 'one key under two ids',
    source: { ...valid, encryptionKeys: `k1:${k1},k2:${k1}` },
    variable: KEYS,
  },
  {
    problem: 'an active id that is not listed',
    source: { ...valid, activeKeyId: 'k3' },
    variable: ACTIVE,
  },
  {
    problem: 'a key pasted as the active id',
    source: { ...valid, activeKeyId: k1 },
    variable: ACTIVE,
  },
  { problem: 'an empty active id', source: { ...valid, activeKeyId: '' }, variable: ACTIVE },
  {
    problem: 'a 16-byte blind-index key',
    source: { ...valid, blindIndexKey: short },
    variable: BLIND,
  },
  {
    problem: 'a blind-index key that is not base64',
    source: { ...valid, blindIndexKey: `${blind.slice(0, 40)}$$$=` },
    variable: BLIND,
  },
  {
    problem: 'a blind-index key equal to an encryption key',
    source: { ...valid, blindIndexKey: k2 },
    variable: BLIND,
  },
];

/** Every key in the case, whole and as fragments, none of which may appear in a message. */
function secretsOf(source: KeyringSource): string[] {
  const keys = [k1, k2, blind, short, long, source.blindIndexKey];

  return keys.flatMap((key) => [key, key.slice(0, 12), key.slice(-12, -1)]);
}

describe('parseKeyring refuses invalid input, naming the variable and no key material', () => {
  it.each(INVALID)('$problem → KeyringError on $variable', ({ source, variable }) => {
    let caught: unknown;
    try {
      parseKeyring(source);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(KeyringError);
    const error = caught instanceof KeyringError ? caught : new KeyringError('none', 'none');
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    for (const secret of secretsOf(source)) expect(error.message).not.toContain(secret);
  });
});
