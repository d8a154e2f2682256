import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { FieldCipher } from '../../src/crypto/field-cipher.js';
import { type Database, openEmbedded } from '../../src/db/database.js';
import { MIGRATIONS_DIR, migrate, migrationStatus } from '../../src/db/migrator.js';
import { buildApp } from '../../src/http/app.js';
import { testKeys } from '../support/keyring.js';
import { captureLogs } from '../support/logs.js';

let database: Database | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
});

describe('migrations', () => {
  it('applies every migration once; a second run applies nothing', async () => {
    database = await openEmbedded(null);
    const first = await migrate(database.db);
    const second = await migrate(database.db);

    expect(first.applied.length).toBe(first.current);
    expect(second.applied).toEqual([]);
    expect(await migrationStatus(database.db)).toEqual({
      state: 'current',
      version: first.current,
    });
  });

  it('refuses to run when an applied migration was edited', async () => {
    database = await openEmbedded(null);
    const dir = mkdtempSync(path.join(tmpdir(), 'auraflow-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(database.db, dir);
    writeFileSync(path.join(dir, '0001_shops.sql'), '-- edited\nSELECT 1;\n');

    await expect(migrate(database.db, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it('makes /readyz answer 503 until the schema is current, then 200', async () => {
    database = await openEmbedded(null);
    const keys = testKeys();
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test' }),
      database,
      cipher: new FieldCipher(keys.keyring),
      keyring: keys.keyring,
      logger: captureLogs().logger,
    });

    const pending = await app.inject({ url: '/readyz' });
    await migrate(database.db);
    const ready = await app.inject({ url: '/readyz' });
    await app.close();

    expect(pending.statusCode).toBe(503);
    expect(pending.json()).toMatchObject({ error: { code: 'DB_MIGRATIONS_PENDING' } });
    expect(ready.statusCode).toBe(200);
  });
});
