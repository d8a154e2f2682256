import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import { bodyAttributes, fetchPage, startTestStore } from './support/store.js';

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store.close();
});

describe('unknown paths', () => {
  it.each([
    '/no/such/page',
    '/products/no-such-product',
    '/collections/no-such-collection',
    '/assets/other.js',
    '/assets/../package.json',
    '/cart/add',
  ])('%s answers a 404 page', async (path) => {
    const page = await fetchPage(store, path);

    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.html).toContain('<h1>Page not found</h1>');
    expect(bodyAttributes(page.html).has('data-af-page-type')).toBe(false);
  });
});
