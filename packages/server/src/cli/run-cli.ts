import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { FieldCipher } from '../crypto/field-cipher.js';
import { generateKeyId, generateKeyMaterial } from '../crypto/keyring.js';
import { type Database, openEmbedded, openPostgres } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { provisionPostgres } from '../db/provision.js';
import { keyUsage, rotateKeys } from '../keys/key-rotation.js';
import { loadKeyring } from '../keys/load-keyring.js';
import { createLogger } from '../logging/logger.js';

const USAGE = `auraflow: operator commands

  auraflow migrate                 apply pending database migrations
  auraflow db provision            create the owner and runtime roles and the database
      --admin-url URL              a superuser connection (required)
      --database NAME              default: auraflow
      --owner-role NAME            default: auraflow_owner
      --runtime-role NAME          default: auraflow_app
      (passwords: AURAFLOW_OWNER_PASSWORD, AURAFLOW_RUNTIME_PASSWORD, optional)
  auraflow keys generate           print a new key id and key for AURAFLOW_ENCRYPTION_KEYS
  auraflow keys rotate             re-encrypt every encrypted value under the active key
      --batch-size N               rows per transaction, default 500
  auraflow keys usage              count encrypted values per key id
  auraflow help                    this text

On real PostgreSQL, migrate and keys use DATABASE_OWNER_URL (the owner role); in embedded mode
they open AURAFLOW_DATA_DIR, so stop the server first.
`;

export class UsageError extends Error {}

type Output = (line: string) => void;

/** Runs one command; returns the process exit code. Exported for tests. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, out: Output) {
  const [group, action, ...rest] = args;
  const command = action === undefined || action.startsWith('-') ? group : `${group} ${action}`;
  const options = action === undefined || action.startsWith('-') ? args.slice(1) : rest;

  switch (command) {
    case 'migrate':
      return withMaintenanceDb(env, async (db) => {
        const report = await migrate(db.db);
        out(`applied ${report.applied.length} migration(s); schema version ${report.current}`);
      });
    case 'db provision':
      return provision(options, env, out);
    case 'keys generate':
      out(`${generateKeyId()}:${generateKeyMaterial()}`);
      out('Append it to AURAFLOW_ENCRYPTION_KEYS and make its id AURAFLOW_ENCRYPTION_ACTIVE_KEY.');
      return 0;
    case 'keys rotate':
      return rotate(options, env, out);
    case 'keys usage':
      return withMaintenanceDb(env, async (db) => {
        const usage = await keyUsage(db.db);
        if (usage.length === 0) out('no encrypted values');
        for (const row of usage) out(`${row.table}.${row.column}\t${row.keyId}\t${row.values}`);
      });
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${args.join(' ')}"; see \`auraflow help\``);
  }
}

async function withMaintenanceDb(
  env: NodeJS.ProcessEnv,
  work: (database: Database, config: Config) => Promise<void>,
): Promise<number> {
  const config = loadConfig(env);
  const database = await openMaintenanceDb(config);
  try {
    await work(database, config);
    return 0;
  } finally {
    await database.close();
  }
}

async function openMaintenanceDb(config: Config): Promise<Database> {
  if (config.database.kind === 'embedded') return openEmbedded(config.database.dataDir);
  if (config.databaseOwnerUrl === null) {
    throw new ConfigError('DATABASE_OWNER_URL', 'is required for maintenance commands');
  }
  return openPostgres(config.databaseOwnerUrl, 2);
}

async function provision(options: readonly string[], env: NodeJS.ProcessEnv, out: Output) {
  const { values } = parseArgs({
    args: [...options],
    options: {
      'admin-url': { type: 'string' },
      database: { type: 'string', default: 'auraflow' },
      'owner-role': { type: 'string', default: 'auraflow_owner' },
      'runtime-role': { type: 'string', default: 'auraflow_app' },
    },
  });
  const adminUrl = values['admin-url'];
  if (adminUrl === undefined) throw new UsageError('--admin-url is required');

  const result = await provisionPostgres({
    adminUrl,
    database: values.database,
    ownerRole: values['owner-role'],
    runtimeRole: values['runtime-role'],
    ownerPassword: env['AURAFLOW_OWNER_PASSWORD'],
    runtimePassword: env['AURAFLOW_RUNTIME_PASSWORD'],
  });
  out(`DATABASE_OWNER_URL=${withoutPassword(result.ownerUrl)}`);
  out(`DATABASE_URL=${withoutPassword(result.runtimeUrl)}`);
  out('(passwords, if you set them, are not printed; add them to the URLs)');
  return 0;
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.href;
}

async function rotate(options: readonly string[], env: NodeJS.ProcessEnv, out: Output) {
  const { values } = parseArgs({
    args: [...options],
    options: { 'batch-size': { type: 'string', default: '500' } },
  });
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new UsageError('--batch-size must be a whole number from 1 to 10000');
  }

  return withMaintenanceDb(env, async (database, config) => {
    const logger = createLogger({ level: 'warn' });
    const keyring = await loadKeyring(config.keyring, logger);
    const cipher = new FieldCipher(keyring);
    out(`re-encrypting under key ${keyring.activeKeyId}`);
    const report = await rotateKeys(database.db, cipher, {
      batchSize,
      onProgress: (p) => out(`${p.table}.${p.column}: ${p.done}/${p.total}`),
    });
    if (report.length === 0)
      out(`nothing to re-encrypt: every value is under ${keyring.activeKeyId}`);
    for (const row of report) out(`${row.table}.${row.column}: done, ${row.done} re-encrypted`);
  });
}
