import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateDevKeyring } from '../../src/crypto/dev-keyring.js';
import { KeyringError } from '../../src/crypto/keyring.js';
import { keyMaterial } from './fixtures.js';

let directory = '';

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'auraflow-dev-keyring-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function caughtBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('loadOrCreateDevKeyring', () => {
  it('creates the file, and missing directories, when absent', () => {
    const file = path.join(directory, 'nested', 'deeper', 'dev-keyring.json');
    const { keyring, created } = loadOrCreateDevKeyring(file);

    expect(created).toBe(true);
    expect(keyring.keys.get(keyring.activeKeyId)).toHaveLength(32);
    expect(keyring.blindIndexKey).toHaveLength(32);
  });

  it.skipIf(process.platform === 'win32')('security: creates the file with mode 0600', () => {
    const file = path.join(directory, 'dev-keyring.json');
    loadOrCreateDevKeyring(file);

    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reuses the file on the second call: same keys, not created', () => {
    const file = path.join(directory, 'dev-keyring.json');
    const first = loadOrCreateDevKeyring(file);
    const second = loadOrCreateDevKeyring(file);

    expect(second.created).toBe(false);
    expect(second.keyring.activeKeyId).toBe(first.keyring.activeKeyId);
    expect(second.keyring.keys).toEqual(first.keyring.keys);
    expect(second.keyring.blindIndexKey.equals(first.keyring.blindIndexKey)).toBe(true);
  });

  it('writes the documented JSON format and leaves no temporary file behind', () => {
    const file = path.join(directory, 'dev-keyring.json');
    const { keyring } = loadOrCreateDevKeyring(file);
    const contents: unknown = JSON.parse(readFileSync(file, 'utf8'));

    expect(readdirSync(directory)).toEqual(['dev-keyring.json']);
    expect(contents).toEqual({
      activeKeyId: keyring.activeKeyId,
      keys: { [keyring.activeKeyId]: keyring.keys.get(keyring.activeKeyId)?.toString('base64') },
      blindIndexKey: keyring.blindIndexKey.toString('base64'),
    });
  });

  it('refuses a file that is not JSON without quoting it', () => {
    const file = path.join(directory, 'dev-keyring.json');
    const secret = keyMaterial();
    writeFileSync(file, `{ "activeKeyId": "k1", "keys": { "k1": "${secret}" `, { mode: 0o600 });
    const error = caughtBy(() => loadOrCreateDevKeyring(file));

    expect(error).toBeInstanceOf(KeyringError);
    expect(error instanceof Error ? error.message : '').not.toContain(secret.slice(0, 12));
  });

  it('validates the keys like the environment: a blind-index key equal to a key fails', () => {
    const file = path.join(directory, 'dev-keyring.json');
    const key = keyMaterial();
    const contents = { activeKeyId: 'k1', keys: { k1: key }, blindIndexKey: key };
    writeFileSync(file, JSON.stringify(contents), { mode: 0o600 });
    const error = caughtBy(() => loadOrCreateDevKeyring(file));

    expect(error).toBeInstanceOf(KeyringError);
    expect(error).toMatchObject({ variable: `"blindIndexKey" in ${file}` });
    expect(error instanceof Error ? error.message : '').not.toContain(key);
  });

  it('refuses a file of the wrong shape', () => {
    const file = path.join(directory, 'dev-keyring.json');
    writeFileSync(file, JSON.stringify({ activeKeyId: 'k1', keys: ['x'] }), { mode: 0o600 });

    expect(() => loadOrCreateDevKeyring(file)).toThrow(KeyringError);
  });
});
