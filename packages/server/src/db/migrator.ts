import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';
import { RUNTIME_GROUP_ROLE } from './roles.js';

/** The folder of versioned SQL migrations, the same from `src/db` and `dist/db`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any constant works; it only has to be the same for every process that migrates.
const MIGRATION_LOCK_KEY = 7_214_221_001;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];

  for (const file of files) {
    const match = MIGRATION_FILE.exec(file);
    if (match?.[1] === undefined || match[2] === undefined) {
      throw new MigrationError(`${file}: migration files are named NNNN_snake_case.sql`);
    }
    const text = await readFile(new URL(file, `file://${dir}/`), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    migrations.push({ version: Number(match[1]), name: match[2], sql: text, checksum });
  }

  assertContiguous(migrations);
  return migrations;
}

function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(`migration ${migration.version} is out of sequence`);
    }
  });
}

export interface MigrationReport {
  readonly applied: readonly Migration[];
  readonly current: number;
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so that two
 * processes starting together do not race. Refuses to run when an applied migration's file has
 * changed since: history is append-only.
 */
export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<MigrationReport> {
  const migrations = await loadMigrations(dir);
  await assertRuntimeGroupRoleExists(db);
  await ensureHistoryTable(db);

  const applied: Migration[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const done = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('version', '=', migration.version)
        .executeTakeFirst();

      if (done !== undefined) {
        assertUnchanged(migration, done.checksum);
        return false;
      }
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
      return true;
    });
    if (ran) applied.push(migration);
  }

  return { applied, current: migrations.at(-1)?.version ?? 0 };
}

function assertUnchanged(migration: Migration, appliedChecksum: string): void {
  if (appliedChecksum === migration.checksum) return;

  throw new MigrationError(
    `migration ${migration.version}_${migration.name} was changed after it was applied; ` +
      'add a new migration instead of editing an applied one',
  );
}

async function assertRuntimeGroupRoleExists(db: Db): Promise<void> {
  const role = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${RUNTIME_GROUP_ROLE}`.execute(db);
  if (role.rows.length > 0) return;

  throw new MigrationError(
    `the role ${RUNTIME_GROUP_ROLE} does not exist; create the roles with ` +
      '`auraflow db provision` (see the README) before migrating',
  );
}

async function ensureHistoryTable(db: Db): Promise<void> {
  await sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`GRANT SELECT ON schema_migrations TO ${sql.id(RUNTIME_GROUP_ROLE)}`.execute(db);
}

export type MigrationStatus =
  | { readonly state: 'current'; readonly version: number }
  | { readonly state: 'pending'; readonly version: number; readonly latest: number };

/** Compares the database's schema version with the migrations this release ships. */
export async function migrationStatus(
  db: Db,
  dir: string = MIGRATIONS_DIR,
): Promise<MigrationStatus> {
  const migrations = await loadMigrations(dir);
  const latest = migrations.at(-1)?.version ?? 0;
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  const version = Number(row?.version ?? 0);

  return version >= latest ? { state: 'current', version } : { state: 'pending', version, latest };
}
