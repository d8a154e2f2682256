import geoip from 'geoip-country';

/** The coarsest place we keep: an ISO 3166-1 country and, when known, a region code. */
export interface Place {
  readonly country: string | null;
  readonly region: string | null;
}

export interface GeoSource {
  readonly ip: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^[A-Z0-9]{1,3}$/;
// Cloudflare's codes for "unknown" and "Tor exit node" are not countries.
const NOT_COUNTRIES = new Set(['XX', 'T1']);

function header(source: GeoSource, name: string): string | null {
  const value = source.headers[name];
  return typeof value === 'string' ? value.trim().toUpperCase() : null;
}

/**
 * Country and region for a request, from Cloudflare's visitor-location headers when the
 * deployment trusts them, otherwise country only from the offline GeoLite2 country data shipped
 * in `geoip-country`. The address is used here, in memory, and never returned or kept.
 */
export function locate(source: GeoSource, options: { trustCloudflare: boolean }): Place {
  if (options.trustCloudflare) {
    const country = header(source, 'cf-ipcountry');
    const region = header(source, 'cf-region-code');
    const known = country !== null && COUNTRY.test(country) && !NOT_COUNTRIES.has(country);
    return {
      country: known ? country : null,
      region: known && region !== null && REGION.test(region) ? region : null,
    };
  }

  const found = geoip.lookup(source.ip)?.country ?? null;
  return { country: found !== null && COUNTRY.test(found) ? found : null, region: null };
}
