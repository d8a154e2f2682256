import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import { fetchPage, startTagWith, startTestStore } from './support/store.js';

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store.close();
});

describe('the debug panel', () => {
  it('is on every page but hidden by default', async () => {
    const panel = startTagWith((await fetchPage(store, '/')).html, 'data-debug-panel');

    expect(panel).toMatch(/^<aside\b/);
    expect(panel).toMatch(/\shidden\b/);
  });

  it('is shown with ?debug=1, with its probability list and confidence slots', async () => {
    const { html } = await fetchPage(store, '/products/linen-apron?debug=1');
    const panel = startTagWith(html, 'data-debug-panel');

    expect(panel).not.toMatch(/\shidden\b/);
    expect(html).toContain('data-debug-probabilities');
    expect(html).toContain('data-debug-confidence');
  });

  it('says the tracker is inert while there is no consent', async () => {
    const { html } = await fetchPage(store, '/?debug=1');

    expect(html).toContain('<p data-debug-status>no consent — tracker inert</p>');
  });

  it('stays hidden for other debug values', async () => {
    const panel = startTagWith((await fetchPage(store, '/?debug=true')).html, 'data-debug-panel');

    expect(panel).toMatch(/\shidden\b/);
  });
});
