import { ARCHETYPE_IDS, type ArchetypeId } from '@auraflow/taxonomy';

/**
 * Display names of the archetypes. Kept here rather than imported from the taxonomy's catalog,
 * whose research prose would otherwise ship in the dashboard bundle; the Record type makes the
 * compiler ask for a name whenever the taxonomy gains an archetype.
 */
export const ARCHETYPE_NAMES: Readonly<Record<ArchetypeId, string>> = {
  deal_seeker: 'Deal seeker',
  researcher: 'Researcher',
  impulse_buyer: 'Impulse buyer',
  social_proof_seeker: 'Social-proof seeker',
  loyalist: 'Loyalist',
  explorer: 'Explorer',
  overwhelmed: 'Overwhelmed',
};

/** The taxonomy's order, which the chart's stacking and legend follow. */
export const ARCHETYPE_ORDER: readonly ArchetypeId[] = ARCHETYPE_IDS;

export type { ArchetypeId };
