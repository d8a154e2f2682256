import { describe, expect, it } from 'vitest';
import {
  ARCHETYPE_CATALOG,
  ARCHETYPE_IDS,
  DEFAULT_MODEL,
  emptySignals,
  FEATURE_NAMES,
  LITERATURE,
  TAXONOMY_VERSION,
} from '../src/index.js';

// The starting points of the shopper-archetype literature the taxonomy was asked to build on.
const REQUIRED_WORKS = [
  'Kahneman 1979',
  'Tversky 1992',
  'Thaler 1985',
  'Laibson 1997',
  'Schwartz 2002',
  'Iyengar 2000',
  'Cialdini 1984',
  'Samuelson 1988',
  'McAlister 1982',
  'Moe 2003',
  'Montgomery 2004',
];

const { archetypes } = ARCHETYPE_CATALOG;
const signalNames = Object.keys(emptySignals());

describe('the archetype catalog', () => {
  it('is published for this taxonomy version', () => {
    expect(ARCHETYPE_CATALOG.version).toBe(TAXONOMY_VERSION);
  });

  it('covers exactly the archetype ids, each under its own id', () => {
    expect(Object.keys(archetypes)).toEqual([...ARCHETYPE_IDS]);
    for (const id of ARCHETYPE_IDS) expect(archetypes[id].id).toBe(id);
  });

  it.each(ARCHETYPE_IDS)('describes %s fully: definition, sources, suggestions', (id) => {
    const entry = archetypes[id];

    expect(entry.name.length).toBeGreaterThan(0);
    expect(entry.definition.length).toBeGreaterThan(100);
    expect(entry.sources.length).toBeGreaterThan(0);
    for (const { source, supports } of entry.sources) {
      expect(source.title.length).toBeGreaterThan(0);
      expect(source.year).toBeGreaterThan(1900);
      expect(supports.length).toBeGreaterThan(0);
    }
    expect(entry.modellingChoices.length).toBeGreaterThan(0);
    expect(entry.merchantSuggestions.length).toBeGreaterThan(0);
  });

  it.each(ARCHETYPE_IDS)('names only real session signals and features for %s', (id) => {
    for (const indicator of archetypes[id].indicators) {
      for (const signal of indicator.signals) expect(signalNames).toContain(signal);
      expect(FEATURE_NAMES).toContain(indicator.feature);
    }
  });

  it.each(ARCHETYPE_IDS)(
    'documents every weight the default model gives %s, with its sign',
    (id) => {
      const documented = archetypes[id].indicators.map(
        ({ feature, effect }) => `${feature}:${effect}`,
      );
      const weights = DEFAULT_MODEL.weights[id];
      const modelled = FEATURE_NAMES.filter((name) => (weights[name] ?? 0) !== 0).map(
        (name) => `${name}:${(weights[name] ?? 0) > 0 ? 'raises' : 'lowers'}`,
      );

      expect(documented.sort()).toEqual(modelled.sort());
    },
  );

  it('cites every starting work of the literature somewhere', () => {
    const cited = ARCHETYPE_IDS.flatMap((id) => archetypes[id].sources.map(({ source }) => source));
    const labels = cited.map((source) => `${source.authors.split(',')[0]} ${source.year}`);

    for (const work of REQUIRED_WORKS) expect(labels).toContain(work);
  });

  it('lists every cited source in LITERATURE', () => {
    const listed = Object.values(LITERATURE);
    for (const id of ARCHETYPE_IDS) {
      for (const { source } of archetypes[id].sources) expect(listed).toContain(source);
    }
  });

  it('states that clickstream alone has not validated the archetypes', () => {
    const limitations = ARCHETYPE_CATALOG.limitations.join(' ');

    expect(limitations).toMatch(/no published study validates/i);
    expect(limitations).toMatch(/not identities/i);
  });
});
