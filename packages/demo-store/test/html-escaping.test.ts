import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Product } from '../src/catalog.js';
import type { DemoStore } from '../src/demo-store.js';
import { escapeHtml, html } from '../src/html.js';
import { fetchPage, startTestStore } from './support/store.js';

const HOSTILE = '<script>alert("x")</script>';

const HOSTILE_PRODUCT: Product = {
  handle: 'hostile',
  name: `Lamp ${HOSTILE}`,
  priceCents: 1000,
  description: `Bright ${HOSTILE} & warm`,
  collections: ['sale"><script>'],
  option: { name: `Colour ${HOSTILE}`, values: [`"onmouseover="x`, "Red'"] },
  reviews: [{ author: HOSTILE, rating: 4, text: `<img src=x onerror=alert(1)>` }],
};

const HOSTILE_CATALOG: Catalog = {
  collections: [
    { handle: 'sale"><script>', title: `Deals ${HOSTILE}`, description: HOSTILE, sale: true },
  ],
  products: [HOSTILE_PRODUCT],
};

let store: DemoStore;

beforeAll(async () => {
  store = await startTestStore({ catalog: HOSTILE_CATALOG });
});
afterAll(async () => {
  await store.close();
});

/** Only the two external scripts (store.js and the snippet) may open a script element. */
function expectNoInjectedMarkup(page: string): void {
  expect(page.match(/<script\b/g)).toHaveLength(2);
  expect(page).not.toContain('<img');
  expect(page).not.toMatch(/"onmouseover=/);
}

describe('every interpolated value is escaped', () => {
  it('on the product page', async () => {
    const page = await fetchPage(store, '/products/hostile');

    expect(page.status).toBe(200);
    expect(page.html).toContain('Lamp &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.html).toContain('value="&quot;onmouseover=&quot;x"');
    expectNoInjectedMarkup(page.html);
  });

  it('on the collection page', async () => {
    const page = await fetchPage(store, `/collections/${encodeURIComponent('sale"><script>')}`);

    expect(page.status).toBe(200);
    expect(page.html).toContain('data-af-collection="sale&quot;&gt;&lt;script&gt;"');
    expectNoInjectedMarkup(page.html);
  });

  it('on the search page, including the echoed query', async () => {
    const page = await fetchPage(store, `/search?q=${encodeURIComponent('"><script>q')}`);

    expect(page.html).toContain('value="&quot;&gt;&lt;script&gt;q"');
    expectNoInjectedMarkup(page.html);
  });
});

describe('the html tag and escapeHtml', () => {
  it('escape the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes strings and numbers, keeps nested html, renders false and null as nothing', () => {
    const inner = html`<b>${'<i>'}</b>`;
    const markup = html`<p>${inner}${false}${null}${7}${['<', html`<br>`]}</p>`;

    expect(markup.toString()).toBe('<p><b>&lt;i&gt;</b>7&lt;<br></p>');
  });
});
