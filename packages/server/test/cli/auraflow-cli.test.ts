import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyring } from '../../src/crypto/keyring.js';
import { testKeys } from '../support/keyring.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres.js';
import { CLI_JS, runNode } from '../support/process.js';

/** The operator command as an operator runs it: the built script, its output and exit code. */
let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(async () => {
  await scratch.drop();
});

describe('auraflow', () => {
  it('prints a usable key with `keys generate`', async () => {
    const result = await runNode(CLI_JS, ['keys', 'generate'], {});
    const [pair] = result.stdout.split('\n');
    const [id, key] = (pair ?? '').split(':');

    expect(result.code).toBe(0);
    const keyring = parseKeyring({
      encryptionKeys: pair ?? '',
      activeKeyId: id ?? '',
      blindIndexKey: testKeys().keyring.blindIndexKey.toString('base64'),
    });
    expect(keyring.keys.get(id ?? '')?.length).toBe(32);
    expect(key).toBeDefined();
  });

  it('migrates an embedded data folder, then reports key usage', async () => {
    const env = {
      AURAFLOW_DATA_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'auraflow-cli-')), 'data'),
      ...testKeys().env,
    };
    const migrated = await runNode(CLI_JS, ['migrate'], env, 60_000);
    const again = await runNode(CLI_JS, ['migrate'], env, 60_000);
    const usage = await runNode(CLI_JS, ['keys', 'usage'], env, 60_000);

    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/applied [1-9]\d* migration\(s\)/);
    expect(again.stdout).toMatch(/applied 0 migration\(s\)/);
    expect(usage.code).toBe(0);
    expect(usage.stdout).toContain('no encrypted values');
  });

  it('rotates keys on PostgreSQL through the owner connection, with progress', async () => {
    const { env } = testKeys();
    const result = await runNode(
      CLI_JS,
      ['keys', 'rotate', '--batch-size', '10'],
      { DATABASE_URL: scratch.urls.runtime, DATABASE_OWNER_URL: scratch.urls.owner, ...env },
      60_000,
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('re-encrypting under key k1');
    expect(result.stdout).toContain('nothing to re-encrypt: every value is under k1');
  });

  it('names the missing owner URL instead of touching the runtime connection', async () => {
    const result = await runNode(CLI_JS, ['keys', 'usage'], {
      DATABASE_URL: scratch.urls.runtime,
      ...testKeys().env,
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_OWNER_URL');
  });

  it('refuses an unknown command with usage guidance and exit code 64', async () => {
    const result = await runNode(CLI_JS, ['keys', 'burn'], {});

    expect(result.code).toBe(64);
    expect(result.stderr).toContain('auraflow help');
  });
});
