import { createHash } from 'node:crypto';
import { IDENTITY_CALIBRATION, TAXONOMY_VERSION } from '@auraflow/taxonomy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/error-registry.js';
import { locate } from '../geo/geo-lookup.js';
import { SITE_KEY_PATTERN } from '../shops/site-key.js';
import { MAX_COLLECT_BODY_BYTES, parseCollectPayload } from './collect-payload.js';
import type { CollectWriter } from './collect-writer.js';
import type { RollupFolder } from './rollup-folder.js';
import type { ShopDirectory } from './shop-directory.js';
import { visitorKeyFor } from './visitor-key.js';

export interface CollectOptions {
  readonly shops: ShopDirectory;
  readonly rollups: RollupFolder;
  readonly writer: CollectWriter;
  readonly trustCloudflareGeo: boolean;
  readonly limits: { readonly perSourcePerMinute: number; readonly perSiteKeyPerMinute: number };
}

/**
 * `POST /v1/collect` takes the tracker's derived scores; `GET /v1/config/:siteKey` serves the
 * shop's tracker configuration. Nothing but derived scores is accepted, and the request's IP is
 * used in memory (rate limit, country lookup) and then dropped.
 */
export async function registerCollectRoutes(
  app: FastifyInstance,
  options: CollectOptions,
): Promise<void> {
  const perSource = app.createRateLimit({
    max: options.limits.perSourcePerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `src:${request.ip}`,
  });
  // The site key is known only once the body is parsed; the limiter reads it from here.
  const siteKeyOf = new WeakMap<FastifyRequest, string>();
  const perSiteKey = app.createRateLimit({
    max: options.limits.perSiteKeyPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `site:${siteKeyOf.get(request) ?? ''}`,
  });

  app.post('/v1/collect', { bodyLimit: MAX_COLLECT_BODY_BYTES }, async (request, reply) => {
    if (exceeded(await perSource(request))) throw new AppError('RATE_LIMITED');
    if (typeof request.body !== 'string') throw new AppError('REQUEST_UNSUPPORTED_MEDIA_TYPE');

    const payload = parseCollectPayload(request.body);
    const shop = await options.shops.find(payload.siteKey);
    if (shop === null) throw new AppError('COLLECT_SITE_KEY_UNKNOWN');
    const origin = request.headers.origin;
    if (origin === undefined || !shop.origins.has(origin)) {
      throw new AppError('COLLECT_ORIGIN_NOT_ALLOWED');
    }
    allowOrigin(reply, origin);
    siteKeyOf.set(request, payload.siteKey);
    if (exceeded(await perSiteKey(request))) throw new AppError('RATE_LIMITED');

    const place = locate(request, { trustCloudflare: options.trustCloudflareGeo });
    const latest = payload.batch.at(-1);
    if (latest === undefined) throw new AppError('COLLECT_BATCH_INVALID');
    await options.writer.write({
      shopId: shop.shopId,
      visitorKey: visitorKeyFor(shop.visitorSecret, payload.visitorId),
      sessionId: payload.sessionId,
      seq: latest.seq,
      taxonomyVersion: payload.taxonomyVersion,
      probabilities: latest.probabilities,
      confidence: latest.confidence,
      country: place.country,
      region: place.region,
      at: new Date(),
    });

    // The transaction has committed: the acknowledgement follows a durable write.
    options.rollups.maybeFold(shop.shopId);
    return reply.code(204).send();
  });

  app.get('/v1/config/:siteKey', async (request, reply) => {
    const siteKey = siteKeyParam(request);
    const shop = siteKey === null ? null : await options.shops.find(siteKey);
    if (shop === null) throw new AppError('COLLECT_SITE_KEY_UNKNOWN');

    const body = JSON.stringify({
      taxonomyVersion: TAXONOMY_VERSION,
      calibration: IDENTITY_CALIBRATION,
    });
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=300')
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}

/** `isAllowed` only means "on the allow-list"; the count decides. */
function exceeded(result: { isAllowed: true } | { isAllowed: false; isExceeded: boolean }) {
  return !result.isAllowed && result.isExceeded;
}

function siteKeyParam(request: FastifyRequest): string | null {
  const params = request.params;
  if (typeof params !== 'object' || params === null || !('siteKey' in params)) return null;
  const value = params.siteKey;
  return typeof value === 'string' && SITE_KEY_PATTERN.test(value) ? value : null;
}

/** CORS for a registered storefront origin only; never `*` on the write path. */
function allowOrigin(reply: FastifyReply, origin: string): void {
  reply
    .header('access-control-allow-origin', origin)
    .header('vary', 'Origin')
    .header('cross-origin-resource-policy', 'cross-origin');
}
