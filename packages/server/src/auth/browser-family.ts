/**
 * The browser family named in device lists and notification emails: a coarse label from the
 * User-Agent header, read in memory and never stored whole. Order matters: Edge and Opera also
 * say "Chrome", Chrome also says "Safari".
 */
const FAMILIES: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|Chromium|CriOS|HeadlessChrome)\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

export function browserFamily(userAgent: string | undefined): string {
  if (userAgent === undefined) return 'Unknown';

  const match = FAMILIES.find(([pattern]) => pattern.test(userAgent));
  return match?.[1] ?? 'Other';
}
