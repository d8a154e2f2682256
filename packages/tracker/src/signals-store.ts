import { type Classification, emptySignals, type SessionSignals } from '@auraflow/taxonomy';
import { isClassification } from './derived-state.js';
import { DERIVED_KEY, readStored, SESSION_KEY, writeStored } from './device-storage.js';
import { randomId } from './identity.js';
import { isRecord } from './page-globals.js';

/**
 * Everything the tracker keeps for the current browsing session. It lives in memory and in
 * sessionStorage only (the browser drops it with the tab); none of it is ever sent.
 */
export interface SessionState {
  /** Session id: 22 base64url characters, new for every browsing session. */
  id: string;
  /** The last sequence number given to a score; scores are numbered from 1 per session. */
  seq: number;
  signals: SessionSignals;
  /** Product ids viewed this session, only to count distinct products. */
  products: string[];
  /** The returning visitor's derived state as it was when this session began. */
  prior: Classification | null;
}

/**
 * The current session's state, or a fresh session when there is none. `returning` says
 * whether a visitor cookie existed before this session began; it is fixed at session start.
 */
export function loadSession(returning: boolean): SessionState {
  const stored = readStored(false, SESSION_KEY);
  if (isSessionState(stored)) return stored;

  return {
    id: randomId(),
    seq: 0,
    signals: { ...emptySignals(), returning },
    products: [],
    prior: loadDerivedState(),
  };
}

export function saveSession(state: SessionState): void {
  writeStored(false, SESSION_KEY, state);
}

/** The last derived state of this visitor (probabilities and confidence, nothing else). */
export function loadDerivedState(): Classification | null {
  const stored = readStored(true, DERIVED_KEY);

  return isClassification(stored) ? stored : null;
}

/** Keeps the derived state for the visitor's next session; `state` holds nothing else. */
export function saveDerivedState(state: Classification): void {
  writeStored(true, DERIVED_KEY, state);
}

// Storage belongs to the page, so what comes back may have been edited. The shapes that the
// tracker dereferences are checked; odd counter values are not, because the classifier
// already treats non-finite or negative counters as zero.
function isSessionState(value: unknown): value is SessionState {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.seq === 'number' &&
    isRecord(value.signals) &&
    Array.isArray(value.products) &&
    (value.prior === null || isClassification(value.prior))
  );
}
