import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPostgres } from '../../src/db/database.js';
import { databaseUrl } from '../../src/db/provision.js';
import { TEST_ROLES } from './test-roles.js';

export interface ScratchDatabase {
  readonly name: string;
  /** Connection URLs for each role; `superuser` is the admin role of the cluster. */
  readonly urls: Readonly<Record<'runtime' | 'owner' | 'bypass' | 'superuser', string>>;
  /** Opens a pool as the runtime role: the server's own view of the database. */
  runtime(poolMax?: number): Database;
  /** Opens a pool as the owner role (migrations, maintenance). */
  owner(poolMax?: number): Database;
  drop(): Promise<void>;
}

function roleUrl(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = '';
  return parsed.href;
}

/**
 * A fresh, migrated database cloned from the run's template, so each test file owns its data.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const { adminUrl, template } = inject('postgres');
  const name = `${template.replace('_tpl_', '_')}_${randomBytes(3).toString('hex')}`;
  await adminQuery(
    adminUrl,
    `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)} ` +
      `OWNER ${pg.escapeIdentifier(TEST_ROLES.owner)}`,
  );

  const url = databaseUrl(adminUrl, name);
  const urls = {
    runtime: roleUrl(url, TEST_ROLES.runtime),
    owner: roleUrl(url, TEST_ROLES.owner),
    bypass: roleUrl(url, TEST_ROLES.bypass),
    superuser: url,
  };
  return {
    name,
    urls,
    runtime: (poolMax = 4) => openPostgres(urls.runtime, poolMax),
    owner: (poolMax = 2) => openPostgres(urls.owner, poolMax),
    drop: () =>
      adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  // CREATE DATABASE ... TEMPLATE fails while another session is copying the same template.
  for (let attempt = 0; ; attempt += 1) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
      return;
    } catch (error) {
      const busy = error instanceof Error && 'code' in error && error.code === '55006';
      if (!busy || attempt > 50) throw error;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
