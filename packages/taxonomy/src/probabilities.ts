import {
  ARCHETYPE_IDS,
  type ArchetypeId,
  isArchetypeId,
  mapArchetypes,
  type Probabilities,
} from './archetypes.js';

/** Largest allowed |sum(probabilities) - 1| for a payload to be accepted (server uses it). */
export const PROBABILITY_SUM_TOLERANCE = 0.001;

// Four decimals: enough to rank and average, coarse enough not to act as a fingerprint.
const ROUNDING_UNITS = 10_000;

/** Equal probability for every archetype: the answer when nothing sensible is left. */
export function uniformProbabilities(): Probabilities {
  return mapArchetypes(() => 1 / ARCHETYPE_IDS.length);
}

/**
 * Rescales to sum 1. Entries that are not finite non-negative numbers count as 0; if nothing
 * positive remains the result is uniform. Never throws, so the tracker can call it blindly.
 */
export function normaliseProbabilities(p: Probabilities): Probabilities {
  const clean = mapArchetypes((id) => finiteNonNegative(p[id]));
  const total = ARCHETYPE_IDS.reduce((sum, id) => sum + clean[id], 0);
  if (!(total > 0) || !Number.isFinite(total)) return uniformProbabilities();

  return mapArchetypes((id) => clean[id] / total);
}

/**
 * Rounds to 4 decimals keeping the sum within tolerance (tracker uses it before sending).
 *
 * Each value is rounded to a whole number of 1/10 000 units; the units gained or lost by
 * rounding (at most 3 either way for 7 archetypes) are given to or taken from the most probable
 * archetype, which holds at least 1/7 and so cannot go negative. The rounded values add up to
 * exactly 10 000 units. The input is normalised first (see `normaliseProbabilities`).
 */
export function roundProbabilities(p: Probabilities): Probabilities {
  const normalised = normaliseProbabilities(p);
  const units = mapArchetypes((id) => Math.round(normalised[id] * ROUNDING_UNITS));
  const roundingError = ARCHETYPE_IDS.reduce((sum, id) => sum + units[id], -ROUNDING_UNITS);
  units[topArchetype(normalised)] -= roundingError;

  return mapArchetypes((id) => units[id] / ROUNDING_UNITS);
}

/** The most probable archetype; ties go to the earlier id in `ARCHETYPE_IDS`. */
export function topArchetype(p: Probabilities): ArchetypeId {
  let best: ArchetypeId = ARCHETYPE_IDS[0];
  for (const id of ARCHETYPE_IDS) {
    if (p[id] > p[best]) best = id;
  }

  return best;
}

/**
 * Checks an untrusted value (a stored prior, a payload) is a probability record of this taxonomy:
 * exactly the archetype keys, finite non-negative values, sum within `PROBABILITY_SUM_TOLERANCE`.
 */
export function isProbabilities(value: unknown): value is Probabilities {
  if (!isPlainObject(value)) return false;

  const entries: Array<[string, unknown]> = Object.entries(value);
  if (entries.length !== ARCHETYPE_IDS.length) return false;

  let total = 0;
  for (const [key, entry] of entries) {
    if (!isArchetypeId(key)) return false;
    if (typeof entry !== 'number' || !Number.isFinite(entry) || entry < 0) return false;
    total += entry;
  }

  return Math.abs(total - 1) <= PROBABILITY_SUM_TOLERANCE;
}

/** A JSON-style object: not null, not an array, no exotic prototype. */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;

  const prototype: unknown = Object.getPrototypeOf(value);

  return prototype === Object.prototype || prototype === null;
}

function finiteNonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
