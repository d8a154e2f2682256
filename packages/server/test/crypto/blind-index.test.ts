import { describe, expect, it } from 'vitest';
import { blindIndex, normaliseEmail } from '../../src/crypto/blind-index.js';
import { keyMaterial, makeKeyring } from './fixtures.js';

const blindKey = keyMaterial();
const keyring = makeKeyring({ k1: keyMaterial() }, 'k1', blindKey);
const shopA = { shopId: 'shop-a', purpose: 'shopper-email' };
const email = 'anna@example.com';

describe('blindIndex', () => {
  it('is 32 bytes (HMAC-SHA256)', () => {
    expect(blindIndex(keyring, shopA, email)).toHaveLength(32);
  });

  it('is deterministic for equal normalised values', () => {
    const typed = normaliseEmail('  Anna@Example.COM ');

    expect(blindIndex(keyring, shopA, typed).equals(blindIndex(keyring, shopA, email))).toBe(true);
  });

  it('treats canonically equivalent Unicode alike (NFC)', () => {
    const composed = blindIndex(keyring, shopA, 'zo\u00eb@example.com');
    const decomposed = blindIndex(keyring, shopA, 'zoe\u0308@example.com');

    expect(composed.equals(decomposed)).toBe(true);
  });

  it('does not depend on the encryption keys, so rotating them keeps every index', () => {
    const rotated = makeKeyring({ k2: keyMaterial() }, 'k2', blindKey);

    expect(blindIndex(rotated, shopA, email).equals(blindIndex(keyring, shopA, email))).toBe(true);
  });
});

describe('security: blind indexes do not link values across scopes or keys', () => {
  const reference = blindIndex(keyring, shopA, email);

  it('differs between shops', () => {
    expect(blindIndex(keyring, { ...shopA, shopId: 'shop-b' }, email).equals(reference)).toBe(
      false,
    );
  });

  it('differs between a shop and no shop', () => {
    expect(blindIndex(keyring, { ...shopA, shopId: null }, email).equals(reference)).toBe(false);
  });

  it('differs between purposes', () => {
    const other = blindIndex(keyring, { ...shopA, purpose: 'merchant-email' }, email);

    expect(other.equals(reference)).toBe(false);
  });

  it('differs under another blind-index key', () => {
    const otherKeyring = makeKeyring({ k1: keyMaterial() }, 'k1');

    expect(blindIndex(otherKeyring, shopA, email).equals(reference)).toBe(false);
  });

  it('keeps fields apart: moving characters between purpose and shop id changes it', () => {
    const left = blindIndex(keyring, { shopId: 'bc', purpose: 'a' }, email);
    const right = blindIndex(keyring, { shopId: 'c', purpose: 'ab' }, email);

    expect(left.equals(right)).toBe(false);
  });

  it('refuses an empty shop id, which would collide with "no shop"', () => {
    expect(() => blindIndex(keyring, { ...shopA, shopId: '' }, email)).toThrow(RangeError);
  });

  it('refuses an empty purpose', () => {
    expect(() => blindIndex(keyring, { ...shopA, purpose: '' }, email)).toThrow(RangeError);
  });
});

describe('normaliseEmail', () => {
  it('trims, composes (NFC) and lower-cases', () => {
    expect(normaliseEmail(' \tZOE\u0308@Example.com\n')).toBe('zo\u00eb@example.com');
  });

  it('leaves dots and +tags alone', () => {
    expect(normaliseEmail('a.b+shop@example.com')).toBe('a.b+shop@example.com');
  });
});
