import { createHmac } from 'node:crypto';

/**
 * The server-side key of a visitor: HMAC-SHA256 of the browser's random visitor id under the
 * shop's own secret. The raw id is never stored, and one browser on two shops gets two keys that
 * cannot be linked without both shops' secrets.
 */
export function visitorKeyFor(shopSecret: Uint8Array, visitorId: string): Buffer {
  return createHmac('sha256', shopSecret).update(visitorId, 'utf8').digest();
}
