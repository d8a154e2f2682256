import { mapArchetypes, type Probabilities } from './archetypes.js';
import { type Calibration, calibrateLogits, IDENTITY_CALIBRATION } from './calibration.js';
import { clampUnit, confidenceOf, sessionEvidence } from './confidence.js';
import { toFeatures } from './features.js';
import { archetypeLogits, DEFAULT_MODEL, type Model } from './model.js';
import { isPlainObject, isProbabilities, normaliseProbabilities } from './probabilities.js';
import type { SessionSignals } from './session-signals.js';
import { softmax } from './softmax.js';

/** What the tracker sends and stores: derived scores only, never the signals behind them. */
export interface Classification {
  /** Sums to 1. */
  probabilities: Probabilities;
  /** In [0, 1]; see `confidenceOf`. */
  confidence: number;
}

/**
 * Options of `classify`. Validate values from the network or storage where they enter (with
 * `isCalibration` and `isClassification`); `classify` does not repeat those checks, it only
 * guarantees that bad numbers cannot make its output NaN or its sum differ from 1.
 */
export interface ClassifyOptions {
  /** Per-shop calibration from the config API; identity when absent. */
  calibration?: Calibration;
  /** The returning visitor's last derived Classification. */
  prior?: Classification;
  /** Replaces the default model (for tests and future model versions). */
  model?: Model;
}

/**
 * How much of a prior's confidence survives into a new session. Project choice: people shop
 * differently from visit to visit, so a stored state counts for a little less than when it was
 * derived, and fresh evidence can overturn it.
 */
export const PRIOR_RETENTION = 0.8;

/**
 * The whole on-device pipeline: normalise signals to features, apply the model, calibrate,
 * softmax, confidence; when `prior` (the returning visitor's last derived Classification) is
 * given, blend it in weighted by confidences.
 *
 * Never throws for any input the types allow, and stays finite with NaN or Infinity counters.
 */
export function classify(signals: SessionSignals, options: ClassifyOptions = {}): Classification {
  const model = options.model ?? DEFAULT_MODEL;
  const logits = archetypeLogits(toFeatures(signals), model);
  const calibration = options.calibration ?? IDENTITY_CALIBRATION;
  const probabilities = softmax(calibrateLogits(logits, calibration));
  const evidence = sessionEvidence(signals);

  if (options.prior === undefined) {
    return { probabilities, confidence: confidenceOf(evidence, probabilities) };
  }

  return blendWithPrior(probabilities, evidence, options.prior);
}

/**
 * Blends a session's probabilities with a returning visitor's prior.
 *
 * Probabilities: the average weighted by the session's confidence and the prior's retained
 * confidence (PRIOR_RETENTION x prior.confidence). Confidence: session evidence and retained
 * prior confidence count as independent evidence, 1 - (1 - evidence)(1 - retained), times the
 * certainty of the blend; agreement raises confidence, disagreement flattens the blend and
 * lowers it. A prior's numbers are normalised and clamped first, so a damaged one cannot
 * produce NaN.
 */
export function blendWithPrior(
  probabilities: Probabilities,
  evidence: number,
  prior: Classification,
): Classification {
  const priorProbabilities = normaliseProbabilities(prior.probabilities);
  const sessionWeight = confidenceOf(evidence, probabilities);
  const priorWeight = PRIOR_RETENTION * clampUnit(prior.confidence);
  const totalWeight = sessionWeight + priorWeight;
  if (!(totalWeight > 0)) return { probabilities, confidence: sessionWeight };

  const blended = normaliseProbabilities(
    mapArchetypes(
      (id) =>
        (sessionWeight * probabilities[id] + priorWeight * priorProbabilities[id]) / totalWeight,
    ),
  );
  const combinedEvidence = 1 - (1 - clampUnit(evidence)) * (1 - priorWeight);

  return { probabilities: blended, confidence: confidenceOf(combinedEvidence, blended) };
}

/**
 * Checks an untrusted value is a Classification of this taxonomy: probabilities as in
 * `isProbabilities`, a finite confidence in [0, 1], no other keys. Use it on a stored prior.
 */
export function isClassification(value: unknown): value is Classification {
  if (!isPlainObject(value)) return false;

  const entries: Array<[string, unknown]> = Object.entries(value);
  const fields = new Map(entries);
  const confidence = fields.get('confidence');

  return (
    entries.length === 2 &&
    isProbabilities(fields.get('probabilities')) &&
    typeof confidence === 'number' &&
    confidence >= 0 &&
    confidence <= 1
  );
}
