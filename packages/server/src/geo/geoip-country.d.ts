// geoip-country ships no types; this is the one function we use.
declare module 'geoip-country' {
  interface CountryLookup {
    readonly country: string;
  }
  const geoip: { lookup(ip: string): CountryLookup | null };
  export default geoip;
}
