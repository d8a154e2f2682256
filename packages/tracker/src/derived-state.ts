import {
  ARCHETYPE_IDS,
  type Classification,
  roundProbabilities,
  topArchetype,
} from '@auraflow/taxonomy';
import { isRecord } from './page-globals.js';

/**
 * A change in confidence this large is worth telling the server and the theme about even when
 * the top archetype stays the same. Smaller drifts wait for the page to be hidden.
 */
const MEANINGFUL_CONFIDENCE_CHANGE = 0.05;

/**
 * The classification as it may leave the pipeline: exactly `probabilities` (rounded the way
 * the server expects) and `confidence` (to the same four decimals). The probabilities are
 * frozen: the public API hands them to themes, and they are also what the tracker sends.
 */
export function toDerivedState(classification: Classification): Classification {
  return {
    probabilities: Object.freeze(roundProbabilities(classification.probabilities)),
    confidence: Math.round(classification.confidence * 1e4) / 1e4,
  };
}

/** True when the top archetype differs or the confidence moved by a meaningful amount. */
export function changedMeaningfully(before: Classification | null, after: Classification): boolean {
  return (
    !before ||
    topArchetype(before.probabilities) !== topArchetype(after.probabilities) ||
    Math.abs(before.confidence - after.confidence) >= MEANINGFUL_CONFIDENCE_CHANGE
  );
}

/**
 * Checks a derived state read back from storage: storage belongs to the page, so anything
 * there may have been edited.
 */
export function isClassification(value: unknown): value is Classification {
  if (!isRecord(value) || typeof value.confidence !== 'number') return false;

  const probabilities = value.probabilities;

  return (
    isRecord(probabilities) && ARCHETYPE_IDS.every((id) => typeof probabilities[id] === 'number')
  );
}
