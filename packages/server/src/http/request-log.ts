import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * One log line per response, by allow-list: method, route pattern (never the raw URL, which
 * may hold a query string), status, duration, request id. Headers, cookies, bodies and client
 * addresses are never read here. 4xx is logged at info, 5xx at error.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const entry = {
      method: request.method,
      route: request.routeOptions.url ?? '(unmatched)',
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) request.log.error(entry, 'request failed');
    else request.log.info(entry, 'request completed');
  });
}
