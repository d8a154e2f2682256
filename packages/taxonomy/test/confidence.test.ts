import { describe, expect, it } from 'vitest';
import {
  certainty,
  classify,
  confidenceOf,
  mapArchetypes,
  type Probabilities,
  sessionEvidence,
  uniformProbabilities,
} from '../src/index.js';
import { type Counter, expectStrictlyIncreasing, scaleCounters } from './helpers.js';
import { plausibleSignals, randomInt, seededRandom } from './random-signals.js';
import { dealSeekerJourney, researcherJourney } from './sessions.js';

const EVIDENCE_COUNTERS: readonly Counter[] = [
  'pageViews',
  'activeMs',
  'searches',
  'sortChanges',
  'priceFilters',
  'reviewReads',
  'variantChanges',
  'addToCarts',
  'cartRemovals',
  'cartViews',
];

/** A distribution between uniform (t = 0) and all mass on `researcher` (t = 1). */
function towardsResearcher(t: number): Probabilities {
  const uniform = uniformProbabilities();

  return mapArchetypes((id) => (1 - t) * uniform[id] + (id === 'researcher' ? t : 0));
}

describe('certainty of a distribution', () => {
  it('is 0 for the uniform distribution and 1 for a certain one', () => {
    expect(certainty(uniformProbabilities())).toBeCloseTo(0, 12);
    expect(certainty(towardsResearcher(1))).toBeCloseTo(1, 12);
  });

  it('rises as the margin of the top archetype over the rest grows', () => {
    const steps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((t) => certainty(towardsResearcher(t)));

    expectStrictlyIncreasing(steps);
  });
});

describe('confidence', () => {
  it('is evidence times certainty, within [0, 1]', () => {
    const p = towardsResearcher(0.6);

    expect(confidenceOf(0.5, p)).toBeCloseTo(0.5 * certainty(p), 12);
    expect(confidenceOf(2, p)).toBeLessThanOrEqual(1);
    expect(confidenceOf(Number.NaN, p)).toBe(0);
  });

  it('rises with evidence when the probabilities stay the same', () => {
    const p = towardsResearcher(0.5);
    const values = [0, 0.2, 0.4, 0.6, 0.8, 1].map((evidence) => confidenceOf(evidence, p));

    expectStrictlyIncreasing(values);
  });

  it('never loses evidence when a session observes one more thing', () => {
    const random = seededRandom(21);
    for (let i = 0; i < 500; i += 1) {
      const session = plausibleSignals(random);
      const counter =
        EVIDENCE_COUNTERS[randomInt(random, EVIDENCE_COUNTERS.length - 1)] ?? 'pageViews';
      const more = { ...session, [counter]: session[counter] + 1 };

      expect(sessionEvidence(more)).toBeGreaterThan(sessionEvidence(session));
    }
  });

  it.each([
    ['deal seeker', dealSeekerJourney()],
    ['researcher', researcherJourney()],
  ])('rises as the %s journey goes on for longer', (_name, journey) => {
    const values = [0.25, 0.5, 1, 2, 4].map(
      (factor) => classify(scaleCounters(journey, factor)).confidence,
    );

    expectStrictlyIncreasing(values);
  });
});
