import { describe, expect, it } from 'vitest';
import {
  ARCHETYPE_IDS,
  type Calibration,
  type Classification,
  classify,
  DEFAULT_MODEL,
  type Model,
  mapArchetypes,
} from '../src/index.js';
import { isProbabilityVector, sumOf } from './helpers.js';
import { anySignals, pick, type Random, seededRandom } from './random-signals.js';

const SESSIONS = 2000;

function expectValidClassification(result: Classification): void {
  expect(isProbabilityVector(result.probabilities)).toBe(true);
  expect(Math.abs(sumOf(result.probabilities) - 1)).toBeLessThan(1e-9);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
}

function randomCalibration(random: Random): Calibration {
  return {
    temperature: pick(random, [0.25, 4, 0.25 + random() * 3.75]),
    logPriorAdjustment: mapArchetypes(() => pick(random, [-3, 3, random() * 6 - 3])),
  };
}

function randomPrior(random: Random): Classification {
  const weights = mapArchetypes(() => random());
  const total = sumOf(weights);

  return { probabilities: mapArchetypes((id) => weights[id] / total), confidence: random() };
}

describe('classification probabilities always sum to 1', () => {
  it('for random sessions, including NaN, Infinity, negative and inconsistent counters', () => {
    const random = seededRandom(1);
    for (let i = 0; i < SESSIONS; i += 1) {
      expectValidClassification(classify(anySignals(random)));
    }
  });

  it('under random calibrations, including the temperature and adjustment limits', () => {
    const random = seededRandom(2);
    for (let i = 0; i < SESSIONS; i += 1) {
      const calibration = randomCalibration(random);
      expectValidClassification(classify(anySignals(random), { calibration }));
    }
  });

  it('when blended with random priors of returning visitors', () => {
    const random = seededRandom(3);
    for (let i = 0; i < SESSIONS; i += 1) {
      const options = { calibration: randomCalibration(random), prior: randomPrior(random) };
      expectValidClassification(classify(anySignals(random), options));
    }
  });

  it('when a damaged prior or calibration slips through unvalidated', () => {
    const random = seededRandom(4);
    const damagedPrior: Classification = {
      probabilities: mapArchetypes((id) => (id === 'loyalist' ? Number.NaN : Infinity)),
      confidence: Number.NaN,
    };
    for (const temperature of [0, -1, Number.NaN, Infinity]) {
      const calibration = { temperature, logPriorAdjustment: mapArchetypes(() => Number.NaN) };
      const options = { calibration, prior: damagedPrior };
      expectValidClassification(classify(anySignals(random), options));
    }
  });

  it('with a model whose weights overflow', () => {
    const random = seededRandom(5);
    const huge = mapArchetypes((id) => (id === 'explorer' ? -1e308 : 1e308));
    const model: Model = {
      bias: DEFAULT_MODEL.bias,
      weights: mapArchetypes((id) => ({ pageViewsSaturated: huge[id], meanScrollDepth: huge[id] })),
    };
    for (let i = 0; i < 200; i += 1) {
      expectValidClassification(classify(anySignals(random), { model }));
    }
  });

  it('covers every archetype of the taxonomy', () => {
    const result = classify(anySignals(seededRandom(6)));

    expect(Object.keys(result.probabilities)).toEqual([...ARCHETYPE_IDS]);
  });
});
