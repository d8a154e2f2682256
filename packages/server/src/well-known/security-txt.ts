/** RFC 9116 recommends an Expires value less than a year ahead; we publish half a year. */
export const SECURITY_TXT_LIFETIME_DAYS = 180;

export interface SecurityTxtOptions {
  readonly contact: string;
  readonly publicUrl: URL;
  readonly now: Date;
}

/**
 * Renders `/.well-known/security.txt` (RFC 9116): one or more Contact fields and exactly one
 * Expires are required; Canonical, Policy and Preferred-Languages are optional and given.
 */
export function renderSecurityTxt(options: SecurityTxtOptions): string {
  const expires = new Date(options.now.getTime() + SECURITY_TXT_LIFETIME_DAYS * 86_400_000);
  const canonical = new URL('/.well-known/security.txt', options.publicUrl);
  const policy = new URL('/security', options.publicUrl);

  return [
    `Contact: ${options.contact}`,
    `Expires: ${expires.toISOString()}`,
    `Canonical: ${canonical.href}`,
    `Policy: ${policy.href}`,
    'Preferred-Languages: en',
    '',
  ].join('\n');
}
