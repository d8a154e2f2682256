import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { type Database, openEmbedded } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { buildApp } from '../../src/http/app.js';
import type { Logger } from '../../src/logging/logger.js';
import { captureLogs } from './logs.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * The real application over a migrated in-memory PGlite, for HTTP-level tests that do not need
 * the real PostgreSQL. `extend` may add test-only routes before the app is ready.
 */
export async function buildTestApp(
  options: {
    env?: Record<string, string>;
    logger?: Logger;
    extend?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestApp> {
  const database = await openEmbedded(null);
  await migrate(database.db);
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });
  const app = await buildApp({
    config,
    database,
    logger: options.logger ?? captureLogs('info').logger,
  });
  options.extend?.(app);
  await app.ready();

  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
