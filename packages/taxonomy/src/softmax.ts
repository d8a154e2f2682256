import { ARCHETYPE_IDS, type Logits, mapArchetypes, type Probabilities } from './archetypes.js';
import { uniformProbabilities } from './probabilities.js';

/**
 * Softmax over the archetype logits. The largest logit is subtracted first, so every exponent
 * is at most 0 and nothing overflows however large the logits are. Logits that are NaN or
 * infinite in a way that leaves no usable total give the uniform distribution instead of NaN.
 */
export function softmax(logits: Logits): Probabilities {
  const maxLogit = maxOf(logits);
  const exponentials = mapArchetypes((id) => Math.exp(logits[id] - maxLogit));
  const total = ARCHETYPE_IDS.reduce((sum, id) => sum + exponentials[id], 0);
  if (!(total > 0) || !Number.isFinite(total)) return uniformProbabilities();

  return mapArchetypes((id) => exponentials[id] / total);
}

/** log(sum(exp(logits))), computed with the same max shift as `softmax`. */
export function logSumExp(logits: Logits): number {
  const maxLogit = maxOf(logits);
  const total = ARCHETYPE_IDS.reduce((sum, id) => sum + Math.exp(logits[id] - maxLogit), 0);

  return maxLogit + Math.log(total);
}

function maxOf(logits: Logits): number {
  return ARCHETYPE_IDS.reduce((max, id) => Math.max(max, logits[id]), -Infinity);
}
