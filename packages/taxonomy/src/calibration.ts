import {
  ARCHETYPE_IDS,
  type ArchetypeId,
  isArchetypeId,
  type Logits,
  mapArchetypes,
  type Probabilities,
} from './archetypes.js';
import { defaultMix } from './model.js';
import { isPlainObject } from './probabilities.js';
import { logSumExp } from './softmax.js';

/** One log-odds shift per archetype, added to the logits. */
export type LogPriorAdjustment = Readonly<Record<ArchetypeId, number>>;

/** Per-shop calibration, JSON-serialisable; served to the tracker by the config API. */
export interface Calibration {
  /** Divides the logits: > 1 flattens, < 1 sharpens; 1 = none. */
  temperature: number;
  /** Added to the logits after the temperature; 0 = none. */
  logPriorAdjustment: LogPriorAdjustment;
}

/** Smallest and largest temperature a calibration may carry (a 16-fold range). */
export const TEMPERATURE_MIN = 0.25;
export const TEMPERATURE_MAX = 4;
/** Largest |log-prior adjustment|: a shop can move an archetype's odds by e^3 (about 20x). */
export const LOG_PRIOR_ADJUSTMENT_LIMIT = 3;

/** The calibration that changes nothing. */
export const IDENTITY_CALIBRATION: Calibration = {
  temperature: 1,
  logPriorAdjustment: /* @__PURE__ */ mapArchetypes(() => 0),
};

/**
 * Applies a calibration: logit / temperature + adjustment. The adjustment is added after the
 * division so that it means the same thing (a log-odds shift of the archetype's prior) whatever
 * the temperature.
 */
export function calibrateLogits(logits: Logits, calibration: Calibration): Logits {
  const { temperature, logPriorAdjustment } = calibration;

  return mapArchetypes((id) => logits[id] / temperature + logPriorAdjustment[id]);
}

/**
 * Strict validator for a calibration from the network or a database: exactly the keys
 * `temperature` and `logPriorAdjustment`, a finite temperature in [TEMPERATURE_MIN,
 * TEMPERATURE_MAX], and exactly one finite adjustment per archetype within
 * ±LOG_PRIOR_ADJUSTMENT_LIMIT. Anything else, including extra keys, is refused.
 */
export function isCalibration(value: unknown): value is Calibration {
  if (!isPlainObject(value)) return false;

  const entries: Array<[string, unknown]> = Object.entries(value);
  if (entries.length !== 2) return false;

  const fields = new Map(entries);

  return (
    isNumberWithin(fields.get('temperature'), TEMPERATURE_MIN, TEMPERATURE_MAX) &&
    isLogPriorAdjustment(fields.get('logPriorAdjustment'))
  );
}

function isLogPriorAdjustment(value: unknown): boolean {
  if (!isPlainObject(value)) return false;

  const entries: Array<[string, unknown]> = Object.entries(value);
  const limit = LOG_PRIOR_ADJUSTMENT_LIMIT;

  return (
    entries.length === ARCHETYPE_IDS.length &&
    entries.every(([key, entry]) => isArchetypeId(key) && isNumberWithin(entry, -limit, limit))
  );
}

function isNumberWithin(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/**
 * Fitting (a): the log-prior adjustment that moves a reference mix to a shop's observed mix,
 * log(observed / reference) per archetype, clamped to ±LOG_PRIOR_ADJUSTMENT_LIMIT.
 *
 * `observedMix` may hold counts or shares (it is normalised). `referenceMix` is what the model
 * predicts without adjustment: its default mix, or better the mean of its uncalibrated
 * predictions over the same sessions the observed mix comes from. An archetype never observed
 * gets the lower limit; if either mix has no positive total, the result is all zeros.
 */
export function fitLogPriorAdjustment(
  observedMix: Readonly<Record<ArchetypeId, number>>,
  referenceMix: Probabilities = defaultMix(),
): Record<ArchetypeId, number> {
  const observed = toShares(observedMix);
  const reference = toShares(referenceMix);
  if (observed === null || reference === null) return mapArchetypes(() => 0);

  return mapArchetypes((id) => clampAdjustment(Math.log(observed[id] / reference[id])));
}

function toShares(mix: Readonly<Record<ArchetypeId, number>>): Record<ArchetypeId, number> | null {
  const clean = mapArchetypes((id) => (Number.isFinite(mix[id]) && mix[id] > 0 ? mix[id] : 0));
  const total = ARCHETYPE_IDS.reduce((sum, id) => sum + clean[id], 0);
  if (!(total > 0) || !Number.isFinite(total)) return null;

  return mapArchetypes((id) => clean[id] / total);
}

function clampAdjustment(logRatio: number): number {
  // 0 / 0 (absent from both mixes) is NaN: no evidence either way, so no adjustment.
  if (Number.isNaN(logRatio)) return 0;

  const limit = LOG_PRIOR_ADJUSTMENT_LIMIT;

  return Math.min(Math.max(logRatio, -limit), limit);
}

/** One labelled example for temperature fitting: the model's raw logits and the true archetype. */
export interface LabelledLogits {
  readonly logits: Logits;
  readonly archetype: ArchetypeId;
}

/**
 * Mean negative log-likelihood of the labels under softmax(logits / temperature + adjustment).
 * This is what `fitTemperature` minimises; exported so a calibration job can report it.
 */
export function meanNegativeLogLikelihood(
  examples: readonly LabelledLogits[],
  temperature: number,
  logPriorAdjustment: LogPriorAdjustment = IDENTITY_CALIBRATION.logPriorAdjustment,
): number {
  if (examples.length === 0) return 0;

  const calibration = { temperature, logPriorAdjustment };
  let total = 0;
  for (const example of examples) {
    const logits = calibrateLogits(example.logits, calibration);
    total += logSumExp(logits) - logits[example.archetype];
  }

  return total / examples.length;
}

// Golden-section steps: each keeps 61.8 % of the bracket; 40 steps shrink the 16-fold range in
// log space far below any difference that matters.
const GOLDEN_SECTION_STEPS = 40;
// (sqrt(5) - 1) / 2, written out so bundlers can drop it when fitting is not imported.
const INVERSE_GOLDEN_RATIO = 0.6180339887498949;

/**
 * Fitting (b): the temperature in [TEMPERATURE_MIN, TEMPERATURE_MAX] that minimises the mean
 * negative log-likelihood of labelled examples. The likelihood is convex in 1 / temperature,
 * hence unimodal in log(temperature), so a golden-section search over log(temperature) finds
 * the minimum. With no examples the answer is 1 (no change).
 */
export function fitTemperature(
  examples: readonly LabelledLogits[],
  logPriorAdjustment: LogPriorAdjustment = IDENTITY_CALIBRATION.logPriorAdjustment,
): number {
  if (examples.length === 0) return 1;

  const loss = (logTemperature: number) =>
    meanNegativeLogLikelihood(examples, Math.exp(logTemperature), logPriorAdjustment);
  let low = Math.log(TEMPERATURE_MIN);
  let high = Math.log(TEMPERATURE_MAX);

  for (let step = 0; step < GOLDEN_SECTION_STEPS; step += 1) {
    const width = (high - low) * INVERSE_GOLDEN_RATIO;
    const left = high - width;
    const right = low + width;
    if (loss(left) <= loss(right)) high = right;
    else low = left;
  }

  return Math.exp((low + high) / 2);
}
