import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/error-registry.js';
import { sameBytes } from './secret-tokens.js';
import type { SessionStore } from './session-store.js';

export const CSRF_HEADER = 'x-csrf-token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cross-origin by design: storefront pages post scores, authenticated by site key and origin. */
const EXEMPT = new Set(['POST /v1/collect']);

export interface CsrfOptions {
  /** The configured PUBLIC_URL origin: the dashboard's own. */
  readonly publicOrigin: string;
  /** Development and test: also accept the origin the request itself was addressed to. */
  readonly acceptRequestHost: boolean;
  readonly sessions: SessionStore;
}

/**
 * CSRF protection for every state-changing request under `/v1/` except the collect API (OWASP
 * CSRF cheat sheet: origin verification plus a synchronizer token). The `Origin` header must name
 * the dashboard's origin; a request that carries a live session must also carry that session's
 * CSRF token in `x-csrf-token`, which a page on another origin cannot read. SameSite=Lax cookies
 * are a third layer, not relied upon alone.
 */
export function registerCsrfProtection(app: FastifyInstance, options: CsrfOptions): void {
  app.addHook('onRequest', async (request) => {
    if (!needsProtection(request)) return;
    if (!originAllowed(request, options)) throw new AppError('AUTH_CSRF_FAILED');

    const session = await options.sessions.resolve(request);
    if (session === null) return;
    const presented = request.headers[CSRF_HEADER];
    const expected = options.sessions.csrfTokenOf(session);
    if (
      typeof presented !== 'string' ||
      !sameBytes(Buffer.from(presented), Buffer.from(expected))
    ) {
      throw new AppError('AUTH_CSRF_FAILED');
    }
  });
}

function needsProtection(request: FastifyRequest): boolean {
  if (!STATE_CHANGING.has(request.method)) return false;

  const path = request.url.split('?', 1)[0] ?? '';
  return path.startsWith('/v1/') && !EXEMPT.has(`${request.method} ${path}`);
}

function originAllowed(request: FastifyRequest, options: CsrfOptions): boolean {
  const origin = originOf(request.headers.origin);
  if (origin === null) return false;
  if (origin === options.publicOrigin) return true;

  return options.acceptRequestHost && origin === originOf(`${request.protocol}://${request.host}`);
}

/** The serialised origin of a URL (scheme, host, non-default port), or null for `null` or junk. */
function originOf(value: string | undefined): string | null {
  if (value === undefined || value === 'null') return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
