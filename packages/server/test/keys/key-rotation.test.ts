import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher, UnknownKeyError } from '../../src/crypto/field-cipher.js';
import type { Database } from '../../src/db/database.js';
import { keyUsage, rotateKeys } from '../../src/keys/key-rotation.js';
import { createShop, readVisitorKey } from '../../src/shops/shop-repository.js';
import { testKeys } from '../support/keyring.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres.js';

/**
 * Rotation on real PostgreSQL: the owner role re-encrypts every shop's values under the new
 * active key; afterwards the old key can leave the keyring and the runtime role still reads all.
 */
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const before = testKeys(['old'], 'old', { old: oldKey });
const during = testKeys(['old', 'new'], 'new', { old: oldKey, new: newKey });
const after = testKeys(['new'], 'new', { new: newKey });

let scratch: ScratchDatabase;
let runtime: Database;
let owner: Database;
const shopIds: string[] = [];
const secrets = new Map<string, Buffer>();

beforeAll(async () => {
  scratch = await createScratchDatabase();
  runtime = scratch.runtime();
  owner = scratch.owner();
  const cipher = new FieldCipher(before.keyring);
  for (let index = 0; index < 5; index += 1) {
    const shop = await createShop(runtime, cipher, { name: `shop ${index}`, origins: [] });
    shopIds.push(shop.shopId);
    const secret = await readVisitorKey(runtime, cipher, shop.shopId);
    if (secret !== null) secrets.set(shop.shopId, secret);
  }
});
afterAll(async () => {
  await runtime.close();
  await owner.close();
  await scratch.drop();
});

describe('key rotation', () => {
  it('reports every value under the old key before rotating', async () => {
    expect(await keyUsage(owner.db)).toEqual([
      { table: 'shops', column: 'visitor_key_enc', keyId: 'old', values: 5 },
    ]);
  });

  it('resumes after an interruption without redoing finished rows', async () => {
    const cipher = new FieldCipher(during.keyring);
    const interrupted = rotateKeys(owner.db, cipher, {
      batchSize: 2,
      onProgress: () => {
        throw new Error('operator pressed Ctrl-C');
      },
    });
    await expect(interrupted).rejects.toThrow('Ctrl-C');

    const progress: number[] = [];
    const report = await rotateKeys(owner.db, cipher, {
      batchSize: 2,
      onProgress: (step) => progress.push(step.done),
    });

    expect(report).toEqual([{ table: 'shops', column: 'visitor_key_enc', done: 3, total: 3 }]);
    expect(progress).toEqual([2, 3]);
  });

  it('leaves no value under the old key', async () => {
    expect(await keyUsage(owner.db)).toEqual([
      { table: 'shops', column: 'visitor_key_enc', keyId: 'new', values: 5 },
    ]);
  });

  it('lets the old key be removed: every value still decrypts to what it was', async () => {
    const cipher = new FieldCipher(after.keyring);

    for (const shopId of shopIds) {
      expect(await readVisitorKey(runtime, cipher, shopId)).toEqual(secrets.get(shopId));
    }
  });

  it('fails with a clear error when a value’s key is missing from the keyring', async () => {
    const shop = await createShop(runtime, new FieldCipher(before.keyring), {
      name: 'late shop',
      origins: [],
    });
    const attempt = readVisitorKey(runtime, new FieldCipher(after.keyring), shop.shopId);

    await expect(attempt).rejects.toBeInstanceOf(UnknownKeyError);
    await expect(attempt).rejects.toThrow(/old/);
  });
});
