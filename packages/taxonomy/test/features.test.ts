import { describe, expect, it } from 'vitest';
import {
  emptySignals,
  FEATURE_NAMES,
  type FeatureName,
  type SessionSignals,
  toFeatures,
} from '../src/index.js';
import { anySignals, plausibleSignals, seededRandom } from './random-signals.js';

type Counter = Exclude<keyof SessionSignals, 'msToFirstAddToCart' | 'returning'>;

/** Counters read through x / (x + h), with the feature that carries each. */
const SATURATED_COUNTERS: ReadonlyArray<readonly [Counter, FeatureName]> = [
  ['pageViews', 'pageViewsSaturated'],
  ['distinctProducts', 'distinctProductsSaturated'],
  ['searches', 'searchesSaturated'],
  ['priceSorts', 'priceSortsSaturated'],
  ['priceFilters', 'priceFiltersSaturated'],
  ['variantChanges', 'variantChangesSaturated'],
  ['cartViews', 'cartViewsSaturated'],
];

describe('features', () => {
  it('are named by FEATURE_NAMES, in that order', () => {
    expect(Object.keys(toFeatures(emptySignals()))).toEqual([...FEATURE_NAMES]);
  });

  it('are all 0 for an empty session, so its logits are the model biases', () => {
    const features = toFeatures(emptySignals());

    for (const name of FEATURE_NAMES) expect(features[name]).toBe(0);
  });

  it('stay finite and within [0, 1] for any session, however hostile', () => {
    const random = seededRandom(11);
    const outOfRange: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const features = toFeatures(anySignals(random));
      for (const name of FEATURE_NAMES) {
        const value = features[name];
        if (!(value >= 0 && value <= 1)) outOfRange.push(`${name}=${value}`);
      }
    }

    expect(outOfRange).toEqual([]);
  });

  it('of a saturated count grow with the count and stay below 1', () => {
    const random = seededRandom(12);
    for (let i = 0; i < 300; i += 1) {
      const before = plausibleSignals(random);
      for (const [counter, feature] of SATURATED_COUNTERS) {
        const after = { ...before, [counter]: before[counter] + 1 };

        expect(toFeatures(after)[feature]).toBeGreaterThan(toFeatures(before)[feature]);
        expect(toFeatures(after)[feature]).toBeLessThan(1);
      }
    }
  });

  it('of shares do not depend on session length, only on proportions', () => {
    const random = seededRandom(13);
    for (let i = 0; i < 300; i += 1) {
      const session = plausibleSignals(random);
      const doubled = {
        ...session,
        pageViews: 2 * session.pageViews,
        saleViews: 2 * session.saleViews,
        collectionViews: 2 * session.collectionViews,
      };

      expect(toFeatures(doubled).saleViewsPerPageView).toBeCloseTo(
        toFeatures(session).saleViewsPerPageView,
        12,
      );
    }
  });

  it('read an add-to-cart in the first minute as faster than a later one', () => {
    const atMs = (ms: number) => toFeatures({ ...emptySignals(), msToFirstAddToCart: ms });

    expect(atMs(0).addToCartSpeed).toBe(1);
    expect(atMs(60_000).addToCartSpeed).toBeCloseTo(0.5, 12);
    expect(atMs(10_000).addToCartSpeed).toBeGreaterThan(atMs(600_000).addToCartSpeed);
    expect(toFeatures(emptySignals()).addToCartSpeed).toBe(0);
  });
});
