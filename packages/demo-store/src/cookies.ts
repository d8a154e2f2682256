/** The value of cookie `name` in a `Cookie` request header, or null when it is absent. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;

  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }

  return null;
}

/** The shopper's answer to the consent banner, remembered by the page script. */
export type ConsentChoice = 'granted' | 'denied';

/** Name of the demo store's own first-party consent cookie; `store.js` writes it. */
export const CONSENT_COOKIE = 'demo_consent';

export function readConsent(header: string | undefined): ConsentChoice | null {
  const value = readCookie(header, CONSENT_COOKIE);
  return value === 'granted' || value === 'denied' ? value : null;
}
