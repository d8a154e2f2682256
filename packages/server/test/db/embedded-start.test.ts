import { mkdtempSync, readFileSync, statSync } from 'node:fs';
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
      DEMO_PORT: '0',
      AURAFLOW_DATA_DIR: dataDir,
      AURAFLOW_DEV_KEYRING_FILE: keyringFile,
    });

    const server = await startServer(config, logs.logger);
    const ready = await fetch(`${server.urls[0]}/readyz`);
    const demoPage = await (await fetch(server.demo?.url ?? 'http://invalid')).text();
    const demoSiteKey = server.demo?.siteKey;
    await server.close();
    const remembered: unknown = JSON.parse(
      readFileSync(path.join(dataDir, 'demo-shop.json'), 'utf8'),
    );

    expect(ready.status).toBe(200);
    expect(demoSiteKey).toMatch(/^sk_[A-Za-z0-9_-]{22}$/);
    expect(remembered).toMatchObject({ siteKey: demoSiteKey });
    expect(demoPage).toContain(`data-site-key="${demoSiteKey}"`);
    expect(demoPage).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+"/);
    expect(statSync(dataDir).isDirectory()).toBe(true);
    expect(statSync(keyringFile).mode & 0o777).toBe(0o600);
    expect(path.relative(dataDir, keyringFile).startsWith('..')).toBe(true);
    const warning = logs.entries().find((entry) => entry['level'] === 40);
    expect(String(warning?.['msg'])).toContain('development keyring');
  });
});
