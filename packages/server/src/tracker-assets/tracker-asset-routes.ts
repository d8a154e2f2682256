import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/error-registry.js';

/** Where the tracker build writes its files and manifest. */
export const TRACKER_DIST_DIR = fileURLToPath(new URL('../../../tracker/dist/', import.meta.url));

export interface TrackerFile {
  readonly file: string;
  readonly integrity: string;
}

export interface TrackerManifest {
  readonly loader: TrackerFile;
  readonly core: TrackerFile;
}

function isTrackerFile(value: unknown): value is TrackerFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = 'file' in value ? value.file : undefined;
  const integrity = 'integrity' in value ? value.integrity : undefined;
  return (
    typeof file === 'string' &&
    /^[a-z0-9.-]+\.js$/.test(file) &&
    typeof integrity === 'string' &&
    integrity.startsWith('sha384-')
  );
}

/** Reads the tracker manifest, or null when the tracker has not been built. */
export async function readTrackerManifest(
  dir: string = TRACKER_DIST_DIR,
): Promise<TrackerManifest | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const loader = 'loader' in parsed ? parsed.loader : undefined;
  const core = 'core' in parsed ? parsed.core : undefined;
  return isTrackerFile(loader) && isTrackerFile(core) ? { loader, core } : null;
}

/**
 * Serves the built tracker files at `/t/<file>`, any origin may load them (storefronts are on
 * other origins, and `crossorigin` + `integrity` need CORS). Names carry a content hash, so the
 * files are immutable. Only the files the manifest lists are served.
 */
export async function registerTrackerAssetRoutes(
  app: FastifyInstance,
  dir: string = TRACKER_DIST_DIR,
): Promise<TrackerManifest | null> {
  const manifest = await readTrackerManifest(dir);
  const files = new Map<string, Buffer>();
  for (const entry of manifest === null ? [] : [manifest.loader, manifest.core]) {
    files.set(entry.file, await readFile(path.join(dir, entry.file)));
  }

  app.get('/t/:file', async (request, reply) => {
    const params = request.params;
    const name =
      typeof params === 'object' && params !== null && 'file' in params ? params.file : '';
    const body = typeof name === 'string' ? files.get(name) : undefined;
    if (body === undefined) throw new AppError('ROUTE_NOT_FOUND');

    return reply
      .type('text/javascript; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(body);
  });
  return manifest;
}
