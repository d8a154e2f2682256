import type { FastifyInstance } from 'fastify';

/**
 * The demo store's CSP: its own scripts, styles and images, plus the tracker's scripts and
 * beacons from the API origin. No inline script or style is allowed, so the pages carry none.
 */
export function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${apiOrigin}`,
    `connect-src 'self' ${apiOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Hardening headers on every response, 404s and errors included. Pages change with the cart
 * and consent cookies, so nothing is cached unless a route says otherwise.
 */
export function registerSecurityHeaders(app: FastifyInstance, apiOrigin: string): void {
  const policy = contentSecurityPolicy(apiOrigin);

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('content-security-policy', policy);
    reply.header('x-content-type-options', 'nosniff');
    // What real storefronts send (browsers' default), so the API meets the demo as it would
    // meet a shop: other origins learn this store's origin, never its paths or search terms.
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cache-control', 'no-store');
  });
}
