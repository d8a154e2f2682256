import { describe, expect, it } from 'vitest';
import {
  ARCHETYPE_IDS,
  type ArchetypeId,
  type Calibration,
  calibrateLogits,
  classify,
  defaultMix,
  emptySignals,
  fitLogPriorAdjustment,
  fitTemperature,
  IDENTITY_CALIBRATION,
  isCalibration,
  type LabelledLogits,
  LOG_PRIOR_ADJUSTMENT_LIMIT,
  type Logits,
  mapArchetypes,
  type Probabilities,
  softmax,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
  topArchetype,
} from '../src/index.js';
import { normalisedEntropy } from './helpers.js';
import { plausibleSignals, type Random, seededRandom } from './random-signals.js';
import { neutralSession } from './sessions.js';

function withTemperature(temperature: number): Calibration {
  return { temperature, logPriorAdjustment: IDENTITY_CALIBRATION.logPriorAdjustment };
}

function withAdjustment(adjustment: Readonly<Record<ArchetypeId, number>>): Calibration {
  return { temperature: 1, logPriorAdjustment: adjustment };
}

/** Draws an archetype from a distribution. */
function sample(random: Random, p: Probabilities): ArchetypeId {
  let remaining = random();
  for (const id of ARCHETYPE_IDS) {
    remaining -= p[id];
    if (remaining < 0) return id;
  }

  return ARCHETYPE_IDS[ARCHETYPE_IDS.length - 1] ?? 'overwhelmed';
}

function randomLogits(random: Random): Logits {
  return mapArchetypes(() => (random() - 0.5) * 6);
}

/** Labelled data whose labels truly follow softmax(logits / temperature + adjustment). */
function syntheticExamples(
  random: Random,
  count: number,
  calibration: Calibration,
): LabelledLogits[] {
  return Array.from({ length: count }, () => {
    const logits = randomLogits(random);
    const archetype = sample(random, softmax(calibrateLogits(logits, calibration)));

    return { logits, archetype };
  });
}

describe('applying a calibration', () => {
  it('changes nothing with the identity calibration', () => {
    const random = seededRandom(31);
    for (let i = 0; i < 200; i += 1) {
      const session = plausibleSignals(random);
      const calibrated = classify(session, { calibration: IDENTITY_CALIBRATION });

      expect(calibrated).toEqual(classify(session));
    }
  });

  it('flattens with a temperature above 1 and sharpens below 1, keeping the top archetype', () => {
    const random = seededRandom(32);
    for (let i = 0; i < 200; i += 1) {
      const session = plausibleSignals(random);
      const plain = classify(session).probabilities;
      const flat = classify(session, { calibration: withTemperature(2) }).probabilities;
      const sharp = classify(session, { calibration: withTemperature(0.5) }).probabilities;

      expect(normalisedEntropy(flat)).toBeGreaterThan(normalisedEntropy(plain));
      expect(normalisedEntropy(sharp)).toBeLessThan(normalisedEntropy(plain));
      expect(topArchetype(flat)).toBe(topArchetype(plain));
      expect(topArchetype(sharp)).toBe(topArchetype(plain));
    }
  });

  it('lowers confidence when flattening and raises it when sharpening', () => {
    const session = neutralSession();
    const plain = classify(session).confidence;

    expect(classify(session, { calibration: withTemperature(2) }).confidence).toBeLessThan(plain);
    expect(classify(session, { calibration: withTemperature(0.5) }).confidence).toBeGreaterThan(
      plain,
    );
  });

  it.each(ARCHETYPE_IDS)(
    'moves mass to %s, and from every other archetype, when its prior is raised',
    (raised) => {
      const session = neutralSession();
      const before = classify(session).probabilities;
      const adjustment = mapArchetypes((id) => (id === raised ? 1 : 0));
      const after = classify(session, { calibration: withAdjustment(adjustment) }).probabilities;

      expect(after[raised]).toBeGreaterThan(before[raised]);
      const others = ARCHETYPE_IDS.filter((id) => id !== raised);
      const reference = others[0] ?? raised;
      for (const id of others) {
        expect(after[id]).toBeLessThan(before[id]);
        // Odds between untouched archetypes are unchanged: only the raised prior moved.
        expect(after[id] / after[reference]).toBeCloseTo(before[id] / before[reference], 9);
      }
    },
  );
});

describe('fitting the log-prior adjustment', () => {
  it('recovers a shop mix exactly: the empty session then shows the shop mix', () => {
    const shopMix: Probabilities = {
      deal_seeker: 0.4,
      researcher: 0.05,
      impulse_buyer: 0.2,
      social_proof_seeker: 0.1,
      loyalist: 0.15,
      explorer: 0.05,
      overwhelmed: 0.05,
    };
    const calibration = withAdjustment(fitLogPriorAdjustment(shopMix, defaultMix()));
    const { probabilities } = classify(emptySignals(), { calibration });

    for (const id of ARCHETYPE_IDS) expect(probabilities[id]).toBeCloseTo(shopMix[id], 9);
    expect(isCalibration(calibration)).toBe(true);
  });

  it('recovers a known adjustment from sampled labels', () => {
    const random = seededRandom(33);
    const trueAdjustment = mapArchetypes((id) =>
      id === 'loyalist' ? 1.2 : id === 'explorer' ? -0.8 : 0,
    );
    const truth = classify(emptySignals(), { calibration: withAdjustment(trueAdjustment) });
    const counts = mapArchetypes(() => 0);
    for (let i = 0; i < 20_000; i += 1) counts[sample(random, truth.probabilities)] += 1;

    const fitted = withAdjustment(fitLogPriorAdjustment(counts));
    const recovered = classify(emptySignals(), { calibration: fitted }).probabilities;

    for (const id of ARCHETYPE_IDS) {
      expect(Math.abs(recovered[id] - truth.probabilities[id])).toBeLessThan(0.01);
    }
  });

  it('clamps archetypes never observed, or absent from the reference, to the limits', () => {
    const observed = mapArchetypes((id) => (id === 'overwhelmed' ? 0 : 10));
    const reference = mapArchetypes((id) => (id === 'loyalist' ? 0 : 1 / 6));
    const adjustment = fitLogPriorAdjustment(observed, reference);

    expect(adjustment.overwhelmed).toBe(-LOG_PRIOR_ADJUSTMENT_LIMIT);
    expect(adjustment.loyalist).toBe(LOG_PRIOR_ADJUSTMENT_LIMIT);
    expect(isCalibration(withAdjustment(adjustment))).toBe(true);
  });

  it('gives no adjustment when a mix is empty or the mixes agree', () => {
    const none = mapArchetypes(() => 0);

    expect(fitLogPriorAdjustment(none)).toEqual(none);
    expect(fitLogPriorAdjustment(defaultMix())).toEqual(none);
  });
});

describe('fitting the temperature', () => {
  it.each([0.5, 1, 2, 3])('recovers a true temperature of %s from labelled examples', (truth) => {
    const examples = syntheticExamples(seededRandom(34), 4000, withTemperature(truth));
    const fitted = fitTemperature(examples);

    expect(Math.abs(Math.log(fitted / truth))).toBeLessThan(Math.log(1.15));
  });

  it('recovers the temperature when a known prior adjustment is applied too', () => {
    const adjustment = mapArchetypes((id) => (id === 'deal_seeker' ? 1 : -0.2));
    const truth: Calibration = { temperature: 1.8, logPriorAdjustment: adjustment };
    const examples = syntheticExamples(seededRandom(35), 4000, truth);

    expect(fitTemperature(examples, adjustment)).toBeCloseTo(1.8, 0);
  });

  it('stays within the allowed range and answers 1 without data', () => {
    const overconfident = syntheticExamples(seededRandom(36), 500, withTemperature(50));
    const fitted = fitTemperature(overconfident);

    expect(fitted).toBeLessThanOrEqual(TEMPERATURE_MAX);
    expect(fitted).toBeGreaterThan(TEMPERATURE_MAX * 0.95);
    expect(fitTemperature([])).toBe(1);
    expect(isCalibration(withTemperature(fitted))).toBe(true);
  });
});

describe('isCalibration', () => {
  const zeros = IDENTITY_CALIBRATION.logPriorAdjustment;

  it('accepts the identity, the limits, and a JSON round trip', () => {
    const atLimits = {
      temperature: TEMPERATURE_MIN,
      logPriorAdjustment: mapArchetypes((id) => (id === 'researcher' ? -3 : 3)),
    };

    expect(isCalibration(IDENTITY_CALIBRATION)).toBe(true);
    expect(isCalibration(atLimits)).toBe(true);
    expect(isCalibration({ ...atLimits, temperature: TEMPERATURE_MAX })).toBe(true);
    expect(isCalibration(JSON.parse(JSON.stringify(atLimits)))).toBe(true);
  });

  it.each([
    ['NaN temperature', { temperature: Number.NaN, logPriorAdjustment: zeros }],
    ['Infinity temperature', { temperature: Infinity, logPriorAdjustment: zeros }],
    ['zero temperature', { temperature: 0, logPriorAdjustment: zeros }],
    ['negative temperature', { temperature: -1, logPriorAdjustment: zeros }],
    ['temperature below range', { temperature: 0.2, logPriorAdjustment: zeros }],
    ['temperature above range', { temperature: 4.01, logPriorAdjustment: zeros }],
    ['string temperature', { temperature: '1', logPriorAdjustment: zeros }],
    ['NaN adjustment', { temperature: 1, logPriorAdjustment: { ...zeros, loyalist: Number.NaN } }],
    [
      'Infinity adjustment',
      { temperature: 1, logPriorAdjustment: { ...zeros, explorer: -Infinity } },
    ],
    [
      'adjustment out of range',
      { temperature: 1, logPriorAdjustment: { ...zeros, researcher: 3.5 } },
    ],
    ['null adjustment', { temperature: 1, logPriorAdjustment: { ...zeros, researcher: null } }],
    ['extra top-level key', { ...IDENTITY_CALIBRATION, version: '2026-12' }],
    [
      'extra archetype key',
      { temperature: 1, logPriorAdjustment: { ...zeros, bargain_hunter: 0 } },
    ],
    ['missing temperature', { logPriorAdjustment: zeros }],
    ['missing adjustment', { temperature: 1 }],
    [
      'missing archetype key',
      { temperature: 1, logPriorAdjustment: withoutKey(zeros, 'loyalist') },
    ],
    ['adjustment as array', { temperature: 1, logPriorAdjustment: [0, 0, 0, 0, 0, 0, 0] }],
    ['null', null],
    ['array', [1, zeros]],
    ['string', JSON.stringify(IDENTITY_CALIBRATION)],
    [
      'object with a prototype',
      Object.assign(Object.create({ inherited: true }), IDENTITY_CALIBRATION),
    ],
  ])('rejects %s', (_name, value: unknown) => {
    expect(isCalibration(value)).toBe(false);
  });
});

function withoutKey(record: Readonly<Record<string, number>>, key: string): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}
