import { ARCHETYPE_IDS, mapArchetypes, TAXONOMY_VERSION } from '@auraflow/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant.js';
import {
  type AccountHarness,
  signInWithEmailCode,
  signUpVerified,
  startAccountHarness,
} from '../accounts/support/harness.js';
import type { TestBrowser } from '../accounts/support/test-browser.js';

/**
 * The archetype mix over time, read by the shop's members only, from the rollups the collect
 * path keeps.
 */
const PASSWORD = 'juniper-harbour-lantern-58';
const ORIGIN = 'https://mix-store.example';
let harness: AccountHarness;
let member: TestBrowser;
let outsider: TestBrowser;
let shopId: string;
let siteKey: string;

function randomId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

async function collect(top: string, ip: string): Promise<number> {
  const probabilities = mapArchetypes((id) => (id === top ? 0.4 : 0.1));
  const response = await harness.testApp.app.inject({
    method: 'POST',
    url: '/v1/collect',
    headers: { 'content-type': 'text/plain', origin: ORIGIN, 'x-forwarded-for': ip },
    payload: JSON.stringify({
      siteKey,
      visitorId: randomId(),
      sessionId: randomId(),
      taxonomyVersion: TAXONOMY_VERSION,
      batch: [{ seq: 1, probabilities, confidence: 0.5 }],
    }),
  });
  return response.statusCode;
}

beforeAll(async () => {
  harness = await startAccountHarness();
  await signUpVerified(harness, 'owner@mix.example', PASSWORD, 'Mix Shop');
  await signUpVerified(harness, 'outsider@mix.example', PASSWORD, 'Elsewhere');
  member = await signInWithEmailCode(harness, harness.browser(), 'owner@mix.example', PASSWORD);
  outsider = await signInWithEmailCode(
    harness,
    harness.browser(),
    'outsider@mix.example',
    PASSWORD,
  );
  const shops = (await member.get('/v1/auth/session')).json['shops'];
  shopId = String(Array.isArray(shops) ? shops[0]?.shopId : '');
  const shop = await withTenant(harness.runtime, shopId, async (trx) => {
    await trx.insertInto('shop_domains').values({ shop_id: shopId, origin: ORIGIN }).execute();
    return trx.selectFrom('shops').select('site_key').executeTakeFirstOrThrow();
  });
  siteKey = shop.site_key;
});
afterAll(async () => {
  await harness.close();
});

describe('GET /v1/shops/:shopId/archetype-mix', () => {
  it('is empty before any data', async () => {
    const response = await member.get(`/v1/shops/${shopId}/archetype-mix`);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ shopId, hours: [], totalVisitors: 0 });
  });

  it('counts visitors per hour by top archetype, naming every archetype', async () => {
    const tops = ['deal_seeker', 'deal_seeker', 'researcher'];
    const statuses = await Promise.all(tops.map((top, i) => collect(top, `192.0.2.${i + 1}`)));
    expect(statuses).toEqual([204, 204, 204]);

    const response = await member.get(`/v1/shops/${shopId}/archetype-mix`);
    const hours = response.json['hours'];

    expect(response.json['totalVisitors']).toBe(3);
    expect(Array.isArray(hours) ? hours.length : 0).toBe(1);
    const [first] = Array.isArray(hours) ? hours : [];
    expect(Object.keys(first?.mix ?? {}).sort()).toEqual([...ARCHETYPE_IDS].sort());
    expect(first?.mix).toMatchObject({ deal_seeker: 2, researcher: 1, explorer: 0 });
  });

  it('answers a non-member as if the shop did not exist', async () => {
    const response = await outsider.get(`/v1/shops/${shopId}/archetype-mix`);

    expect(response.status).toBe(404);
    expect(response.json['error']).toMatchObject({ code: 'ACCOUNT_SHOP_NOT_FOUND' });
  });

  it('requires a session', async () => {
    const response = await harness.browser().get(`/v1/shops/${shopId}/archetype-mix`);

    expect(response.status).toBe(401);
  });

  it.each([
    ['a malformed date', '?from=yesterday'],
    ['an inverted range', '?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z'],
    ['a range over 92 days', '?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z'],
  ])('refuses %s with REQUEST_INVALID', async (_label, query) => {
    const response = await member.get(`/v1/shops/${shopId}/archetype-mix${query}`);

    expect(response.status).toBe(400);
    expect(response.json['error']).toMatchObject({ code: 'REQUEST_INVALID' });
  });
});
