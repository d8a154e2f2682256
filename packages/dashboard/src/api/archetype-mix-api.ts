import { ApiError } from './api-error.js';
import { requestJson } from './http-client.js';

/** One hour of a shop's visitors, counted by each visitor's top archetype. */
export interface MixHour {
  readonly hour: Date;
  /** Archetype id → visitors; ids the dashboard does not know are kept and ignored later. */
  readonly mix: ReadonlyMap<string, number>;
}

export interface ArchetypeMix {
  readonly from: Date;
  readonly to: Date;
  /** Hours with visitors only, oldest first. */
  readonly hours: readonly MixHour[];
  readonly totalVisitors: number;
}

/**
 * `GET /v1/shops/:shopId/archetype-mix?from&to`. Null when the server has no such route (a
 * server older than the dashboard): the overview then shows its empty state.
 */
export async function fetchArchetypeMix(
  shopId: string,
  range: { readonly from: Date; readonly to: Date },
): Promise<ArchetypeMix | null> {
  const query = new URLSearchParams({
    from: range.from.toISOString(),
    to: range.to.toISOString(),
  });
  const path = `/v1/shops/${encodeURIComponent(shopId)}/archetype-mix?${query.toString()}`;
  try {
    return await requestJson('GET', path, (body) => ({
      from: new Date(body.string('from')),
      to: new Date(body.string('to')),
      hours: body.objects('hours', (hour) => ({
        hour: new Date(hour.string('hour')),
        mix: hour.object('mix').numbers(),
      })),
      totalVisitors: body.number('totalVisitors'),
    }));
  } catch (error) {
    if (error instanceof ApiError && error.is('ROUTE_NOT_FOUND')) return null;
    throw error;
  }
}
