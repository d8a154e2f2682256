import { describe, expect, it } from 'vitest';
import {
  ARCHETYPE_IDS,
  type Classification,
  certainty,
  classify,
  emptySignals,
  isClassification,
  mapArchetypes,
  PRIOR_RETENTION,
  roundProbabilities,
  topArchetype,
} from '../src/index.js';
import { sumOf } from './helpers.js';
import { dealSeekerJourney, researcherJourney } from './sessions.js';

const researcherPrior = classify(researcherJourney());
const dealSeekerPrior = classify(dealSeekerJourney());

describe('blending a returning visitor prior', () => {
  it('resumes from the prior when the new session has shown nothing yet', () => {
    const resumed = classify(emptySignals(), { prior: researcherPrior });

    for (const id of ARCHETYPE_IDS) {
      expect(resumed.probabilities[id]).toBeCloseTo(researcherPrior.probabilities[id], 12);
    }
  });

  it('discounts the resumed confidence, so fresh evidence can overturn it', () => {
    const resumed = classify(emptySignals(), { prior: researcherPrior });
    const expected = PRIOR_RETENTION * researcherPrior.confidence;

    expect(resumed.confidence).toBeCloseTo(expected * certainty(resumed.probabilities), 12);
    expect(resumed.confidence).toBeLessThan(researcherPrior.confidence);
  });

  it('changes nothing when the prior carries no confidence', () => {
    const session = dealSeekerJourney();
    const prior = { ...researcherPrior, confidence: 0 };

    expect(classify(session, { prior })).toEqual(classify(session));
  });

  it("pulls the session towards the prior's archetype", () => {
    const session = dealSeekerJourney();
    const alone = classify(session).probabilities.researcher;
    const blended = classify(session, { prior: researcherPrior }).probabilities.researcher;

    expect(blended).toBeGreaterThan(alone);
  });

  it('is more confident when prior and session agree than when they disagree', () => {
    const session = researcherJourney();
    const agreeing = classify(session, { prior: researcherPrior });
    const disagreeing = classify(session, { prior: dealSeekerPrior });

    expect(agreeing.confidence).toBeGreaterThan(classify(session).confidence);
    expect(agreeing.confidence).toBeGreaterThan(disagreeing.confidence);
  });

  it('lets a strong session outweigh a weak prior', () => {
    const weakPrior = { ...dealSeekerPrior, confidence: 0.1 };
    const result = classify(researcherJourney(), { prior: weakPrior });

    expect(topArchetype(result.probabilities)).toBe('researcher');
  });

  it('accepts a prior that was rounded for the wire', () => {
    const rounded: Classification = {
      probabilities: roundProbabilities(researcherPrior.probabilities),
      confidence: researcherPrior.confidence,
    };
    const resumed = classify(emptySignals(), { prior: rounded });

    expect(sumOf(resumed.probabilities)).toBeCloseTo(1, 12);
    expect(topArchetype(resumed.probabilities)).toBe('researcher');
  });
});

describe('isClassification', () => {
  it('accepts what classify returns, rounded or not', () => {
    expect(isClassification(researcherPrior)).toBe(true);
    expect(
      isClassification({
        ...researcherPrior,
        probabilities: roundProbabilities(researcherPrior.probabilities),
      }),
    ).toBe(true);
  });

  it.each([
    ['confidence above 1', { ...researcherPrior, confidence: 1.5 }],
    ['NaN confidence', { ...researcherPrior, confidence: Number.NaN }],
    ['missing confidence', { probabilities: researcherPrior.probabilities }],
    ['extra key', { ...researcherPrior, visitorId: 'abc' }],
    [
      'probabilities not summing to 1',
      { ...researcherPrior, probabilities: mapArchetypes(() => 0.2) },
    ],
    [
      'a NaN probability',
      {
        ...researcherPrior,
        probabilities: { ...researcherPrior.probabilities, loyalist: Number.NaN },
      },
    ],
    [
      'an unknown archetype',
      {
        ...researcherPrior,
        probabilities: { ...researcherPrior.probabilities, bargain_hunter: 0 },
      },
    ],
    ['null', null],
  ])('rejects %s', (_name, value: unknown) => {
    expect(isClassification(value)).toBe(false);
  });
});
