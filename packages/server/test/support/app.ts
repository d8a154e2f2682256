import type { FastifyInstance } from 'fastify';
import type { AccountSettings } from '../../src/accounts/register-account-routes.js';
import { loadConfig } from '../../src/config/config.js';
import { FieldCipher } from '../../src/crypto/field-cipher.js';
import { type Database, openEmbedded } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import type { Mailer } from '../../src/email/mailer.js';
import { buildApp } from '../../src/http/app.js';
import type { Logger } from '../../src/logging/logger.js';
import { type TestKeys, testKeys } from './keyring.js';
import { captureLogs } from './logs.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly cipher: FieldCipher;
  close(): Promise<void>;
}

/**
 * The real application over a migrated in-memory PGlite, for HTTP-level tests that do not need
 * the real PostgreSQL. `extend` may add test-only routes before the app is ready.
 */
export async function buildTestApp(
  options: {
    env?: Record<string, string>;
    keys?: TestKeys;
    /** A database to use instead of a fresh in-memory PGlite (it is not closed by close()). */
    database?: Database;
    logger?: Logger;
    /** Outgoing mail (an SMTP mailer pointed at a test's own SMTP server, say). */
    mailer?: Mailer;
    /** Clock, limits and demo shop of merchant accounts. */
    accounts?: AccountSettings;
    extend?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openEmbedded(null));
  if (options.database === undefined) await migrate(database.db);
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });

  const keys = options.keys ?? testKeys();
  const app = await buildApp({
    config,
    database,
    cipher: new FieldCipher(keys.keyring),
    keyring: keys.keyring,
    logger: options.logger ?? captureLogs('info').logger,
    ...(options.mailer === undefined ? {} : { mailer: options.mailer }),
    ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
  });
  options.extend?.(app);
  await app.ready();

  return {
    app,
    database,
    cipher: new FieldCipher(keys.keyring),
    async close() {
      await app.close();
      if (options.database === undefined) await database.close();
    },
  };
}
