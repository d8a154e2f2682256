import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../src/db/database.js';
import { migrate } from '../src/db/migrator.js';
import { databaseUrl, provisionPostgres } from '../src/db/provision.js';
import { RUNTIME_GROUP_ROLE } from '../src/db/roles.js';
import { TEST_ROLES } from './support/test-roles.js';

/**
 * Once per test run, on the machine's real PostgreSQL: provision the roles, create a template
 * database and migrate it as the owner. Test files clone the template into scratch databases of
 * their own (see support/postgres.ts), so they can run in parallel without seeing each other.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl =
    process.env['AURAFLOW_TEST_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const template = `auraflow_test_tpl_${randomBytes(4).toString('hex')}`;

  const { ownerUrl } = await provisionPostgres({
    adminUrl,
    database: template,
    ownerRole: TEST_ROLES.owner,
    runtimeRole: TEST_ROLES.runtime,
  });
  await ensureBypassRole(adminUrl);

  const owner = openPostgres(ownerUrl, 1);
  await migrate(owner.db);
  await owner.close();

  project.provide('postgres', { adminUrl, template });
  return async () => {
    await dropTestDatabases(adminUrl, template);
  };
}

async function ensureBypassRole(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const role = pg.escapeIdentifier(TEST_ROLES.bypass);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      TEST_ROLES.bypass,
    ]);
    const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
    await client.query(`${verb} ROLE ${role} WITH LOGIN NOSUPERUSER BYPASSRLS`);
    await client.query(`GRANT ${pg.escapeIdentifier(RUNTIME_GROUP_ROLE)} TO ${role}`);
  } finally {
    await client.end();
  }
}

async function dropTestDatabases(adminUrl: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(adminUrl, 'postgres') });
  await client.connect();
  try {
    const prefix = `${template.replace('_tpl_', '_')}_`;
    const rows = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)',
      [template, prefix],
    );
    for (const { datname } of rows.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { adminUrl: string; template: string };
  }
}
