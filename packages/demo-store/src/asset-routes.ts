import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';

// Relative to this module, `../src/assets/` is the same folder whether it runs from `src/`
// (tests, type stripping) or from `dist/` (npm start): tsc does not copy non-TS files.
const ASSETS_DIRECTORY = new URL('../src/assets/', import.meta.url);

const ASSET_TYPES: Readonly<Record<string, string>> = {
  'store.js': 'text/javascript; charset=utf-8',
  'store.css': 'text/css; charset=utf-8',
};

/** Serves the page script and stylesheet from this origin, as the CSP requires. */
export async function registerAssetRoutes(app: FastifyInstance): Promise<void> {
  for (const [name, contentType] of Object.entries(ASSET_TYPES)) {
    // Read once at start: a missing asset stops the store at once instead of on first visit.
    const body = await readFile(new URL(name, ASSETS_DIRECTORY));
    app.get(`/assets/${name}`, async (_request, reply) =>
      reply.type(contentType).header('cache-control', 'no-cache').send(body),
    );
  }
}
