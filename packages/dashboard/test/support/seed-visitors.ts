import { randomBytes } from 'node:crypto';
import {
  ARCHETYPE_IDS,
  type ArchetypeId,
  mapArchetypes,
  TAXONOMY_VERSION,
} from '@auraflow/taxonomy';
import {
  foldRollupDeltas,
  type Observation,
  recordObservations,
} from '../../../server/src/collect/visitor-state-repository.js';
import type { Database } from '../../../server/src/db/database.js';
import { withTenant } from '../../../server/src/db/tenant.js';

const TOP_PROBABILITY = 0.55;

export interface SeededVisitor {
  readonly archetype: ArchetypeId;
  readonly at: Date;
}

/**
 * Stores visitors' derived states and folds the hourly rollups through the server's own
 * repository functions, in the shop's tenant context as the runtime role, exactly as the collect
 * path does after validating a batch; only the timestamps are chosen by the test, to spread the
 * visitors over past days.
 */
export async function seedVisitors(
  database: Database,
  shopId: string,
  visitors: readonly SeededVisitor[],
): Promise<void> {
  const observations = visitors.map((visitor) => observationOf(shopId, visitor));
  await withTenant(database, shopId, (trx) => recordObservations(trx, shopId, observations));
  await withTenant(database, shopId, (trx) => foldRollupDeltas(trx, shopId));
}

function observationOf(shopId: string, visitor: SeededVisitor): Observation {
  // The visitor's archetype leads; the rest share what is left, summing to 1.
  const others = (1 - TOP_PROBABILITY) / (ARCHETYPE_IDS.length - 1);

  return {
    shopId,
    visitorKey: randomBytes(32),
    sessionId: randomBytes(16).toString('base64url').slice(0, 22),
    seq: 0,
    taxonomyVersion: TAXONOMY_VERSION,
    probabilities: mapArchetypes((id) => (id === visitor.archetype ? TOP_PROBABILITY : others)),
    confidence: 0.7,
    country: 'GB',
    region: null,
    at: visitor.at,
  };
}
