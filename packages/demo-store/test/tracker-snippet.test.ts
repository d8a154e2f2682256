import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStore } from '../src/demo-store.js';
import { renderSnippet } from '../src/snippet.js';
import {
  API_ORIGIN,
  FAKE_SNIPPET_TEMPLATE,
  fetchPage,
  headOf,
  SITE_KEY,
  startTestStore,
} from './support/store.js';

const PAGES = ['/', '/collections/outdoor', '/products/linen-apron', '/cart', '/search?q=mug'];

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store.close();
});

describe('the tracker snippet on every page', () => {
  it.each(PAGES)(
    'is in the <head> of %s, filled with the API origin and site key',
    async (path) => {
      const head = headOf((await fetchPage(store, path)).html);

      expect(head).toContain(`src="${API_ORIGIN}/t/auraflow-loader.test.js"`);
      expect(head).toContain(`data-site-key="${SITE_KEY}"`);
      expect(head).not.toContain('{{');
    },
  );

  it('comes after store.js, so the consent interface exists when the loader runs', async () => {
    const head = headOf((await fetchPage(store, '/')).html);
    const storeScript = head.indexOf('<script src="/assets/store.js" defer>');

    expect(storeScript).toBeGreaterThan(-1);
    expect(storeScript).toBeLessThan(head.indexOf('auraflow-loader.test.js'));
  });

  it('is also on the 404 page', async () => {
    const page = await fetchPage(store, '/no/such/page');

    expect(headOf(page.html)).toContain(`data-site-key="${SITE_KEY}"`);
  });
});

describe('renderSnippet', () => {
  it('escapes the values for the attributes they land in', () => {
    const snippet = renderSnippet(FAKE_SNIPPET_TEMPLATE, API_ORIGIN, 'key"><script>x</script>');

    expect(snippet).toContain('data-site-key="key&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(snippet.match(/<script/g)).toHaveLength(1);
  });

  it('inserts `$&` and other replacement patterns literally', () => {
    const snippet = renderSnippet(FAKE_SNIPPET_TEMPLATE, API_ORIGIN, "a$&b$'c");

    expect(snippet).toContain('data-site-key="a$&amp;b$&#39;c"');
  });

  it('refuses a template without its placeholders', () => {
    expect(() => renderSnippet('<script src="/x.js"></script>', API_ORIGIN, SITE_KEY)).toThrow(
      /placeholder|\{\{/i,
    );
  });

  it('refuses to start with an API origin that is not http(s)', async () => {
    await expect(startTestStore({ apiOrigin: "javascript:alert('x')" })).rejects.toThrow(
      'apiOrigin must be an http or https URL.',
    );
  });
});
