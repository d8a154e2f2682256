import { describe, expect, it } from 'vitest';
import { FieldCipher, NONCE_BYTES } from '../../src/crypto/field-cipher.js';
import { CONTEXT, keyMaterial, makeKeyring } from './fixtures.js';

// NIST SP 800-38D §8.2.2: each encryption under a key needs a nonce never used before with it.
describe('security: every encryption draws a fresh nonce', () => {
  const cipher = new FieldCipher(makeKeyring({ k1: keyMaterial() }, 'k1'));

  it('gives different ciphertexts for the same value in the same place', () => {
    const first = cipher.encrypt('same value', CONTEXT);
    const second = cipher.encrypt('same value', CONTEXT);

    expect(first.equals(second)).toBe(false);
  });

  it('never repeats a nonce over 10 000 encryptions', () => {
    const nonceStart = 2 + 'k1'.length;
    const nonces = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) {
      const ciphertext = cipher.encrypt('same value', CONTEXT);
      nonces.add(ciphertext.subarray(nonceStart, nonceStart + NONCE_BYTES).toString('hex'));
    }

    expect(nonces.size).toBe(10_000);
  });
});
