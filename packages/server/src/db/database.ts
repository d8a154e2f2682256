import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import { PgliteDialect } from './pglite-dialect.js';
import { RUNTIME_GROUP_ROLE } from './roles.js';
import type { DatabaseSchema } from './schema.js';

export type Db = Kysely<DatabaseSchema>;

/** An open database: the typed query layer plus what tenancy needs to know about it. */
export interface Database {
  readonly kind: 'postgres' | 'embedded';
  readonly db: Db;
  /**
   * The role a tenant transaction switches to with SET LOCAL ROLE. Only set for the embedded
   * database, whose single session is a superuser: switching role makes its policies apply.
   * On real PostgreSQL the connection already is the runtime role.
   */
  readonly tenantRole: string | null;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'postgres'
    ? openPostgres(config.url, config.poolMax)
    : openEmbedded(config.dataDir);
}

export function openPostgres(url: string, poolMax = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle client's error (say, the server restarting) must not crash the process; the next
  // query on a fresh client reports it instead.
  pool.on('error', () => {});
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });

  return { kind: 'postgres', db, tenantRole: null, close: () => db.destroy() };
}

/**
 * Opens (creating on first use) the embedded PGlite database. `dataDir` null keeps it in memory,
 * which tests use. PGlite runs as a superuser: it checks policy logic, it is no security boundary.
 */
export async function openEmbedded(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const pglite = dataDir === null ? new PGlite() : new PGlite(dataDir);
  const db = new Kysely<DatabaseSchema>({ dialect: new PgliteDialect(pglite) });

  await ensureRuntimeGroupRole(db);
  return { kind: 'embedded', db, tenantRole: RUNTIME_GROUP_ROLE, close: () => db.destroy() };
}

async function ensureRuntimeGroupRole(db: Db): Promise<void> {
  const existing = await sql<{ n: number }>`
    SELECT 1 AS n FROM pg_roles WHERE rolname = ${RUNTIME_GROUP_ROLE}
  `.execute(db);
  if (existing.rows.length > 0) return;

  await sql`CREATE ROLE ${sql.id(RUNTIME_GROUP_ROLE)} NOLOGIN`.execute(db);
}
