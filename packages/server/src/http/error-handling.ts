import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { AppError, ERROR_REGISTRY, type ErrorCode, errorBody } from '../errors/error-registry.js';

/** Fastify's own error codes that mean "the client sent something we refuse". */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST_INVALID',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_MALFORMED_JSON',
  FST_ERR_VALIDATION: 'REQUEST_INVALID',
  FST_ERR_BAD_URL: 'ROUTE_NOT_FOUND',
  FST_ERR_ASYNC_CONSTRAINT: 'REQUEST_INVALID',
};

/** Maps any thrown value to a registered code. Unknown errors become INTERNAL. */
export function errorCodeFor(error: unknown): ErrorCode {
  if (error instanceof AppError) return error.code;
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') {
    return 'INTERNAL';
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return 'REQUEST_MALFORMED_JSON';
  }
  return FASTIFY_CLIENT_ERRORS[error.code] ?? 'INTERNAL';
}

/**
 * Every error, 404 and 405 included, answers `{"error": {"code", "message"}}` from the registry:
 * no stack trace, no framework message, nothing from the request.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  const knownRoutes = trackRoutes(app);

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const code = errorCodeFor(error);
    const body = errorBody(code);
    const status = ERROR_REGISTRY[code].status;

    if (status >= 500) request.log.error({ err: error, code }, 'request error');
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const allowed = knownRoutes.allowedMethods(request.url);
    if (allowed.length === 0) return reply.code(404).send(errorBody('ROUTE_NOT_FOUND'));

    return reply
      .code(405)
      .header('allow', allowed.join(', '))
      .send(errorBody('METHOD_NOT_ALLOWED'));
  });
}

const METHODS: readonly HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Fastify answers a known path with an unknown method as a 404. To answer 405 with an Allow
 * header instead, the registered routes are mirrored into a second router used only for lookup.
 */
function trackRoutes(app: FastifyInstance): { allowedMethods(url: string): HTTPMethod[] } {
  const router = FindMyWay();
  const noop = () => {};

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const known = METHODS.find((candidate) => candidate === method);
      if (known === undefined || router.hasRoute(known, route.url)) continue;
      router.on(known, route.url, noop);
    }
  });

  return {
    allowedMethods(url) {
      const path = url.split('?', 1)[0] ?? '/';
      return METHODS.filter((method) => router.find(method, path) !== null);
    },
  };
}
