/** Version of the published taxonomy; sent with every score so the server can tell models apart. */
export const TAXONOMY_VERSION = '2026-12';

/**
 * The archetypes of taxonomy `2026-12`, in their canonical order. The order matters: ties in
 * `topArchetype` go to the earlier id, and every record keyed by archetype lists them this way.
 */
export const ARCHETYPE_IDS = [
  'deal_seeker',
  'researcher',
  'impulse_buyer',
  'social_proof_seeker',
  'loyalist',
  'explorer',
  'overwhelmed',
] as const;

export type ArchetypeId = (typeof ARCHETYPE_IDS)[number];

/** One probability per archetype; a valid value is non-negative and sums to 1. */
export type Probabilities = Readonly<Record<ArchetypeId, number>>;

/** One unnormalised log-score per archetype, before the softmax. */
export type Logits = Readonly<Record<ArchetypeId, number>>;

/** Builds a record with one entry per archetype, keyed in the canonical order. */
export function mapArchetypes<T>(entryFor: (id: ArchetypeId) => T): Record<ArchetypeId, T> {
  // Every id of ARCHETYPE_IDS gets its entry, so the record is complete; the cast states what
  // Object.fromEntries cannot type (a smaller bundle than writing out each key).
  return Object.fromEntries(ARCHETYPE_IDS.map((id) => [id, entryFor(id)])) as Record<
    ArchetypeId,
    T
  >;
}

/** Narrows a string to an archetype id of this taxonomy version. */
export function isArchetypeId(value: unknown): value is ArchetypeId {
  return ARCHETYPE_IDS.some((id) => id === value);
}
