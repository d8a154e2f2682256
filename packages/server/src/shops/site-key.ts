import { randomBytes } from 'node:crypto';

/** Public site keys: `sk_` and 128 random bits, base64url. Public, but unguessable. */
export const SITE_KEY_PATTERN = /^sk_[A-Za-z0-9_-]{22}$/;

export function generateSiteKey(): string {
  return `sk_${randomBytes(16).toString('base64url')}`;
}
