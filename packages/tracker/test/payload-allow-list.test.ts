import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptConsent,
  launchChromium,
  type Storefront,
  startStorefront,
  waitForScores,
} from './support/browser.js';
import { Shopper } from './support/shopper.js';
import { waitUntil } from './support/wait.js';

// The trust boundary: only derived scores may leave the browser. Every request the page makes
// is captured; the ones to the API must be the tracker files, the shop's config and collect
// bodies of exactly the allowed shape, with no cookie, no referrer and no CORS preflight.

const ARCHETYPE_IDS = [
  'deal_seeker',
  'researcher',
  'impulse_buyer',
  'social_proof_seeker',
  'loyalist',
  'explorer',
  'overwhelmed',
];
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SITE_KEY = 'allow-list-shop';

let browser: Browser;
let store: Storefront;
const requests: Request[] = [];

beforeAll(async () => {
  store = await startStorefront({ siteKey: SITE_KEY });
  browser = await launchChromium();

  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request));
  const shopper = new Shopper(page, store.shop.origin);
  await shopper.visit('/');
  await acceptConsent(page);
  await waitForScores(page);
  await shopper.follow('#nav-sale');
  await shopper.choose('#sort', 'price-ascending');
  await shopper.enter('#price-max', '50');
  await shopper.follow('#product-link-p2');
  await shopper.click('#variant-green');
  await shopper.readReviews(3);
  await shopper.follow('#add-to-cart');
  await shopper.click('.remove');
  await shopper.visit('/search?q=private+words');
  await waitForScores(page);
  await page.goto('about:blank');
  await waitUntil(() => collectBodies().length > 1, 'the scores sent on leaving');
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
});

function collectBodies(): unknown[] {
  return store.api.requests
    .filter((request) => request.method === 'POST')
    .map((request) => JSON.parse(request.body));
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? { ...value } : {};
}

function keysOf(value: unknown): string[] {
  return Object.keys(fieldsOf(value)).sort();
}

describe('what leaves the browser', () => {
  it('goes only to the shop itself and to the API', () => {
    const origins = new Set(requests.map((request) => new URL(request.url()).origin));
    origins.delete('null');

    expect([...origins].sort()).toEqual([store.api.origin, store.shop.origin].sort());
  });

  it('reaches the API as tracker files, the shop config and collect posts, nothing else', () => {
    const { loader, core } = store.build.manifest;
    const allowed = new Set([
      `GET /t/${loader.file}`,
      `GET /t/${core.file}`,
      `GET /v1/config/${SITE_KEY}`,
      'POST /v1/collect',
    ]);
    const seen = store.api.requests.map((request) => `${request.method} ${request.path}`);

    expect(seen.filter((line) => !allowed.has(line))).toEqual([]);
    expect(new Set(seen)).toEqual(allowed);
  });

  it('carries no cookie, no referrer and no query string, and needs no CORS preflight', () => {
    expect(store.api.requests.length).toBeGreaterThan(3);
    for (const request of store.api.requests) {
      expect(request.method).not.toBe('OPTIONS');
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
      expect(request.path).not.toContain('?');
    }
  });

  it('posts collect bodies as text/plain with exactly the allowed keys at every level', () => {
    const posts = store.api.requests.filter((request) => request.method === 'POST');
    expect(posts.length).toBeGreaterThan(1);

    for (const post of posts) {
      expect(post.headers['content-type']).toBe('text/plain;charset=UTF-8');

      const body = fieldsOf(JSON.parse(post.body));
      expect(keysOf(body)).toEqual(
        ['batch', 'sessionId', 'siteKey', 'taxonomyVersion', 'visitorId'].sort(),
      );
      expect(body).toMatchObject({ siteKey: SITE_KEY, taxonomyVersion: '2026-12' });
      expect(body.visitorId).toMatch(ID_PATTERN);
      expect(body.sessionId).toMatch(ID_PATTERN);
      expect(Array.isArray(body.batch)).toBe(true);
      const batch: unknown[] = Array.isArray(body.batch) ? body.batch : [];
      expect(batch.length).toBeGreaterThanOrEqual(1);
      expect(batch.length).toBeLessThanOrEqual(20);

      let previousSeq = 0;
      for (const item of batch) {
        expect(keysOf(item)).toEqual(['confidence', 'probabilities', 'seq']);
        const { seq, probabilities, confidence } = fieldsOf(item);

        expect(Number.isInteger(seq)).toBe(true);
        expect(seq).toBeGreaterThan(previousSeq);
        previousSeq = Number(seq);
        expect(keysOf(probabilities)).toEqual([...ARCHETYPE_IDS].sort());
        const values = Object.values(fieldsOf(probabilities)).map(Number);
        for (const value of values) expect(value).toBeGreaterThanOrEqual(0);
        const sum = values.reduce((total, value) => total + value, 0);
        expect(Math.abs(sum - 1)).toBeLessThanOrEqual(0.001);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps one visitor id and one session id for the whole visit', () => {
    const bodies = collectBodies().map(fieldsOf);
    const visitorIds = new Set(bodies.map((body) => body.visitorId));
    const sessionIds = new Set(bodies.map((body) => body.sessionId));

    expect(visitorIds.size).toBe(1);
    expect(sessionIds.size).toBe(1);
    expect([...visitorIds][0]).not.toBe([...sessionIds][0]);
  });

  it('holds no string but the site key, the two random ids and the taxonomy version', () => {
    // Whatever the shopper did (products, pages, queries) could only travel as a string.
    const strings = collectBodies().flatMap(function stringsIn(value: unknown): string[] {
      if (typeof value === 'string') return [value];
      if (typeof value !== 'object' || value === null) return [];
      return Object.values(value).flatMap(stringsIn);
    });

    expect(strings.length).toBeGreaterThan(0);
    for (const text of strings) {
      expect(text === SITE_KEY || text === '2026-12' || ID_PATTERN.test(text)).toBe(true);
    }
  });
});
