import type { FastifyInstance } from 'fastify';
import { renderSecurityPage } from './security-page.js';
import { renderSecurityTxt } from './security-txt.js';

export interface WellKnownOptions {
  readonly contact: string;
  readonly publicUrl: URL;
  readonly startedAt: Date;
}

export async function registerWellKnownRoutes(
  app: FastifyInstance,
  options: WellKnownOptions,
): Promise<void> {
  // Computed once at start, so every response carries the same single Expires value.
  const securityTxt = renderSecurityTxt({ ...options, now: options.startedAt });
  const securityPage = renderSecurityPage(options.contact);

  app.get('/.well-known/security.txt', async (_request, reply) => {
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(securityTxt);
  });

  app.get('/security', async (_request, reply) => {
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(securityPage);
  });
}
