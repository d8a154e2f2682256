import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await buildTestApp({
    extend: (app) => {
      app.post('/test/echo', async (request) => ({ received: request.body }));
      app.get('/test/boom', async () => {
        throw new Error('boom');
      });
    },
  });
});
afterAll(async () => {
  await testApp.close();
});

/** Responses of every kind: success, text, HTML, client errors, server error. */
const REQUESTS = [
  { label: '200 JSON', method: 'GET', url: '/healthz' },
  { label: '200 text', method: 'GET', url: '/.well-known/security.txt' },
  { label: '200 HTML', method: 'GET', url: '/security' },
  { label: '404', method: 'GET', url: '/no/such/page' },
  { label: '405', method: 'DELETE', url: '/healthz' },
  { label: '400', method: 'POST', url: '/test/echo', body: '{not json', type: 'application/json' },
  { label: '500', method: 'GET', url: '/test/boom' },
] as const;

describe('hardening headers on every response', () => {
  it.each(REQUESTS)('are present on a $label response', async (request) => {
    const response = await testApp.app.inject({
      method: request.method,
      url: request.url,
      ...('body' in request
        ? { payload: request.body, headers: { 'content-type': request.type } }
        : {}),
    });
    const headers = response.headers;

    expect(headers['strict-transport-security']).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
