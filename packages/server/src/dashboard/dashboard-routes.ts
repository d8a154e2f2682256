import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors/error-registry.js';

/** Where `vite build` writes the dashboard. */
export const DASHBOARD_DIST_DIR = fileURLToPath(
  new URL('../../../dashboard/dist/', import.meta.url),
);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

async function readAssets(dir: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  let names: string[];
  try {
    names = await readdir(path.join(dir, 'assets'));
  } catch {
    return assets;
  }
  for (const name of names) {
    const type = CONTENT_TYPES[path.extname(name)];
    if (type === undefined) continue;
    assets.set(name, { body: await readFile(path.join(dir, 'assets', name)), type });
  }
  return assets;
}

/**
 * Serves the built dashboard: `index.html` at `/` and every `/app/…` path (the single-page app
 * routes itself), and its content-hashed files at `/assets/…`, immutable. Everything is read
 * once at start; nothing outside the build's own list is served.
 */
export async function registerDashboardRoutes(
  app: FastifyInstance,
  dir: string = DASHBOARD_DIST_DIR,
): Promise<void> {
  const index = await readFile(path.join(dir, 'index.html')).catch(() => null);
  const assets = await readAssets(dir);

  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    if (index === null) throw new AppError('ROUTE_NOT_FOUND');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  };
  app.get('/', sendIndex);
  app.get('/app', sendIndex);
  app.get('/app/*', sendIndex);

  app.get('/assets/:file', async (request, reply) => {
    const params = request.params;
    const name =
      typeof params === 'object' && params !== null && 'file' in params ? params.file : '';
    const asset = typeof name === 'string' ? assets.get(name) : undefined;
    if (asset === undefined) throw new AppError('ROUTE_NOT_FOUND');

    return reply
      .type(asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
}
