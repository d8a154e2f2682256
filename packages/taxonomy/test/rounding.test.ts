import { describe, expect, it } from 'vitest';
import {
  ARCHETYPE_IDS,
  classify,
  isProbabilities,
  mapArchetypes,
  PROBABILITY_SUM_TOLERANCE,
  type Probabilities,
  roundProbabilities,
  topArchetype,
  uniformProbabilities,
} from '../src/index.js';
import { sumOf } from './helpers.js';
import { anySignals, seededRandom } from './random-signals.js';

function isFourDecimals(value: number): boolean {
  return Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6;
}

describe('roundProbabilities', () => {
  it('keeps the sum within tolerance and every value at 4 decimals, for random sessions', () => {
    const random = seededRandom(41);
    for (let i = 0; i < 2000; i += 1) {
      const exact = classify(anySignals(random)).probabilities;
      const rounded = roundProbabilities(exact);

      expect(Math.abs(sumOf(rounded) - 1)).toBeLessThanOrEqual(PROBABILITY_SUM_TOLERANCE);
      for (const id of ARCHETYPE_IDS) {
        expect(isFourDecimals(rounded[id])).toBe(true);
        expect(Math.abs(rounded[id] - exact[id])).toBeLessThan(0.0005);
      }
      expect(isProbabilities(rounded)).toBe(true);
    }
  });

  it('handles the uniform distribution, where every value rounds the same way', () => {
    const rounded = roundProbabilities(uniformProbabilities());

    expect(Math.abs(sumOf(rounded) - 1)).toBeLessThanOrEqual(PROBABILITY_SUM_TOLERANCE);
    expect(ARCHETYPE_IDS.every((id) => rounded[id] >= 0.1425 && rounded[id] <= 0.1432)).toBe(true);
  });

  it('repairs input that is not normalised or not finite instead of passing it on', () => {
    const damaged: Probabilities = mapArchetypes((id) =>
      id === 'loyalist' ? Number.NaN : id === 'explorer' ? -1 : 3,
    );
    const rounded = roundProbabilities(damaged);

    expect(Math.abs(sumOf(rounded) - 1)).toBeLessThanOrEqual(PROBABILITY_SUM_TOLERANCE);
    expect(rounded.loyalist).toBe(0);
    expect(rounded.explorer).toBe(0);
  });

  it('is idempotent', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 200; i += 1) {
      const once = roundProbabilities(classify(anySignals(random)).probabilities);

      expect(roundProbabilities(once)).toEqual(once);
    }
  });
});

describe('topArchetype', () => {
  it('returns the most probable archetype', () => {
    const p = mapArchetypes((id) => (id === 'loyalist' ? 0.4 : 0.1));

    expect(topArchetype(p)).toBe('loyalist');
  });

  it('breaks ties by the canonical archetype order', () => {
    expect(topArchetype(uniformProbabilities())).toBe(ARCHETYPE_IDS[0]);
    const tie = mapArchetypes((id) => (id === 'explorer' || id === 'researcher' ? 0.3 : 0.08));

    expect(topArchetype(tie)).toBe('researcher');
  });
});
