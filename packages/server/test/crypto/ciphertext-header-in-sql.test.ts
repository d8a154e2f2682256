import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FieldCipher, KEY_ID_LENGTH_OFFSET, KEY_ID_OFFSET } from '../../src/crypto/field-cipher.js';
import { CONTEXT, keyMaterial, makeKeyring } from './fixtures.js';

// The rotation command selects rows by key id in SQL, without decrypting; this checks that
// expression against real PostgreSQL (get_byte counts from 0, substring from 1).
const FROM = KEY_ID_OFFSET + 1;
const KEY_ID_SQL = `substring($1::bytea from ${FROM} for get_byte($1::bytea, ${KEY_ID_LENGTH_OFFSET}))`;

const keyId = 'k20250614-q7xa';
const cipher = new FieldCipher(makeKeyring({ [keyId]: keyMaterial() }, keyId));
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('postgres').adminUrl });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

describe('ciphertext header read in SQL', () => {
  it('substring(col from 3 for get_byte(col, 1)) is the key id', async () => {
    const ciphertext = cipher.encrypt('anna@example.com', CONTEXT);
    const result = await client.query<{ key_id: string }>(
      `SELECT convert_from(${KEY_ID_SQL}, 'UTF8') AS key_id`,
      [ciphertext],
    );

    expect(result.rows[0]?.key_id).toBe(keyId);
  });
});
