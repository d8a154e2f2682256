import { describe, expect, it } from 'vitest';
import {
  type ArchetypeId,
  classify,
  emptySignals,
  roundProbabilities,
  type SessionSignals,
  topArchetype,
} from '../src/index.js';
import { dealSeekerJourney, impulseBuyerJourney, researcherJourney } from './sessions.js';

// "Clearly above": a margin no rounding or small weight change could close by accident.
const CONFIDENCE_MARGIN_OVER_EMPTY = 0.15;

const JOURNEYS: ReadonlyArray<readonly [string, () => SessionSignals, ArchetypeId]> = [
  ['deal seeker', dealSeekerJourney, 'deal_seeker'],
  ['researcher', researcherJourney, 'researcher'],
  ['impulse buyer', impulseBuyerJourney, 'impulse_buyer'],
];

describe.each(JOURNEYS)(
  'the %s journey (mirrored by the browser tests)',
  (_name, journey, expected) => {
    const result = classify(journey());

    it(`comes out as ${expected}`, () => {
      expect(topArchetype(result.probabilities)).toBe(expected);
    });

    it('stays that archetype after rounding for the wire', () => {
      expect(topArchetype(roundProbabilities(result.probabilities))).toBe(expected);
    });

    it('is clearly more confident than an empty session', () => {
      const empty = classify(emptySignals()).confidence;

      expect(result.confidence).toBeGreaterThan(empty + CONFIDENCE_MARGIN_OVER_EMPTY);
    });
  },
);
