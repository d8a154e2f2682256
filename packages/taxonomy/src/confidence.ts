import { ARCHETYPE_IDS, type Probabilities } from './archetypes.js';
import { cleanCount } from './features.js';
import type { SessionSignals } from './session-signals.js';

/**
 * Evidence units at which session evidence reaches 0.5. Project choice: about five pages,
 * three interactions and two minutes of active time.
 */
export const EVIDENCE_HALF_UNITS = 10;

const MS_PER_MINUTE = 60_000;

// Counters that each record one deliberate action. `priceSorts` is left out: every price sort
// is already counted in `sortChanges`.
const INTERACTION_SIGNALS = [
  'searches',
  'sortChanges',
  'priceFilters',
  'reviewReads',
  'variantChanges',
  'addToCarts',
  'cartRemovals',
  'cartViews',
] as const satisfies readonly (keyof SessionSignals)[];

/**
 * How much was observed, in units: one per page view, one per interaction (search, sort, price
 * filter, review read, variant change, cart action) and one per minute of active time.
 */
export function evidenceUnits(signals: SessionSignals): number {
  const interactions = INTERACTION_SIGNALS.reduce((sum, key) => sum + cleanCount(signals[key]), 0);

  return (
    cleanCount(signals.pageViews) + interactions + cleanCount(signals.activeMs) / MS_PER_MINUTE
  );
}

/** Evidence in [0, 1): units / (units + EVIDENCE_HALF_UNITS); 0 for an empty session. */
export function sessionEvidence(signals: SessionSignals): number {
  const units = evidenceUnits(signals);

  return units / (units + EVIDENCE_HALF_UNITS);
}

/**
 * How decided a distribution is, in [0, 1]: the mean of (1 - normalised entropy) and the margin
 * between the two largest probabilities. 0 for the uniform distribution, 1 for a certain one.
 * Entropy looks at the whole distribution, the margin at the choice a merchant acts on.
 */
export function certainty(p: Probabilities): number {
  let entropy = 0;
  let first = 0;
  let second = 0;
  for (const id of ARCHETYPE_IDS) {
    const value = p[id];
    if (value > 0) entropy -= value * Math.log(value);
    if (value > first) {
      second = first;
      first = value;
    } else if (value > second) {
      second = value;
    }
  }

  const normalisedEntropy = entropy / Math.log(ARCHETYPE_IDS.length);

  return clampUnit((1 - normalisedEntropy + (first - second)) / 2);
}

/** Confidence = evidence x certainty, clamped to [0, 1]. */
export function confidenceOf(evidence: number, p: Probabilities): number {
  return clampUnit(evidence * certainty(p));
}

/** Clamps to [0, 1]; NaN becomes 0. */
export function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}
