import { isArchetypeId } from '@auraflow/taxonomy';
import type { MixHour } from '../api/archetype-mix-api.js';
import { ARCHETYPE_ORDER, type ArchetypeId } from './archetype-names.js';

export type Granularity = 'hour' | 'day';

/** One bar of the chart: visitors per archetype in [start, end). */
export interface MixBucket {
  readonly start: Date;
  readonly counts: ReadonlyMap<ArchetypeId, number>;
  readonly total: number;
}

const HOUR_MS = 3_600_000;

/**
 * The API's hours (only those with visitors) folded into consecutive buckets that cover the
 * whole range, empty ones included, so that the chart's time axis has no silent gaps. Days
 * follow the viewer's own calendar.
 */
export function bucketMix(
  hours: readonly MixHour[],
  range: { readonly from: Date; readonly to: Date },
  granularity: Granularity,
): MixBucket[] {
  const starts = bucketStarts(range, granularity);
  const sums = starts.map(() => new Map<ArchetypeId, number>());
  for (const { hour, mix } of hours) {
    const index = lastIndexAtOrBefore(starts, hour);
    const sum = sums[index];
    if (sum !== undefined) addMix(sum, mix);
  }

  return starts.map((start, index) => {
    const counts = sums[index] ?? new Map<ArchetypeId, number>();
    return { start, counts, total: sumOf(counts.values()) };
  });
}

/** Visitors per archetype over all hours, in the taxonomy's order. */
export function totalsByArchetype(hours: readonly MixHour[]): Map<ArchetypeId, number> {
  const totals = new Map<ArchetypeId, number>(ARCHETYPE_ORDER.map((id) => [id, 0]));
  for (const { mix } of hours) addMix(totals, mix);

  return totals;
}

function addMix(into: Map<ArchetypeId, number>, mix: ReadonlyMap<string, number>): void {
  for (const [id, visitors] of mix) {
    // An archetype newer than this dashboard is left out rather than drawn unnamed.
    if (isArchetypeId(id)) into.set(id, (into.get(id) ?? 0) + visitors);
  }
}

function bucketStarts(range: { from: Date; to: Date }, granularity: Granularity): Date[] {
  const starts: Date[] = [];
  let cursor = granularity === 'hour' ? range.from : startOfDay(range.from);
  while (cursor < range.to) {
    starts.push(cursor);
    cursor = granularity === 'hour' ? new Date(cursor.getTime() + HOUR_MS) : nextDay(cursor);
  }

  return starts;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** The next local midnight (a calendar step, so days of 23 or 25 hours come out right). */
function nextDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
}

function lastIndexAtOrBefore(starts: readonly Date[], instant: Date): number {
  let found = -1;
  starts.forEach((start, index) => {
    if (start <= instant) found = index;
  });

  return found;
}

function sumOf(values: Iterable<number>): number {
  let sum = 0;
  for (const value of values) sum += value;

  return sum;
}
