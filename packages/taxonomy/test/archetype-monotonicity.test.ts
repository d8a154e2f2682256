import { describe, expect, it } from 'vitest';
import { ARCHETYPE_IDS, classify, topArchetype } from '../src/index.js';
import { expectStrictlyIncreasing } from './helpers.js';
import { INTENSIFY, neutralSession } from './sessions.js';

const LEVELS = [0, 1, 2, 3, 4, 5, 6];
const STRONGLY_TYPICAL_LEVEL = 4;

describe.each(ARCHETYPE_IDS)('archetype %s', (archetype) => {
  const intensify = INTENSIFY[archetype];

  it('gains probability with every step of its defining behaviour', () => {
    const probabilities = LEVELS.map(
      (level) => classify(intensify(neutralSession(), level)).probabilities[archetype],
    );

    expectStrictlyIncreasing(probabilities);
  });

  it('is the top archetype of a strongly typical session', () => {
    const session = intensify(neutralSession(), STRONGLY_TYPICAL_LEVEL);

    expect(topArchetype(classify(session).probabilities)).toBe(archetype);
  });
});

describe('the neutral session the monotonicity tests start from', () => {
  it('leans on no archetype strongly, so reaching the top takes real evidence', () => {
    const { probabilities } = classify(neutralSession());

    for (const id of ARCHETYPE_IDS) expect(probabilities[id]).toBeLessThan(0.4);
  });
});
