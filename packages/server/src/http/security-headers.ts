import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Two years: above the one year that the HSTS preload list requires. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=()';

/**
 * Hardening headers on every response, errors included. The CSP allows nothing by default and
 * then only same-origin scripts, styles, images and connections: no inline script, no eval, no
 * framing.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { readonly httpsOnly: boolean },
): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'manifest-src': ["'self'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        // Upgrading only makes sense where the app itself is served over https.
        ...(options.httpsOnly ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: {
      maxAge: HSTS_MAX_AGE_SECONDS,
      includeSubDomains: true,
      preload: true,
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    reply.header('cache-control', 'no-store');
  });
}
