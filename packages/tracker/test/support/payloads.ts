/** A collect batch item as the tests read it back from the API stand-in. */
export interface SentScore {
  seq: number;
  probabilities: Record<string, number>;
  confidence: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The batch items of collect bodies, optionally only those of one visitor, in order. */
export function scoresOf(bodies: unknown[], visitorId?: string): SentScore[] {
  return bodies.flatMap((body) => {
    if (!isRecord(body) || !Array.isArray(body.batch)) return [];
    if (visitorId !== undefined && body.visitorId !== visitorId) return [];

    return body.batch.filter(
      (item): item is SentScore =>
        isRecord(item) &&
        typeof item.seq === 'number' &&
        isRecord(item.probabilities) &&
        typeof item.confidence === 'number',
    );
  });
}

/** The score with the highest sequence number, if any. */
export function lastScore(bodies: unknown[], visitorId?: string): SentScore | undefined {
  return scoresOf(bodies, visitorId).reduce<SentScore | undefined>(
    (last, score) => (!last || score.seq >= last.seq ? score : last),
    undefined,
  );
}

/** The archetype with the highest probability. */
export function topOf(score: SentScore): string {
  return Object.entries(score.probabilities).reduce((top, entry) =>
    entry[1] > top[1] ? entry : top,
  )[0];
}
