/** First-party cookie holding the random visitor id, on the storefront's own host only. */
export const VISITOR_COOKIE = '_af_vid';

// About a year, renewed on every consented page view; browsers may cap script cookies sooner.
const VISITOR_COOKIE_MAX_AGE_SECONDS = 31_536_000;

/**
 * A random id: 128 bits from the platform CSPRNG as 22 base64url characters. It identifies
 * nothing but itself: no device, browser or network property goes into it.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  // 16 bytes are 24 base64 characters, the last two of them '=' padding.
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .slice(0, 22);
}

/** The visitor id from our cookie, or null when there is none (or it was tampered with). */
export function readVisitorId(): string | null {
  return /(?:^|; )_af_vid=([\w-]{22})/.exec(document.cookie)?.[1] ?? null;
}

/** Sets (or renews) the visitor cookie. Call only while analytics consent is given. */
export function writeVisitorId(visitorId: string): void {
  // No Domain attribute: a host-only cookie is not shared with sibling subdomains.
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser Shopify supports.
  document.cookie = `${VISITOR_COOKIE}=${visitorId}; Max-Age=${VISITOR_COOKIE_MAX_AGE_SECONDS}; Path=/; SameSite=Lax${secure}`;
}

export function removeVisitorId(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: see writeVisitorId.
  document.cookie = `${VISITOR_COOKIE}=; Max-Age=0; Path=/`;
}
