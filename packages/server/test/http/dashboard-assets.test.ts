import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDashboardRoutes } from '../../src/dashboard/dashboard-routes.js';
import { registerErrorHandling } from '../../src/http/error-handling.js';

const app = Fastify();

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'auraflow-dashboard-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'export {};');
  writeFileSync(path.join(dir, 'assets', 'notes.txt'), 'not an asset type we serve');
  registerErrorHandling(app);
  await registerDashboardRoutes(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('the dashboard build', () => {
  it.each(['/', '/app', '/app/sign-in', '/app/shops/x/overview'])(
    'answers %s with the single-page app',
    async (url) => {
      const response = await app.inject({ url });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('<title>dashboard</title>');
    },
  );

  it('serves its hashed scripts as immutable JavaScript', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('serves nothing else', async () => {
    for (const url of ['/assets/notes.txt', '/assets/..%2Findex.html', '/assets/missing.js']) {
      expect((await app.inject({ url })).statusCode).toBe(404);
    }
  });
});
