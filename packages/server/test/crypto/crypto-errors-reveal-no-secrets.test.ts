import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FieldCipher, type FieldContext } from '../../src/crypto/field-cipher.js';
import { keyMaterial, makeKeyring } from './fixtures.js';

// Canary values: none of them may appear in any error a failed decryption raises.
const PLAINTEXT = 'CANARY-PLAINTEXT-7d1e55@example.com';
const CONTEXT: FieldContext = {
  shopId: 'CANARY-SHOP-41c2',
  table: 'CANARY_TABLE_9a4e',
  column: 'CANARY_COLUMN_0c8b',
  rowId: 'CANARY-ROW-6a7e',
};
const key = keyMaterial();
const cipher = new FieldCipher(makeKeyring({ k1: key }, 'k1'));
const ciphertext = cipher.encrypt(PLAINTEXT, CONTEXT);
const withoutKey = new FieldCipher(makeKeyring({ k2: keyMaterial() }, 'k2'));

const SECRETS = [
  PLAINTEXT,
  key,
  Buffer.from(key, 'base64').toString('hex'),
  ...Object.values(CONTEXT),
];

function everythingLoggable(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    // What a logger could print: message, stack, own fields, cause.
    return `${String(error)}\n${inspect(error, { depth: 5 })}\n${JSON.stringify(error)}`;
  }
  throw new Error('expected the action to fail');
}

describe('security: crypto errors carry no plaintext, key or context value', () => {
  it.each<[string, () => unknown]>([
    ['a decryption in the wrong row', () => cipher.decrypt(ciphertext, { ...CONTEXT, rowId: 'r' })],
    ['a tampered tag', () => cipher.decrypt(Buffer.concat([ciphertext, Buffer.of(1)]), CONTEXT)],
    ['an unknown key id', () => withoutKey.decrypt(ciphertext, CONTEXT)],
    ['a malformed ciphertext', () => cipher.decrypt(ciphertext.subarray(0, 20), CONTEXT)],
    ['an empty context field', () => cipher.encrypt(PLAINTEXT, { ...CONTEXT, rowId: '' })],
  ])('%s', (_, action) => {
    const output = everythingLoggable(action);
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });
});
