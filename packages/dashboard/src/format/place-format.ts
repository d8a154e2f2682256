const REGION_NAMES = new Intl.DisplayNames(undefined, { type: 'region', fallback: 'code' });

/**
 * "Germany (region BE)" from the API's ISO country code and region code: the coarsest place the
 * server keeps (it never stores an IP address, so there is nothing finer to show).
 */
export function formatPlace(country: string | null, region: string | null): string {
  if (country === null) return 'Unknown place';

  const name = countryName(country);
  return region === null ? name : `${name} (region ${region})`;
}

function countryName(code: string): string {
  try {
    return REGION_NAMES.of(code) ?? code;
  } catch {
    // Intl throws on a code it cannot parse; the code itself is still the best label.
    return code;
  }
}
