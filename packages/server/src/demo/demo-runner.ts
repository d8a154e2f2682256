import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startDemoStore } from '@auraflow/demo-store';
import type { Config } from '../config/config.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { TRACKER_DIST_DIR } from '../tracker-assets/tracker-asset-routes.js';
import { addOrigins, type DemoShop, ensureDemoShop } from './demo-shop.js';

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

/** The demo shop of this run, created on first start (see demo-shop.ts). */
export async function prepareDemoShop(
  config: Config,
  database: Database,
  cipher: FieldCipher,
): Promise<DemoShop> {
  await mkdir(config.dataDir, { recursive: true });
  return ensureDemoShop(database, cipher, { dataDir: config.dataDir });
}

/**
 * Starts the demo store on its own origin with the tracker snippet pointing at this server, and
 * registers its origins with the demo shop. Returns null (with a warning) when the tracker is not
 * built or the demo store is switched off.
 */
export async function startDemo(
  config: Config,
  shop: DemoShop,
  database: Database,
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
