/**
 * Deterministic random sessions for property tests. A fixed seed makes every failure
 * reproducible; no dependency is needed for this.
 */
import type { SessionSignals } from '../src/index.js';

export type Random = () => number;

/** Marsaglia's xorshift32: a tiny seeded generator of floats in [0, 1). Not for cryptography. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 0x2545f491;

  return () => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;

    return state / 2 ** 32;
  };
}

export function randomInt(random: Random, maxInclusive: number): number {
  return Math.floor(random() * (maxInclusive + 1));
}

export function pick<T>(random: Random, values: readonly [T, ...T[]]): T {
  return values[randomInt(random, values.length - 1)] ?? values[0];
}

// Values no honest tracker produces, but a buggy or tampered one might.
const HOSTILE_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -1e300,
  1e300,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  0.5,
] as const;

/** A counter: usually plausible, sometimes huge, sometimes hostile. */
function anyCounter(random: Random): number {
  const roll = random();
  if (roll < 0.25) return 0;
  if (roll < 0.7) return randomInt(random, 30);
  if (roll < 0.85) return random() * 1e9;

  return pick(random, HOSTILE_NUMBERS);
}

/** Any session, including NaN, Infinity, negative and inconsistent counters. */
export function anySignals(random: Random): SessionSignals {
  return {
    pageViews: anyCounter(random),
    productViews: anyCounter(random),
    distinctProducts: anyCounter(random),
    collectionViews: anyCounter(random),
    saleViews: anyCounter(random),
    searches: anyCounter(random),
    sortChanges: anyCounter(random),
    priceSorts: anyCounter(random),
    priceFilters: anyCounter(random),
    reviewReads: anyCounter(random),
    reviewDwellMs: anyCounter(random) * 1000,
    activeMs: anyCounter(random) * 10_000,
    productDwellMs: anyCounter(random) * 5000,
    scrollDepthSum: anyCounter(random),
    variantChanges: anyCounter(random),
    addToCarts: anyCounter(random),
    cartRemovals: anyCounter(random),
    cartViews: anyCounter(random),
    msToFirstAddToCart: random() < 0.5 ? null : anyCounter(random) * 1000,
    returning: random() < 0.5,
  };
}

/** A session a real tracker could produce: consistent, non-negative, finite counters. */
export function plausibleSignals(random: Random): SessionSignals {
  const productViews = randomInt(random, 15);
  const collectionViews = randomInt(random, 8);
  const pageViews = productViews + collectionViews + randomInt(random, 4);
  const sortChanges = randomInt(random, 4);
  const addToCarts = randomInt(random, 3);
  const activeMs = pageViews * (5000 + randomInt(random, 90_000));

  return {
    pageViews,
    productViews,
    distinctProducts: Math.min(productViews, randomInt(random, 15)),
    collectionViews,
    saleViews: randomInt(random, pageViews),
    searches: randomInt(random, 4),
    sortChanges,
    priceSorts: randomInt(random, sortChanges),
    priceFilters: randomInt(random, 3),
    reviewReads: randomInt(random, productViews),
    reviewDwellMs: randomInt(random, Math.floor(activeMs / 4)),
    activeMs,
    productDwellMs: randomInt(random, Math.floor(activeMs / 2)),
    scrollDepthSum: random() * pageViews,
    variantChanges: randomInt(random, 5),
    addToCarts,
    cartRemovals: randomInt(random, addToCarts),
    cartViews: randomInt(random, 3),
    msToFirstAddToCart: addToCarts > 0 ? randomInt(random, activeMs) : null,
    returning: random() < 0.4,
  };
}
