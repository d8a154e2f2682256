import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startDemoStore } from '@auraflow/demo-store';
import type { Config } from '../config/config.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { TRACKER_DIST_DIR } from '../tracker-assets/tracker-asset-routes.js';
import { addOrigins, ensureDemoShop } from './demo-shop.js';

export interface RunningDemo {
  readonly url: string;
  readonly siteKey: string;
  close(): Promise<void>;
}

/** The origins a browser may show for the demo store: the address it listens on, and localhost. */
function demoOrigins(host: string, port: number): string[] {
  const hosts = new Set([host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host, 'localhost']);
  return [...hosts].map((name) => `http://${name}:${port}`);
}

/**
 * Starts the demo store on its own origin with the tracker snippet pointing at this server, after
 * making sure the demo shop exists. Returns null (with a warning) when the tracker is not built.
 */
export async function startDemo(
  config: Config,
  database: Database,
  cipher: FieldCipher,
  logger: Logger,
): Promise<RunningDemo | null> {
  if (config.demoStore === null) return null;

  let snippetHtml: string;
  try {
    snippetHtml = await readFile(path.join(TRACKER_DIST_DIR, 'snippet.html'), 'utf8');
  } catch {
    logger.warn('the tracker is not built (npm run build); the demo store is not started');
    return null;
  }

  await mkdir(config.dataDir, { recursive: true });
  const shop = await ensureDemoShop(database, cipher, { dataDir: config.dataDir });
  const store = await startDemoStore({
    host: config.host,
    port: config.demoStore.port,
    apiOrigin: config.publicUrl.origin,
    siteKey: shop.siteKey,
    snippetHtml,
    logger,
  });
  // The port is known once listening (DEMO_PORT=0 picks a free one).
  await addOrigins(
    database,
    shop.shopId,
    demoOrigins(config.host, Number(new URL(store.url).port)),
  );
  return { url: store.url, siteKey: shop.siteKey, close: () => store.close() };
}
