import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import { API_ORIGIN, fetchPage, postForm, startTestStore } from './support/store.js';

const PAGES = [
  '/',
  '/?debug=1',
  '/collections/outdoor',
  '/collections/sale?sort=price-ascending&min=10&max=60',
  '/products/ridgeline-trail-lantern',
  '/cart',
  '/search?q=linen',
  '/no/such/page',
];

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store.close();
});

function expectHardeningHeaders(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';

  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain(`script-src 'self' ${API_ORIGIN};`);
  expect(csp).toContain(`connect-src 'self' ${API_ORIGIN};`);
  expect(csp).toContain("style-src 'self';");
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
}

describe('the demo store content security policy', () => {
  it.each(PAGES)('is sent with %s', async (path) => {
    expectHardeningHeaders((await fetchPage(store, path)).headers);
  });

  it.each(['/assets/store.js', '/assets/store.css'])('is sent with %s', async (path) => {
    expectHardeningHeaders((await fetchPage(store, path)).headers);
  });

  it('is sent with a rejected form post', async () => {
    const page = await postForm(store, '/cart/add', { product: 'no-such-product' });

    expect(page.status).toBe(400);
    expectHardeningHeaders(page.headers);
  });
});

describe('pages need no inline script or style', () => {
  it.each(PAGES)(
    '%s has only external scripts and no style or handler attributes',
    async (path) => {
      const { html } = await fetchPage(store, path);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];

      expect(scripts.length).toBeGreaterThanOrEqual(2);
      for (const script of scripts) expect(script).toMatch(/\ssrc="/);
      expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toMatch(/\son[a-z]+="/);
      expect(html).not.toMatch(/javascript:/i);
    },
  );
});

describe('assets', () => {
  it('are served from the store origin with their content types', async () => {
    const script = await fetchPage(store, '/assets/store.js');
    const style = await fetchPage(store, '/assets/store.css');

    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.html).toContain('auraflowConsent');
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});
