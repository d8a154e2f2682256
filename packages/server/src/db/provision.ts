import pg from 'pg';
import { RUNTIME_GROUP_ROLE } from './roles.js';

export interface ProvisionOptions {
  /** A superuser connection (for example to the `postgres` database) that may create roles. */
  readonly adminUrl: string;
  readonly database: string;
  readonly ownerRole: string;
  readonly runtimeRole: string;
  readonly ownerPassword?: string | undefined;
  readonly runtimePassword?: string | undefined;
}

export interface ProvisionResult {
  /** For `DATABASE_OWNER_URL`: migrations and maintenance commands. */
  readonly ownerUrl: string;
  /** For `DATABASE_URL`: the server. */
  readonly runtimeUrl: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export class ProvisionError extends Error {
  override name = 'ProvisionError';
}

/**
 * Creates, idempotently, the two roles and the database the server expects on real PostgreSQL:
 * an owner (owns the tables, runs migrations, BYPASSRLS for operator maintenance such as key
 * rotation across shops) and a runtime role (LOGIN only, a member of the runtime group role to
 * which migrations grant table privileges, subject to every policy).
 */
export async function provisionPostgres(options: ProvisionOptions): Promise<ProvisionResult> {
  for (const name of [options.database, options.ownerRole, options.runtimeRole]) {
    if (!IDENTIFIER.test(name)) {
      throw new ProvisionError(`"${name}" must be a lower-case identifier ([a-z_][a-z0-9_]*)`);
    }
  }

  await withClient(options.adminUrl, async (admin) => {
    await ensureRole(admin, RUNTIME_GROUP_ROLE, 'NOLOGIN NOSUPERUSER NOBYPASSRLS');
    await ensureRole(
      admin,
      options.ownerRole,
      'LOGIN NOSUPERUSER BYPASSRLS',
      options.ownerPassword,
    );
    await ensureRole(
      admin,
      options.runtimeRole,
      'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE',
      options.runtimePassword,
    );
    await admin.query(`GRANT ${ident(RUNTIME_GROUP_ROLE)} TO ${ident(options.runtimeRole)}`);
    await ensureDatabase(admin, options.database, options.ownerRole);
  });

  await withClient(databaseUrl(options.adminUrl, options.database), async (admin) => {
    await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await admin.query(`REVOKE ALL ON DATABASE ${ident(options.database)} FROM PUBLIC`);
    await admin.query(
      `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(options.database)} ` +
        `TO ${ident(options.ownerRole)}, ${ident(RUNTIME_GROUP_ROLE)}`,
    );
  });

  return {
    ownerUrl: roleUrl(options.adminUrl, options.database, options.ownerRole, options.ownerPassword),
    runtimeUrl: roleUrl(
      options.adminUrl,
      options.database,
      options.runtimeRole,
      options.runtimePassword,
    ),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function ident(name: string): string {
  return pg.escapeIdentifier(name);
}

async function ensureRole(
  admin: pg.Client,
  role: string,
  attributes: string,
  password?: string,
): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
  const secret = password === undefined ? '' : ` PASSWORD ${pg.escapeLiteral(password)}`;

  await admin.query(`${verb} ROLE ${ident(role)} WITH ${attributes}${secret}`);
}

async function ensureDatabase(admin: pg.Client, database: string, owner: string): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(owner)}`);
    return;
  }
  await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
}

export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

function roleUrl(adminUrl: string, database: string, role: string, password?: string): string {
  const parsed = new URL(databaseUrl(adminUrl, database));
  parsed.username = role;
  parsed.password = password ?? '';
  return parsed.href;
}
