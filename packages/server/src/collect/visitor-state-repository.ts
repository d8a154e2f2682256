import { type Probabilities, topArchetype } from '@auraflow/taxonomy';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { RollupDeltasTable, RollupDimension, VisitorStatesTable } from '../db/schema.js';
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
function confidenceBand(confidence: number): string {
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

/** What the batch needs of a stored state: enough to detect stale snapshots and move buckets. */
interface StoredState {
  readonly restricted: boolean;
  readonly sessionId: string;
  readonly seq: number;
  readonly sessions: number;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  readonly buckets: Buckets;
}

type StateRow = Insertable<VisitorStatesTable>;
type DeltaRow = Insertable<RollupDeltasTable>;

/**
 * Records visitors' latest derived states and keeps the hourly rollups in step, in the caller's
 * tenant transaction, with three statements for the whole batch: lock and read the stored
 * states, upsert the new ones, append the rollup moves. A visitor counts once per hour, in one
 * bucket per dimension: their latest state that hour. Repeated or out-of-order snapshots (a
 * retried batch) change nothing; a restricted visitor is not processed.
 */
export async function recordObservations(
  trx: TenantTransaction,
  shopId: string,
  observations: readonly Observation[],
): Promise<ObservationOutcome[]> {
  const states = await lockStates(trx, shopId, observations);
  const upserts = new Map<string, StateRow>();
  const deltas: DeltaRow[] = [];

  const outcomes = observations.map((observation) => {
    const key = observation.visitorKey.toString('hex');
    const previous = states.get(key);
    const outcome = judge(previous, observation);
    if (outcome !== 'recorded') return outcome;

    const next = nextState(previous, observation);
    states.set(key, next);
    upserts.set(key, stateRow(shopId, observation, next));
    deltas.push(...bucketMoves(shopId, previous, next));
    return outcome;
  });

  await upsertStates(trx, [...upserts.values()]);
  if (deltas.length > 0) await trx.insertInto('rollup_deltas').values(deltas).execute();
  return outcomes;
}

async function lockStates(
  trx: TenantTransaction,
  shopId: string,
  observations: readonly Observation[],
): Promise<Map<string, StoredState>> {
  const keys = observations.map((observation) => observation.visitorKey);
  await lockVisitors(trx, keys);
  const rows = await trx
    .selectFrom('visitor_states')
    .select(['visitor_key', 'restricted', 'session_id', 'session_seq', 'sessions'])
    .select(['top_archetype', 'confidence', 'country', 'first_seen_at', 'last_seen_at'])
    .where('shop_id', '=', shopId)
    .where('visitor_key', 'in', keys)
    .orderBy('visitor_key')
    .forUpdate()
    .execute();

  return new Map(
    rows.map((row) => [
      Buffer.from(row.visitor_key).toString('hex'),
      {
        restricted: row.restricted,
        sessionId: row.session_id,
        seq: row.session_seq,
        sessions: row.sessions,
        firstSeenAt: new Date(row.first_seen_at),
        lastSeenAt: new Date(row.last_seen_at),
        buckets: bucketsOf(row.top_archetype, row.confidence, row.country),
      },
    ]),
  );
}

/** Advisory-lock namespace of visitor states (the first key of the two-key form). */
const VISITOR_LOCK_CLASS = 7214;

/**
 * Row locks cannot cover a visitor who has no row yet: two transactions could both see "new",
 * and the second insert would overwrite the first. A transaction-scoped advisory lock per visitor
 * (32 bits of the key; a collision only makes two visitors wait for each other), taken in sorted
 * order so that batches never deadlock, serialises writers of the same visitor across processes.
 */
async function lockVisitors(trx: TenantTransaction, keys: readonly Buffer[]): Promise<void> {
  const ids = [...new Set(keys.map((key) => key.readInt32BE(0)))].sort((a, b) => a - b);
  await sql`
    SELECT pg_advisory_xact_lock(${VISITOR_LOCK_CLASS}, id)
    FROM unnest(${ids}::integer[]) AS id ORDER BY id
  `.execute(trx);
}

function judge(previous: StoredState | undefined, observation: Observation): ObservationOutcome {
  if (previous === undefined) return 'recorded';
  if (previous.restricted) return 'restricted';
  const sameSession = previous.sessionId === observation.sessionId;
  return sameSession && observation.seq <= previous.seq ? 'stale' : 'recorded';
}

function nextState(previous: StoredState | undefined, observation: Observation): StoredState {
  const newSession = previous?.sessionId !== observation.sessionId;
  const top = topArchetype(observation.probabilities);
  return {
    restricted: false,
    sessionId: observation.sessionId,
    seq: observation.seq,
    sessions: (previous?.sessions ?? 0) + (newSession ? 1 : 0),
    firstSeenAt: previous?.firstSeenAt ?? observation.at,
    lastSeenAt: observation.at,
    buckets: bucketsOf(top, observation.confidence, observation.country),
  };
}

function stateRow(shopId: string, observation: Observation, next: StoredState): StateRow {
  return {
    shop_id: shopId,
    visitor_key: observation.visitorKey,
    taxonomy_version: observation.taxonomyVersion,
    probabilities: JSON.stringify(observation.probabilities),
    top_archetype: next.buckets.archetype,
    confidence: observation.confidence,
    country: observation.country,
    region: observation.region,
    session_id: next.sessionId,
    session_seq: next.seq,
    sessions: next.sessions,
    first_seen_at: next.firstSeenAt,
    last_seen_at: next.lastSeenAt,
  };
}

async function upsertStates(trx: TenantTransaction, rows: readonly StateRow[]): Promise<void> {
  if (rows.length === 0) return;

  await trx
    .insertInto('visitor_states')
    .values([...rows])
    .onConflict((conflict) =>
      conflict.columns(['shop_id', 'visitor_key']).doUpdateSet((eb) => ({
        taxonomy_version: eb.ref('excluded.taxonomy_version'),
        probabilities: eb.ref('excluded.probabilities'),
        top_archetype: eb.ref('excluded.top_archetype'),
        confidence: eb.ref('excluded.confidence'),
        country: eb.ref('excluded.country'),
        region: eb.ref('excluded.region'),
        session_id: eb.ref('excluded.session_id'),
        session_seq: eb.ref('excluded.session_seq'),
        sessions: eb.ref('excluded.sessions'),
        last_seen_at: eb.ref('excluded.last_seen_at'),
      })),
    )
    .execute();
}

/** The bucket moves from the previous state (if seen this same hour) to the next one. */
function bucketMoves(
  shopId: string,
  previous: StoredState | undefined,
  next: StoredState,
): DeltaRow[] {
  const hour = hourOf(next.lastSeenAt);
  const sameHour =
    previous !== undefined && hourOf(previous.lastSeenAt).getTime() === hour.getTime();
  const before = sameHour ? previous.buckets : null;

  return DIMENSIONS.flatMap((dimension): DeltaRow[] => {
    const from = before?.[dimension] ?? null;
    const to = next.buckets[dimension];
    if (from === to) return [];

    const enter: DeltaRow = { shop_id: shopId, hour, dimension, bucket: to, change: 1 };
    if (from === null) return [enter];
    return [{ shop_id: shopId, hour, dimension, bucket: from, change: -1 }, enter];
  });
}

/**
 * Folds the shop's pending rollup moves into hourly_rollups in one statement. A move out of a
 * bucket always commits after the move into it (both are made under the visitor's row lock), so
 * any snapshot that sees the first sees the second and no count goes below zero.
 */
export async function foldRollupDeltas(trx: TenantTransaction, shopId: string): Promise<void> {
  await sql`
    WITH moved AS (
      DELETE FROM rollup_deltas WHERE shop_id = ${shopId}
      RETURNING hour, dimension, bucket, change
    ), summed AS (
      SELECT hour, dimension, bucket, sum(change)::integer AS change
      FROM moved GROUP BY hour, dimension, bucket
    )
    INSERT INTO hourly_rollups (shop_id, hour, dimension, bucket, visitors)
    SELECT ${shopId}::uuid, hour, dimension, bucket, change FROM summed
    ON CONFLICT (shop_id, hour, dimension, bucket)
    DO UPDATE SET visitors = hourly_rollups.visitors + EXCLUDED.visitors
  `.execute(trx);
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
  await foldRollupDeltas(trx, shopId);
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
