import { describe, expect, it } from 'vitest';
import { ARCHETYPE_IDS, classify, defaultMix, emptySignals } from '../src/index.js';
import { isProbabilityVector, sumOf } from './helpers.js';

const LOW_CONFIDENCE = 0.2;

describe('an empty session', () => {
  const result = classify(emptySignals());

  it('gives finite probabilities that sum to 1', () => {
    expect(isProbabilityVector(result.probabilities)).toBe(true);
    expect(sumOf(result.probabilities)).toBeCloseTo(1, 12);
  });

  it("gives the model's default archetype mix, since nothing has been observed", () => {
    const mix = defaultMix();

    for (const id of ARCHETYPE_IDS) expect(result.probabilities[id]).toBeCloseTo(mix[id], 12);
  });

  it('has low confidence', () => {
    expect(result.confidence).toBeLessThan(LOW_CONFIDENCE);
  });

  it('is stable: classifying it again gives the same answer', () => {
    expect(classify(emptySignals())).toEqual(result);
  });

  it('stays low in confidence after a single short page view', () => {
    const glance = { ...emptySignals(), pageViews: 1, activeMs: 8000, scrollDepthSum: 0.3 };

    expect(classify(glance).confidence).toBeLessThan(LOW_CONFIDENCE);
  });
});
