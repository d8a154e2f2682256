import { ARCHETYPE_IDS, mapArchetypes, TAXONOMY_VERSION } from '@auraflow/taxonomy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldRollupDeltas } from '../../src/collect/visitor-state-repository.js';
import type { Database } from '../../src/db/database.js';
import { withTenant } from '../../src/db/tenant.js';
import { createShop, type Shop } from '../../src/shops/shop-repository.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testKeys } from '../support/keyring.js';
import { captureLogs } from '../support/logs.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres.js';

/** The collect API on real PostgreSQL, as the runtime role, through the whole HTTP stack. */
const ORIGIN = 'https://store-a.example';
const SHOPPER_IP = '81.2.69.142'; // a GeoLite2 address in the United Kingdom
const logs = captureLogs('trace');
const keys = testKeys();
let scratch: ScratchDatabase;
let runtime: Database;
let testApp: TestApp;
let shopA: Shop;
let shopB: Shop;

const uniform = mapArchetypes(() => 1 / ARCHETYPE_IDS.length);
const dealSeeker = mapArchetypes((id) => (id === 'deal_seeker' ? 0.7 : 0.05));

function randomId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

function payload(overrides: Record<string, unknown> = {}, snapshot: Record<string, unknown> = {}) {
  return {
    siteKey: shopA.siteKey,
    visitorId: randomId(),
    sessionId: randomId(),
    taxonomyVersion: TAXONOMY_VERSION,
    batch: [{ seq: 1, probabilities: dealSeeker, confidence: 0.42, ...snapshot }],
    ...overrides,
  };
}

function post(body: unknown, origin = ORIGIN, ip = SHOPPER_IP) {
  return testApp.app.inject({
    method: 'POST',
    url: '/v1/collect',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin, 'x-forwarded-for': ip },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function counts(shopId: string): Promise<{ states: number; rollups: number }> {
  return withTenant(runtime, shopId, async (trx) => {
    const states = await trx
      .selectFrom('visitor_states')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const rollups = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM hourly_rollups) + (SELECT count(*) FROM rollup_deltas) AS n
    `.execute(trx);
    return { states: states.n, rollups: Number(rollups.rows[0]?.n) };
  });
}

beforeAll(async () => {
  scratch = await createScratchDatabase();
  runtime = scratch.runtime(4);
  testApp = await buildTestApp({
    database: runtime,
    keys,
    logger: logs.logger,
    env: { TRUST_PROXY: 'true' },
  });
  shopA = await createShop(runtime, testApp.cipher, { name: 'Store A', origins: [ORIGIN] });
  shopB = await createShop(runtime, testApp.cipher, {
    name: 'Store B',
    origins: ['https://store-b.example'],
  });
});
afterAll(async () => {
  await testApp.close();
  await runtime.close();
  await scratch.drop();
});

describe('POST /v1/collect refuses what is not a derived score, and stores nothing', () => {
  const longString = 'x'.repeat(5000);
  const cases: Array<[string, () => unknown, string, number]> = [
    [
      'a URL field',
      () => ({ ...payload(), url: 'https://store-a.example/products/1' }),
      'COLLECT_FIELD_NOT_ALLOWED',
      400,
    ],
    [
      'a user agent field',
      () => ({ ...payload(), userAgent: 'Mozilla/5.0' }),
      'COLLECT_FIELD_NOT_ALLOWED',
      400,
    ],
    [
      'raw signals in a snapshot',
      () => payload({}, { productViews: 4 }),
      'COLLECT_FIELD_NOT_ALLOWED',
      400,
    ],
    [
      'a missing confidence',
      () => payload({ batch: [{ seq: 1, probabilities: uniform }] }),
      'COLLECT_FIELD_MISSING',
      400,
    ],
    [
      'an unknown taxonomy version',
      () => payload({ taxonomyVersion: '1999-01' }),
      'COLLECT_TAXONOMY_VERSION_UNKNOWN',
      400,
    ],
    [
      'probabilities that sum to 1.2',
      () => payload({}, { probabilities: { ...uniform, deal_seeker: 0.2 + 1 / 7 } }),
      'COLLECT_PROBABILITIES_INVALID',
      400,
    ],
    [
      'a missing archetype',
      () => payload({}, { probabilities: { deal_seeker: 1 } }),
      'COLLECT_PROBABILITIES_INVALID',
      400,
    ],
    [
      'an extra archetype',
      () => payload({}, { probabilities: { ...uniform, shopaholic: 0 } }),
      'COLLECT_PROBABILITIES_INVALID',
      400,
    ],
    [
      'a negative probability',
      () => payload({}, { probabilities: { ...dealSeeker, deal_seeker: 0.75, researcher: -0.05 } }),
      'COLLECT_PROBABILITIES_INVALID',
      400,
    ],
    [
      'NaN (sent as a string)',
      () => JSON.stringify(payload()).replace('0.42', 'NaN'),
      'REQUEST_MALFORMED_JSON',
      400,
    ],
    [
      'a null probability (JSON for NaN)',
      () => payload({}, { probabilities: { ...uniform, explorer: null } }),
      'COLLECT_PROBABILITIES_INVALID',
      400,
    ],
    [
      'confidence above 1',
      () => payload({}, { confidence: 1.5 }),
      'COLLECT_CONFIDENCE_INVALID',
      400,
    ],
    [
      'negative confidence',
      () => payload({}, { confidence: -0.1 }),
      'COLLECT_CONFIDENCE_INVALID',
      400,
    ],
    ['an empty batch', () => payload({ batch: [] }), 'COLLECT_BATCH_INVALID', 400],
    [
      'decreasing sequence numbers',
      () =>
        payload({
          batch: [
            { seq: 2, probabilities: uniform, confidence: 0.1 },
            { seq: 1, probabilities: uniform, confidence: 0.1 },
          ],
        }),
      'COLLECT_BATCH_INVALID',
      400,
    ],
    [
      'a malformed visitor id',
      () => payload({ visitorId: 'me@example.com' }),
      'COLLECT_ID_INVALID',
      400,
    ],
    ['a malformed site key', () => payload({ siteKey: 'shop-a' }), 'COLLECT_SITE_KEY_INVALID', 400],
    [
      'an unknown site key',
      () => payload({ siteKey: `sk_${'A'.repeat(22)}` }),
      'COLLECT_SITE_KEY_UNKNOWN',
      404,
    ],
    ['a body that is not JSON', () => 'visitor=1&score=2', 'REQUEST_MALFORMED_JSON', 400],
    ['an array body', () => [payload()], 'REQUEST_INVALID', 400],
    [
      'an oversized body',
      () => ({ ...payload(), padding: longString }),
      'REQUEST_BODY_TOO_LARGE',
      413,
    ],
  ];

  it.each(cases)('refuses %s', async (_label, body, code, status) => {
    const response = await post(body());

    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(await counts(shopA.shopId)).toEqual({ states: 0, rollups: 0 });
  });

  it('refuses a page whose origin is not a registered domain of the shop', async () => {
    const response = await post(payload(), 'https://evil.example');

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'COLLECT_ORIGIN_NOT_ALLOWED' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(await counts(shopA.shopId)).toEqual({ states: 0, rollups: 0 });
  });

  it('refuses JSON sent as application/json (the tracker sends text/plain)', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/v1/collect',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      payload: JSON.stringify(payload()),
    });

    expect(response.statusCode).toBe(415);
  });
});

describe('POST /v1/collect stores one derived state per visitor', () => {
  it('acknowledges a valid batch after storing it, with CORS for the shop origin', async () => {
    const response = await post(payload());

    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
    const state = await withTenant(runtime, shopA.shopId, (trx) =>
      trx.selectFrom('visitor_states').selectAll().executeTakeFirstOrThrow(),
    );
    expect(state.top_archetype).toBe('deal_seeker');
    expect(state.country).toBe('GB');
    expect(state.region).toBeNull();
    expect(state.confidence).toBeCloseTo(0.42, 5);
  });

  it('counts a retried batch once', async () => {
    const body = payload();
    await post(body);
    const before = await counts(shopA.shopId);
    const retried = await post(body);

    expect(retried.statusCode).toBe(204);
    expect(await counts(shopA.shopId)).toEqual(before);
  });

  it('gives one browser id unrelated visitor keys on two shops', async () => {
    const visitorId = randomId();
    await post(payload({ visitorId }));
    await post(payload({ visitorId, siteKey: shopB.siteKey }), 'https://store-b.example');

    const keysA = await withTenant(runtime, shopA.shopId, (trx) =>
      trx.selectFrom('visitor_states').select('visitor_key').execute(),
    );
    const keysB = await withTenant(runtime, shopB.shopId, (trx) =>
      trx.selectFrom('visitor_states').select('visitor_key').execute(),
    );
    const hexA = keysA.map((row) => Buffer.from(row.visitor_key).toString('hex'));
    const hexB = keysB.map((row) => Buffer.from(row.visitor_key).toString('hex'));
    expect(hexB).toHaveLength(1);
    expect(hexA).not.toContain(hexB[0]);
    expect(hexA.join()).not.toContain(Buffer.from(visitorId).toString('hex'));
  });

  it('acknowledges a restricted visitor without processing', async () => {
    const visitorId = randomId();
    await post(payload({ visitorId }));
    await withTenant(runtime, shopA.shopId, (trx) =>
      trx
        .updateTable('visitor_states')
        .set({ restricted: true })
        .where('shop_id', '=', shopA.shopId)
        .where('top_archetype', '=', 'deal_seeker')
        .where('session_seq', '=', 1)
        .execute(),
    );
    const before = await counts(shopA.shopId);
    const response = await post(payload({ visitorId }, { seq: 2, probabilities: uniform }));

    expect(response.statusCode).toBe(204);
    expect(await counts(shopA.shopId)).toEqual(before);
  });
});

describe('no IP address is kept', () => {
  it('appears in no table and no log line', async () => {
    await post(payload(), ORIGIN, SHOPPER_IP);
    const tables = await sql<{ dump: string }>`
      SELECT string_agg(row_to_json(v)::text, ' ') AS dump FROM visitor_states v
      UNION ALL SELECT string_agg(row_to_json(r)::text, ' ') FROM hourly_rollups r
      UNION ALL SELECT string_agg(row_to_json(s)::text, ' ') FROM shops s
      UNION ALL SELECT string_agg(row_to_json(d)::text, ' ') FROM shop_domains d
    `.execute(scratch.owner(1).db);

    for (const row of tables.rows) expect(row.dump ?? '').not.toContain(SHOPPER_IP);
    for (const line of logs.lines()) expect(line).not.toContain(SHOPPER_IP);
    expect(logs.lines().some((line) => line.includes('/v1/collect'))).toBe(true);
  });
});

describe('rollups', () => {
  it('agree with the visitor states', async () => {
    for (let index = 0; index < 30; index += 1) {
      const top = ARCHETYPE_IDS[index % ARCHETYPE_IDS.length] ?? 'explorer';
      const probabilities = mapArchetypes((id) => (id === top ? 0.4 : 0.1));
      const visitorId = randomId();
      const sessionId = randomId();
      await post(
        payload({ visitorId, sessionId }, { probabilities, confidence: (index % 10) / 10 }),
      );
      if (index % 3 === 0) {
        const changed = mapArchetypes((id) => (id === 'researcher' ? 0.4 : 0.1));
        await post(payload({ visitorId, sessionId }, { seq: 2, probabilities: changed }));
      }
    }

    await withTenant(runtime, shopA.shopId, async (trx) => {
      await foldRollupDeltas(trx, shopA.shopId);
      for (const [dimension, column] of [
        ['archetype', 'top_archetype'],
        ['country', "coalesce(country, 'unknown')"],
      ] as const) {
        const fromStates = await sql<{ bucket: string; n: number }>`
          SELECT ${sql.raw(column)} AS bucket, count(*)::int AS n FROM visitor_states
          WHERE date_trunc('hour', last_seen_at) = date_trunc('hour', now())
          GROUP BY 1 ORDER BY 1`.execute(trx);
        const fromRollups = await sql<{ bucket: string; n: number }>`
          SELECT bucket, visitors AS n FROM hourly_rollups
          WHERE dimension = ${dimension} AND hour = date_trunc('hour', now()) AND visitors > 0
          ORDER BY 1`.execute(trx);
        expect(fromRollups.rows).toEqual(fromStates.rows);
      }
    });
  });
});

describe('GET /v1/config/:siteKey', () => {
  it('serves the tracker configuration with an ETag and honours If-None-Match', async () => {
    const first = await testApp.app.inject({ url: `/v1/config/${shopA.siteKey}` });
    const again = await testApp.app.inject({
      url: `/v1/config/${shopA.siteKey}`,
      headers: { 'if-none-match': String(first.headers['etag']) },
    });

    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ taxonomyVersion: TAXONOMY_VERSION });
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(again.statusCode).toBe(304);
  });

  it('answers an unknown site key with 404', async () => {
    const response = await testApp.app.inject({ url: `/v1/config/sk_${'B'.repeat(22)}` });

    expect(response.statusCode).toBe(404);
  });
});

describe('rate limits', () => {
  it('refuses a single source past its per-minute limit with 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 121; index += 1) {
      statuses.push((await post('{}', ORIGIN, '198.51.100.9')).statusCode);
    }
    const last = await post(payload(), ORIGIN, '198.51.100.9');
    const otherSource = await post(payload(), ORIGIN, '198.51.100.10');

    expect(statuses.slice(0, 120).every((status) => status === 400)).toBe(true);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(otherSource.statusCode).toBe(204);
  });
});

describe('group commit under concurrency', () => {
  it('keeps each visitor at their highest sequence number, whatever the arrival order', async () => {
    const visitors = Array.from({ length: 10 }, () => ({
      visitorId: randomId(),
      sessionId: randomId(),
    }));
    const requests = visitors.flatMap((visitor) =>
      [1, 2, 3, 4, 5].map((seq) => payload(visitor, { seq, confidence: seq / 10 })),
    );
    const shuffled = requests.sort(() => Math.random() - 0.5);

    // Distinct sources, so the per-source limit stays out of this test.
    const responses = await Promise.all(
      shuffled.map((body, index) => post(body, ORIGIN, `198.18.0.${index + 1}`)),
    );

    expect(responses.every((response) => response.statusCode === 204)).toBe(true);
    const seqs = await withTenant(runtime, shopA.shopId, (trx) =>
      trx
        .selectFrom('visitor_states')
        .select(['session_seq', 'confidence', 'sessions'])
        .where(
          'session_id',
          'in',
          visitors.map((visitor) => visitor.sessionId),
        )
        .execute(),
    );
    expect(seqs).toHaveLength(10);
    for (const row of seqs) {
      expect(row.session_seq).toBe(5);
      expect(row.confidence).toBeCloseTo(0.5, 5);
      expect(row.sessions).toBe(1);
    }
  });
});
