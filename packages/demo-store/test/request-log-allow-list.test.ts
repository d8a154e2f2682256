import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import { fetchPage, postForm, startTestStore } from './support/store.js';

const CANARY = 'canary-7f3a9c';

/** A pino-shaped logger that keeps every call's arguments as JSON. */
function recordingLogger(lines: string[]): FastifyBaseLogger {
  const record =
    (level: string) =>
    (...args: unknown[]): void => {
      lines.push(JSON.stringify({ level, args }));
    };
  const logger: FastifyBaseLogger = {
    level: 'trace',
    fatal: record('fatal'),
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    trace: record('trace'),
    silent: () => {},
    child: () => logger,
  };

  return logger;
}

const lines: string[] = [];
let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore({ logger: recordingLogger(lines) });
});
afterAll(async () => {
  await store.close();
});

describe('the request log', () => {
  it('never holds query strings, cookies or form bodies', async () => {
    const cookie = `demo_cart=${CANARY}; demo_consent=${CANARY}`;
    await fetchPage(store, `/search?q=${CANARY}`, { headers: { cookie } });
    await fetchPage(store, `/collections/outdoor?min=${CANARY}`, { headers: { cookie } });
    await fetchPage(store, `/no-such-${CANARY}`, { headers: { cookie } });
    await postForm(store, '/cart/add', { product: CANARY }, cookie);
    await postForm(store, '/cart/remove', { line: CANARY }, cookie);

    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).not.toContain(CANARY);
  });

  it('logs method, route pattern, status and duration', async () => {
    lines.length = 0;
    await fetchPage(store, '/products/linen-apron?debug=1');

    const entry = lines.find((line) => line.includes('/products/:handle')) ?? '';
    expect(entry).toContain('"method":"GET"');
    expect(entry).toContain('"status":200');
    expect(entry).toContain('"durationMs"');
  });
});
