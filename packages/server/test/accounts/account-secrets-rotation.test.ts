import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../src/crypto/field-cipher.js';
import { keyUsage, rotateKeys } from '../../src/keys/key-rotation.js';
import { testKeys } from '../support/keyring.js';
import {
  type AccountHarness,
  enrolTotp,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
} from './support/harness.js';

/**
 * Key rotation reaches the account system's encrypted columns: users' emails and TOTP secrets
 * (bound to no shop) and invitation emails (bound to their shop). After rotation the old key can
 * go and sign-in still works.
 */
const PASSWORD = 'sable-fjord-lantern-71';
let harness: AccountHarness;

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, 'rotate@example.com', PASSWORD, 'Rotating Shop');
  const browser = await signInWithEmailCode(
    harness,
    harness.browser(),
    'rotate@example.com',
    PASSWORD,
  );
  await enrolTotp(harness, browser);
  await browser.post('/v1/account/totp/enrolment', { password: PASSWORD });
  const shops = (await browser.get('/v1/auth/session')).json['shops'];
  const shopId = String(Array.isArray(shops) ? shops[0]?.shopId : '');
  await browser.post(`/v1/shops/${shopId}/members/invitations`, {
    email: 'invitee@example.com',
    role: 'analyst',
  });
});
afterAll(async () => {
  await harness.close();
});

describe('rotating the keys of account secrets', () => {
  it('re-encrypts user and invitation columns under the new key', async () => {
    const newKey = randomBytes(32);
    const oldId = harness.keys.keyring.activeKeyId;
    const oldKey = harness.keys.keyring.keys.get(oldId) ?? Buffer.alloc(0);
    const during = testKeys([oldId, 'k2'], 'k2', { [oldId]: oldKey, k2: newKey });

    const report = await rotateKeys(harness.owner.db, new FieldCipher(during.keyring));
    const columns = report.map((entry) => `${entry.table}.${entry.column}:${entry.done}`);

    expect(columns).toEqual(
      expect.arrayContaining([
        'users.email_enc:1',
        'users.totp_secret_enc:1',
        'users.totp_pending_secret_enc:1',
        'invitations.email_enc:1',
      ]),
    );
    const usage = await keyUsage(harness.owner.db);
    expect(usage.every((entry) => entry.keyId === 'k2')).toBe(true);

    const after = new FieldCipher(testKeys(['k2'], 'k2', { k2: newKey }).keyring);
    const user = await harness.owner.db
      .selectFrom('users')
      .select(['user_id', 'email_enc'])
      .executeTakeFirstOrThrow();
    const context = { shopId: '', table: 'users', column: 'email_enc', rowId: user.user_id };
    expect(after.decryptText(user.email_enc, context)).toBe('rotate@example.com');
  });
});
