import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/http/error-handling.js';
import { registerTrackerAssetRoutes } from '../../src/tracker-assets/tracker-asset-routes.js';

const app = Fastify();
const loader = Buffer.from('console.log("loader")');
const core = Buffer.from('console.log("core")');

function integrity(bytes: Buffer): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'auraflow-tracker-'));
  writeFileSync(path.join(dir, 'auraflow-loader.aaaa1111.js'), loader);
  writeFileSync(path.join(dir, 'auraflow-core.bbbb2222.js'), core);
  writeFileSync(path.join(dir, 'secret.txt'), 'not for serving');
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      loader: { file: 'auraflow-loader.aaaa1111.js', integrity: integrity(loader) },
      core: { file: 'auraflow-core.bbbb2222.js', integrity: integrity(core) },
    }),
  );
  registerErrorHandling(app);
  await registerTrackerAssetRoutes(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('tracker files at /t/', () => {
  it('serves each manifest file byte for byte, immutable and loadable cross-origin', async () => {
    const response = await app.inject({ url: '/t/auraflow-core.bbbb2222.js' });

    expect(response.statusCode).toBe(200);
    expect(integrity(response.rawPayload)).toBe(integrity(core));
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('serves nothing that the manifest does not list', async () => {
    for (const url of ['/t/secret.txt', '/t/manifest.json', '/t/..%2Fmanifest.json']) {
      expect((await app.inject({ url })).statusCode).toBe(404);
    }
  });
});
