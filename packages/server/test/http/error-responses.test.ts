import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REGISTRY } from '../../src/errors/error-registry.js';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../src/http/app.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { captureLogs } from '../support/logs.js';

const logs = captureLogs('info');
let testApp: TestApp;

beforeAll(async () => {
  testApp = await buildTestApp({
    logger: logs.logger,
    extend: (app) => {
      app.post(
        '/test/strict',
        {
          schema: {
            body: {
              type: 'object',
              additionalProperties: false,
              required: ['n'],
              properties: { n: { type: 'integer' } },
            },
          },
        },
        async () => ({ ok: true }),
      );
      app.get('/test/internal', async () => {
        throw new Error('database password is hunter2 at /srv/app/secret.ts:12');
      });
    },
  });
});
afterAll(async () => {
  await testApp.close();
});

function expectRegistryShape(body: string, code: keyof typeof ERROR_REGISTRY): void {
  const parsed: unknown = JSON.parse(body);
  expect(parsed).toEqual({ error: { code, message: ERROR_REGISTRY[code].message } });
}

describe('errors answer in the registry shape and leak nothing', () => {
  it('answers an unknown path with 404 ROUTE_NOT_FOUND', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/nope?token=abc' });

    expect(response.statusCode).toBe(404);
    expectRegistryShape(response.body, 'ROUTE_NOT_FOUND');
  });

  it('answers a known path with a wrong method with 405 and an Allow header', async () => {
    const response = await testApp.app.inject({ method: 'PUT', url: '/readyz' });

    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD');
    expectRegistryShape(response.body, 'METHOD_NOT_ALLOWED');
  });

  it('answers malformed JSON with 400 REQUEST_MALFORMED_JSON', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/test/strict',
      headers: { 'content-type': 'application/json' },
      payload: '{"n": 1,',
    });

    expect(response.statusCode).toBe(400);
    expectRegistryShape(response.body, 'REQUEST_MALFORMED_JSON');
  });

  it('answers a schema violation with 400 REQUEST_INVALID', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/test/strict',
      payload: { n: 'one' },
    });

    expect(response.statusCode).toBe(400);
    expectRegistryShape(response.body, 'REQUEST_INVALID');
  });

  it('answers an oversized body with 413 REQUEST_BODY_TOO_LARGE', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/test/strict',
      headers: { 'content-type': 'application/json' },
      payload: `{"n": 1, "pad": "${'x'.repeat(DEFAULT_BODY_LIMIT_BYTES)}"}`,
    });

    expect(response.statusCode).toBe(413);
    expectRegistryShape(response.body, 'REQUEST_BODY_TOO_LARGE');
  });

  it('answers an unsupported media type with 415', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/test/strict',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'n=1',
    });

    expect(response.statusCode).toBe(415);
    expectRegistryShape(response.body, 'REQUEST_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an internal error with 500 INTERNAL, without its message or stack', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/test/internal' });

    expect(response.statusCode).toBe(500);
    expectRegistryShape(response.body, 'INTERNAL');
    expect(response.body).not.toMatch(/hunter2|secret\.ts|at /);
  });

  it('logs the internal error at error level by type and frames, not by message', async () => {
    const entry = logs.entries().find((line) => line['msg'] === 'request error');

    expect(entry?.['level']).toBe(50);
    expect(JSON.stringify(entry)).not.toContain('hunter2');
  });
});

describe('the error registry', () => {
  it('uses <AREA>_<PROBLEM> codes with a status and a message for a person', () => {
    for (const [code, entry] of Object.entries(ERROR_REGISTRY)) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.message.length).toBeGreaterThan(15);
    }
  });

  it('is documented code by code in docs/errors.md', async () => {
    const docPath = fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url));
    const doc = await readFile(docPath, 'utf8');

    for (const [code, entry] of Object.entries(ERROR_REGISTRY)) {
      expect(doc).toContain(`| \`${code}\` | ${entry.status} |`);
    }
  });
});
