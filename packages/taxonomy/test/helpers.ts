import { expect } from 'vitest';
import { ARCHETYPE_IDS, type Probabilities, type SessionSignals } from '../src/index.js';

export function sumOf(p: Probabilities): number {
  return ARCHETYPE_IDS.reduce((sum, id) => sum + p[id], 0);
}

/** Shannon entropy divided by its maximum, log(7): 0 = certain, 1 = uniform. */
export function normalisedEntropy(p: Probabilities): number {
  const entropy = ARCHETYPE_IDS.reduce((sum, id) => {
    const value = p[id];

    return value > 0 ? sum - value * Math.log(value) : sum;
  }, 0);

  return entropy / Math.log(ARCHETYPE_IDS.length);
}

export function isProbabilityVector(p: Probabilities): boolean {
  return ARCHETYPE_IDS.every((id) => Number.isFinite(p[id]) && p[id] >= 0 && p[id] <= 1);
}

/** The numeric counters of a session (everything but the first-add time and the cookie flag). */
export type Counter = Exclude<keyof SessionSignals, 'msToFirstAddToCart' | 'returning'>;

export const COUNTERS: readonly Counter[] = [
  'pageViews',
  'productViews',
  'distinctProducts',
  'collectionViews',
  'saleViews',
  'searches',
  'sortChanges',
  'priceSorts',
  'priceFilters',
  'reviewReads',
  'reviewDwellMs',
  'activeMs',
  'productDwellMs',
  'scrollDepthSum',
  'variantChanges',
  'addToCarts',
  'cartRemovals',
  'cartViews',
];

/** The same behaviour observed for `factor` times as long: every counter scaled. */
export function scaleCounters(signals: SessionSignals, factor: number): SessionSignals {
  let scaled = signals;
  for (const counter of COUNTERS) scaled = { ...scaled, [counter]: signals[counter] * factor };

  return scaled;
}

/** Asserts each value is larger than the one before it. */
export function expectStrictlyIncreasing(values: readonly number[]): void {
  for (let i = 1; i < values.length; i += 1) {
    expect(values[i], `step ${i} of [${values.join(', ')}]`).toBeGreaterThan(values[i - 1] ?? 1);
  }
}
