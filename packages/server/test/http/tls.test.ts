import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { testKeys } from '../support/keyring.js';
import { captureLogs } from '../support/logs.js';

let server: RunningServer;
let port: number;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'auraflow-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
    ],
    { stdio: 'ignore' },
  );

  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DEMO_PORT: 'off',
    AURAFLOW_DATA_DIR: path.join(dir, 'data'),
    TLS_CERT_FILE: certFile,
    TLS_KEY_FILE: keyFile,
    ...testKeys().env,
  });
  server = await startServer(config, captureLogs().logger);
  port = Number(new URL(server.urls[0] ?? '').port);
});
afterAll(async () => {
  await server.close();
});

function handshake(version: tls.SecureVersion): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port,
      rejectUnauthorized: false,
      minVersion: version,
      maxVersion: version,
      // Let the client offer old versions at all, so a refusal comes from the server.
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    socket.once('secureConnect', () => {
      resolve(socket.getProtocol() ?? 'unknown');
      socket.end();
    });
    socket.once('error', reject);
  });
}

describe('direct TLS', () => {
  it('serves https URLs', () => {
    expect(server.urls[0]).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['TLSv1.2', 'TLSv1.3'] as const)('accepts %s', async (version) => {
    expect(await handshake(version)).toBe(version);
  });

  it.each(['TLSv1', 'TLSv1.1'] as const)('refuses %s', async (version) => {
    await expect(handshake(version)).rejects.toThrow();
  });
});
