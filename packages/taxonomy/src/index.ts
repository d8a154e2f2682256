/**
 * @auraflow/taxonomy: the published shopper-archetype taxonomy, its features, the default
 * on-device model and the calibration maths. The tracker imports only the model functions; the
 * catalog prose lives in `archetype-catalog.ts` and is dropped by tree-shaking unless imported.
 */

export {
  ARCHETYPE_CATALOG,
  type ArchetypeCatalog,
  type ArchetypeDefinition,
  type BehaviourIndicator,
  LITERATURE,
  type LiteratureSource,
  type SourceCitation,
} from './archetype-catalog.js';
export {
  ARCHETYPE_IDS,
  type ArchetypeId,
  isArchetypeId,
  type Logits,
  mapArchetypes,
  type Probabilities,
  TAXONOMY_VERSION,
} from './archetypes.js';
export {
  type Calibration,
  calibrateLogits,
  fitLogPriorAdjustment,
  fitTemperature,
  IDENTITY_CALIBRATION,
  isCalibration,
  type LabelledLogits,
  LOG_PRIOR_ADJUSTMENT_LIMIT,
  type LogPriorAdjustment,
  meanNegativeLogLikelihood,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
} from './calibration.js';
export {
  blendWithPrior,
  type Classification,
  type ClassifyOptions,
  classify,
  isClassification,
  PRIOR_RETENTION,
} from './classify.js';
export {
  certainty,
  confidenceOf,
  EVIDENCE_HALF_UNITS,
  evidenceUnits,
  sessionEvidence,
} from './confidence.js';
export {
  FEATURE_NAMES,
  type FeatureName,
  type Features,
  HALF_SATURATION,
  toFeatures,
} from './features.js';
export {
  archetypeLogits,
  DEFAULT_ARCHETYPE_MIX,
  DEFAULT_MODEL,
  defaultMix,
  type FeatureWeights,
  type Model,
} from './model.js';
export {
  isProbabilities,
  normaliseProbabilities,
  PROBABILITY_SUM_TOLERANCE,
  roundProbabilities,
  topArchetype,
  uniformProbabilities,
} from './probabilities.js';
export { emptySignals, type SessionSignals } from './session-signals.js';
export { logSumExp, softmax } from './softmax.js';
