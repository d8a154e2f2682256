/** The archetype taxonomy; filled in by the taxonomy work. */
export const taxonomyPackage = '@auraflow/taxonomy';
