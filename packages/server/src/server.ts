import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { FieldCipher } from './crypto/field-cipher.js';
import type { Keyring } from './crypto/keyring.js';
import { type Database, openDatabase } from './db/database.js';
import { migrate } from './db/migrator.js';
import { assertRuntimeRoleIsSafe } from './db/runtime-role-check.js';
import { prepareDemoShop, type RunningDemo, startDemo } from './demo/demo-runner.js';
import { createMailer } from './email/mailer.js';
import { buildApp, type TlsMaterial } from './http/app.js';
import { loadKeyring } from './keys/load-keyring.js';
import type { Logger } from './logging/logger.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly keyring: Keyring;
  readonly cipher: FieldCipher;
  /** The addresses the API and dashboard answer on. */
  readonly urls: readonly string[];
  /** The local demo store, when it runs. */
  readonly demo: RunningDemo | null;
  /** Stops taking requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it in embedded mode), checks that the runtime role cannot
 * bypass row-level security, loads the keyring, and listens.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const keyring = await loadKeyring(config.keyring, logger);
  const cipher = new FieldCipher(keyring);
  const database = await openDatabase(config.database);

  try {
    await prepareDatabase(database, logger);
    const tls = await readTls(config);
    // The demo shop exists before the app: the first sign-up becomes its owner.
    const demoShop =
      config.demoStore === null ? null : await prepareDemoShop(config, database, cipher);
    const mailer = createMailer(config, config.dataDir);
    const app = await buildApp({
      config,
      database,
      cipher,
      keyring,
      logger,
      tls,
      mailer,
      accounts: { demoShopId: demoShop?.shopId ?? null },
    });
    app.addHook('onClose', () => mailer.close());
    await app.listen({ host: config.host, port: config.port });
    const demo = demoShop === null ? null : await startDemo(config, demoShop, database, logger);

    return {
      app,
      database,
      keyring,
      cipher,
      urls: listeningUrls(app, tls !== null),
      demo,
      async close() {
        await demo?.close();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function prepareDatabase(database: Database, logger: Logger): Promise<void> {
  if (database.kind === 'embedded') {
    const report = await migrate(database.db);
    if (report.applied.length > 0) {
      logger.info({ applied: report.applied.length, version: report.current }, 'migrated');
    }
    return;
  }
  await assertRuntimeRoleIsSafe(database.db);
}

async function readTls(config: Config): Promise<TlsMaterial | null> {
  if (config.tls === null) return null;

  const [cert, key] = await Promise.all([
    readFile(config.tls.certFile),
    readFile(config.tls.keyFile),
  ]);
  return { cert, key };
}

function listeningUrls(app: FastifyInstance, tls: boolean): string[] {
  const scheme = tls ? 'https' : 'http';
  return app.addresses().flatMap((info) => {
    if (typeof info === 'string') return [];
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    return [`${scheme}://${host}:${info.port}`];
  });
}
