import { ARCHETYPE_IDS } from '@auraflow/taxonomy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountAccess } from '../accounts/register-account-routes.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import { AppError } from '../errors/error-registry.js';
import { hourOf, readRollups } from './visitor-state-repository.js';

const HOUR_MS = 3_600_000;
const DEFAULT_RANGE_MS = 7 * 24 * HOUR_MS;
/** Longest range one request may ask for: 92 days of hourly points. */
export const MAX_MIX_RANGE_MS = 92 * 24 * HOUR_MS;

export interface MixHour {
  readonly hour: string;
  readonly mix: Readonly<Record<string, number>>;
}

export interface ArchetypeMix {
  readonly shopId: string;
  readonly from: string;
  readonly to: string;
  readonly hours: readonly MixHour[];
  /** The sum of the hours' counts: a visitor active in two hours counts twice. */
  readonly totalVisitors: number;
}

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const query = request.query;
  if (typeof query !== 'object' || query === null || !(name in query)) return undefined;
  const value: unknown = Reflect.get(query, name);
  return typeof value === 'string' ? value : undefined;
}

function parseInstant(value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const parsed = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(parsed.getTime())) {
    throw new AppError('REQUEST_INVALID');
  }
  return parsed;
}

/** The requested range, hour-aligned: `from` rounds down, `to` up; at most 92 days. */
function rangeOf(request: FastifyRequest, now: Date): { from: Date; to: Date } {
  const to = parseInstant(queryValue(request, 'to'), now);
  const from = parseInstant(queryValue(request, 'from'), new Date(to.getTime() - DEFAULT_RANGE_MS));
  const alignedTo = new Date(hourOf(new Date(to.getTime() - 1)).getTime() + HOUR_MS);
  const alignedFrom = hourOf(from);
  const span = alignedTo.getTime() - alignedFrom.getTime();
  if (span <= 0 || span > MAX_MIX_RANGE_MS) throw new AppError('REQUEST_INVALID');

  return { from: alignedFrom, to: alignedTo };
}

/**
 * `GET /v1/shops/:shopId/archetype-mix?from&to`: a shop's visitors per hour by top archetype,
 * for any member of the shop. Hours without visitors are left out; every listed hour names
 * every archetype (0 where none).
 */
export function registerArchetypeMixRoutes(
  app: FastifyInstance,
  options: { readonly database: Database; readonly access: AccountAccess },
): void {
  app.get('/v1/shops/:shopId/archetype-mix', async (request) => {
    const params = request.params;
    const shopId =
      typeof params === 'object' && params !== null && 'shopId' in params ? params.shopId : '';
    const access = await options.access.requireShopRole(request, String(shopId), [
      'owner',
      'admin',
      'analyst',
    ]);
    const range = rangeOf(request, new Date());

    const points = await withTenant(options.database, access.shopId, (trx) =>
      readRollups(trx, access.shopId, 'archetype', range),
    );
    return mixOf(access.shopId, range, points);
  });
}

function mixOf(
  shopId: string,
  range: { from: Date; to: Date },
  points: ReadonlyArray<{ hour: Date; bucket: string; visitors: number }>,
): ArchetypeMix {
  const byHour = new Map<string, Record<string, number>>();
  let totalVisitors = 0;
  for (const point of points) {
    const key = point.hour.toISOString();
    const mix = byHour.get(key) ?? Object.fromEntries(ARCHETYPE_IDS.map((id) => [id, 0]));
    mix[point.bucket] = (mix[point.bucket] ?? 0) + point.visitors;
    byHour.set(key, mix);
    totalVisitors += point.visitors;
  }

  const hours = [...byHour.entries()].map(([hour, mix]) => ({ hour, mix }));
  return {
    shopId,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    hours,
    totalVisitors,
  };
}
