import { type Probabilities, topArchetype } from '@auraflow/taxonomy';
import { sql } from 'kysely';
import type { RollupDimension } from '../db/schema.js';
import type { TenantTransaction } from '../db/tenant.js';

export interface Observation {
  readonly shopId: string;
  readonly visitorKey: Buffer;
  readonly sessionId: string;
  readonly seq: number;
  readonly taxonomyVersion: string;
  readonly probabilities: Probabilities;
  readonly confidence: number;
  readonly country: string | null;
  readonly region: string | null;
  readonly at: Date;
}

/** `recorded`: stored; `stale`: an older or repeated snapshot; `restricted`: not processed. */
export type ObservationOutcome = 'recorded' | 'stale' | 'restricted';

type Buckets = Readonly<Record<RollupDimension, string>>;

const DIMENSIONS: readonly RollupDimension[] = ['archetype', 'confidence', 'country'];

/** Confidence bands of the rollups: 0-20, 20-40, 40-60, 60-80, 80-100 (percent). */
export function confidenceBand(confidence: number): string {
  const lower = Math.min(4, Math.floor(confidence * 5)) * 20;
  return `${lower}-${lower + 20}`;
}

export function hourOf(at: Date): Date {
  const hour = new Date(at);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

function bucketsOf(top: string, confidence: number, country: string | null): Buckets {
  return { archetype: top, confidence: confidenceBand(confidence), country: country ?? 'unknown' };
}

/**
 * Records a visitor's latest derived state and keeps the hourly rollups in step, in the caller's
 * tenant transaction. A visitor counts once per hour, in one bucket per dimension: their latest
 * state that hour. Repeated or out-of-order snapshots (a retried batch) change nothing.
 */
export async function recordObservation(
  trx: TenantTransaction,
  observation: Observation,
): Promise<ObservationOutcome> {
  const previous = await trx
    .selectFrom('visitor_states')
    .select(['restricted', 'session_id', 'session_seq', 'top_archetype', 'confidence'])
    .select(['country', 'last_seen_at'])
    .where('shop_id', '=', observation.shopId)
    .where('visitor_key', '=', observation.visitorKey)
    .forUpdate()
    .executeTakeFirst();

  if (previous?.restricted === true) return 'restricted';
  const sameSession = previous?.session_id === observation.sessionId;
  if (previous !== undefined && sameSession && observation.seq <= previous.session_seq) {
    return 'stale';
  }

  const top = topArchetype(observation.probabilities);
  await upsertState(trx, observation, top, !sameSession);

  const hour = hourOf(observation.at);
  const next = bucketsOf(top, observation.confidence, observation.country);
  const seenThisHour =
    previous !== undefined && hourOf(previous.last_seen_at).getTime() === hour.getTime();
  const before = seenThisHour
    ? bucketsOf(previous.top_archetype, previous.confidence, previous.country)
    : null;
  await moveRollups(trx, observation.shopId, hour, before, next);

  return 'recorded';
}

async function upsertState(
  trx: TenantTransaction,
  observation: Observation,
  top: string,
  newSession: boolean,
): Promise<void> {
  const values = {
    taxonomy_version: observation.taxonomyVersion,
    probabilities: JSON.stringify(observation.probabilities),
    top_archetype: top,
    confidence: observation.confidence,
    country: observation.country,
    region: observation.region,
    session_id: observation.sessionId,
    session_seq: observation.seq,
    last_seen_at: observation.at,
  };

  await trx
    .insertInto('visitor_states')
    .values({
      shop_id: observation.shopId,
      visitor_key: observation.visitorKey,
      first_seen_at: observation.at,
      ...values,
    })
    .onConflict((conflict) =>
      conflict.columns(['shop_id', 'visitor_key']).doUpdateSet({
        ...values,
        sessions: newSession ? sql`visitor_states.sessions + 1` : sql`visitor_states.sessions`,
      }),
    )
    .execute();
}

async function moveRollups(
  trx: TenantTransaction,
  shopId: string,
  hour: Date,
  before: Buckets | null,
  after: Buckets,
): Promise<void> {
  for (const dimension of DIMENSIONS) {
    const from = before?.[dimension] ?? null;
    const to = after[dimension];
    if (from === to) continue;

    if (from !== null) await addToBucket(trx, shopId, hour, dimension, from, -1);
    await addToBucket(trx, shopId, hour, dimension, to, 1);
  }
}

async function addToBucket(
  trx: TenantTransaction,
  shopId: string,
  hour: Date,
  dimension: RollupDimension,
  bucket: string,
  delta: 1 | -1,
): Promise<void> {
  await trx
    .insertInto('hourly_rollups')
    .values({ shop_id: shopId, hour, dimension, bucket, visitors: Math.max(0, delta) })
    .onConflict((conflict) =>
      conflict
        .columns(['shop_id', 'hour', 'dimension', 'bucket'])
        .doUpdateSet({ visitors: sql`greatest(0, hourly_rollups.visitors + ${delta})` }),
    )
    .execute();
}

export interface MixPoint {
  readonly hour: Date;
  readonly bucket: string;
  readonly visitors: number;
}

/** One dimension of a shop's rollups over a time range, hour by hour. */
export async function readRollups(
  trx: TenantTransaction,
  shopId: string,
  dimension: RollupDimension,
  range: { from: Date; to: Date },
): Promise<MixPoint[]> {
  const rows = await trx
    .selectFrom('hourly_rollups')
    .select(['hour', 'bucket', 'visitors'])
    .where('shop_id', '=', shopId)
    .where('dimension', '=', dimension)
    .where('hour', '>=', range.from)
    .where('hour', '<', range.to)
    .where('visitors', '>', 0)
    .orderBy('hour')
    .orderBy('bucket')
    .execute();
  return rows.map((row) => ({
    hour: new Date(row.hour),
    bucket: row.bucket,
    visitors: row.visitors,
  }));
}
