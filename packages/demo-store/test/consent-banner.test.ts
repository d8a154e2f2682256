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

async function bannerTag(cookie?: string): Promise<string> {
  const init = cookie === undefined ? {} : { headers: { cookie } };
  const { html } = await fetchPage(store, '/', init);

  return startTagWith(html, 'data-consent-banner') ?? '';
}

describe('the consent banner', () => {
  it('is shown until the shopper decides, with both choices', async () => {
    const { html } = await fetchPage(store, '/');

    expect(await bannerTag()).not.toMatch(/\shidden\b/);
    expect(html).toContain('data-consent-choice="granted">Accept analytics</button>');
    expect(html).toContain('data-consent-choice="denied" class="secondary">Decline</button>');
  });

  it.each(['demo_consent=granted', 'demo_consent=denied', 'a=1; demo_consent=denied'])(
    'is hidden once decided (%s)',
    async (cookie) => {
      expect(await bannerTag(cookie)).toMatch(/\shidden\b/);
    },
  );

  it('is shown again for a cookie value it does not know', async () => {
    expect(await bannerTag('demo_consent=maybe')).not.toMatch(/\shidden\b/);
  });

  it('can be reopened from the footer link', async () => {
    const { html } = await fetchPage(store, '/', { headers: { cookie: 'demo_consent=granted' } });
    const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));

    expect(footer).toContain('<a href="#consent-banner" data-privacy-choices>Privacy choices</a>');
    expect(html).toContain('Current choice: analytics allowed.');
  });
});

describe('store.js consent wiring', () => {
  it('defines the page-side consent interface and dispatches the consent event', async () => {
    const script = (await fetchPage(store, '/assets/store.js')).html;

    expect(script).toContain('window.auraflowConsent = { analyticsAllowed:');
    expect(script).toContain("'visitorConsentCollected'");
    expect(script).toContain("analyticsAllowed: choice === 'granted'");
  });
});
