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

/**
 * Builds a record with one entry per archetype. Written out key by key so the compiler proves
 * that every archetype is present, without a cast.
 */
export function mapArchetypes<T>(entryFor: (id: ArchetypeId) => T): Record<ArchetypeId, T> {
  return {
    deal_seeker: entryFor('deal_seeker'),
    researcher: entryFor('researcher'),
    impulse_buyer: entryFor('impulse_buyer'),
    social_proof_seeker: entryFor('social_proof_seeker'),
    loyalist: entryFor('loyalist'),
    explorer: entryFor('explorer'),
    overwhelmed: entryFor('overwhelmed'),
  };
}

/** Narrows a string to an archetype id of this taxonomy version. */
export function isArchetypeId(value: unknown): value is ArchetypeId {
  return ARCHETYPE_IDS.some((id) => id === value);
}
