import {
  isProbabilities,
  mapArchetypes,
  type Probabilities,
  TAXONOMY_VERSION,
} from '@auraflow/taxonomy';
import { AppError, type ErrorCode } from '../errors/error-registry.js';
import { SITE_KEY_PATTERN } from '../shops/site-key.js';

/** What the tracker may send: derived scores only. Any other key is refused. */
export interface CollectPayload {
  readonly siteKey: string;
  readonly visitorId: string;
  readonly sessionId: string;
  readonly taxonomyVersion: string;
  readonly batch: readonly ScoreSnapshot[];
}

export interface ScoreSnapshot {
  readonly seq: number;
  readonly probabilities: Probabilities;
  readonly confidence: number;
}

export const MAX_BATCH_ITEMS = 20;
export const MAX_COLLECT_BODY_BYTES = 4096;
export const SUPPORTED_TAXONOMY_VERSIONS: readonly string[] = [TAXONOMY_VERSION];

const RANDOM_ID = /^[A-Za-z0-9_-]{22}$/;
const PAYLOAD_KEYS = ['siteKey', 'visitorId', 'sessionId', 'taxonomyVersion', 'batch'];
const SNAPSHOT_KEYS = ['seq', 'probabilities', 'confidence'];

function refuse(code: ErrorCode): never {
  throw new AppError(code);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertExactKeys(value: Record<string, unknown>, allowed: readonly string[]): void {
  const keys = Object.keys(value);
  if (keys.some((key) => !allowed.includes(key))) refuse('COLLECT_FIELD_NOT_ALLOWED');
  if (allowed.some((key) => !Object.hasOwn(value, key))) refuse('COLLECT_FIELD_MISSING');
}

/**
 * Parses and checks a collect body strictly: exactly the allowed keys at every level, ids of the
 * right form, a known taxonomy version, probabilities over exactly the taxonomy's archetypes
 * that are finite, within [0, 1] and sum to 1 within PROBABILITY_SUM_TOLERANCE, a confidence in
 * [0, 1], and sequence numbers strictly increasing. Throws an AppError with the first problem.
 */
export function parseCollectPayload(body: string): CollectPayload {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    refuse('REQUEST_MALFORMED_JSON');
  }
  if (!isRecord(value)) refuse('REQUEST_INVALID');
  assertExactKeys(value, PAYLOAD_KEYS);

  const { siteKey, visitorId, sessionId, taxonomyVersion, batch } = value;
  if (typeof siteKey !== 'string' || !SITE_KEY_PATTERN.test(siteKey))
    refuse('COLLECT_SITE_KEY_INVALID');
  if (typeof visitorId !== 'string' || !RANDOM_ID.test(visitorId)) refuse('COLLECT_ID_INVALID');
  if (typeof sessionId !== 'string' || !RANDOM_ID.test(sessionId)) refuse('COLLECT_ID_INVALID');
  if (
    typeof taxonomyVersion !== 'string' ||
    !SUPPORTED_TAXONOMY_VERSIONS.includes(taxonomyVersion)
  ) {
    refuse('COLLECT_TAXONOMY_VERSION_UNKNOWN');
  }
  if (!Array.isArray(batch) || batch.length === 0 || batch.length > MAX_BATCH_ITEMS) {
    refuse('COLLECT_BATCH_INVALID');
  }

  const snapshots = batch.map(parseSnapshot);
  assertIncreasing(snapshots);
  return { siteKey, visitorId, sessionId, taxonomyVersion, batch: snapshots };
}

function parseSnapshot(item: unknown): ScoreSnapshot {
  if (!isRecord(item)) refuse('COLLECT_BATCH_INVALID');
  assertExactKeys(item, SNAPSHOT_KEYS);

  const { seq, probabilities, confidence } = item;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || seq > 2_000_000_000) {
    refuse('COLLECT_BATCH_INVALID');
  }
  if (!isUnitInterval(confidence)) refuse('COLLECT_CONFIDENCE_INVALID');
  return { seq, probabilities: parseProbabilities(probabilities), confidence };
}

function isUnitInterval(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** The taxonomy's own check: exactly its archetypes, finite, non-negative, summing to 1. */
function parseProbabilities(value: unknown): Probabilities {
  if (!isProbabilities(value)) refuse('COLLECT_PROBABILITIES_INVALID');
  return mapArchetypes((id) => value[id]);
}

function assertIncreasing(snapshots: readonly ScoreSnapshot[]): void {
  for (let index = 1; index < snapshots.length; index += 1) {
    const previous = snapshots[index - 1];
    const current = snapshots[index];
    if (previous !== undefined && current !== undefined && current.seq <= previous.seq) {
      refuse('COLLECT_BATCH_INVALID');
    }
  }
}
