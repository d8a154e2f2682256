import type { ArchetypeId, Probabilities } from '@auraflow/taxonomy';

/** What `onChange` listeners receive: the visitor's current derived state. */
export interface AuraflowSnapshot {
  archetype: ArchetypeId;
  probabilities: Probabilities;
  confidence: number;
}

/**
 * `window.auraflow`, for themes and experiences: read-only derived values. It exists only while
 * the visitor's analytics consent is given and disappears when consent is withdrawn; the
 * `auraflow:ready` document event says when it appears (the core loads asynchronously).
 */
export interface AuraflowApi {
  /** The most probable archetype, or null before the first classification. */
  archetype(): ArchetypeId | null;
  /** Probabilities over all archetypes (rounded to 4 decimals, summing to 1), or null. */
  probabilities(): Probabilities | null;
  /** How sure the classification is, from 0 to 1, or null. */
  confidence(): number | null;
  /**
   * Calls `listener` when the top archetype or the confidence changes meaningfully.
   * Returns a function that removes the listener.
   */
  onChange(listener: (snapshot: AuraflowSnapshot) => void): () => void;
}

/** Fired on `document` once `window.auraflow` exists. */
export const READY_EVENT = 'auraflow:ready';
