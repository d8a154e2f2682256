import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/server.js';
import { captureLogs } from '../support/logs.js';

describe('starting on embedded defaults', () => {
  it('creates and migrates the data folder, keeps the dev keyring outside it, and warns', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'auraflow-embedded-'));
    const dataDir = path.join(dir, 'data');
    const keyringFile = path.join(dir, 'dev-keyring.json');
    const logs = captureLogs('info');
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '0',
      AURAFLOW_DATA_DIR: dataDir,
      AURAFLOW_DEV_KEYRING_FILE: keyringFile,
    });

    const server = await startServer(config, logs.logger);
    const ready = await fetch(`${server.urls[0]}/readyz`);
    await server.close();

    expect(ready.status).toBe(200);
    expect(statSync(dataDir).isDirectory()).toBe(true);
    expect(statSync(keyringFile).mode & 0o777).toBe(0o600);
    expect(path.relative(dataDir, keyringFile).startsWith('..')).toBe(true);
    const warning = logs.entries().find((entry) => entry['level'] === 40);
    expect(String(warning?.['msg'])).toContain('development keyring');
  });
});
