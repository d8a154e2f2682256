import type { FastifyRequest } from 'fastify';
import { locate } from '../geo/geo-lookup.js';
import { browserFamily } from './browser-family.js';

/** Where a request comes from, as coarsely as the account system keeps it: never an IP. */
export interface ClientContext {
  readonly browserFamily: string;
  readonly country: string | null;
  readonly region: string | null;
}

/** Reads the browser family and the country/region; the address is used here and dropped. */
export function clientContextOf(request: FastifyRequest, trustCloudflare: boolean): ClientContext {
  const place = locate(request, { trustCloudflare });
  const userAgent = request.headers['user-agent'];

  return { browserFamily: browserFamily(userAgent), country: place.country, region: place.region };
}
