import { sql } from 'kysely';
import type { Db } from './database.js';

/** Raised when the runtime connection could skip row-level security. */
export class UnsafeRuntimeRoleError extends Error {
  override name = 'UnsafeRuntimeRoleError';

  constructor(
    readonly role: string,
    readonly reasons: readonly string[],
  ) {
    super(
      `refusing to run as database role "${role}": ${reasons.join('; ')}. ` +
        'Connect DATABASE_URL as the runtime role created by `auraflow db provision`, ' +
        'which is not a superuser, has no BYPASSRLS and owns nothing.',
    );
  }
}

interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassrls: boolean;
  privilegedMembership: boolean;
  ownsRelations: boolean;
  ownsFunctions: boolean;
  ownsSchemas: boolean;
  ownsDatabase: boolean;
}

/**
 * Row-level security does not apply to superusers, to roles with BYPASSRLS, or (without FORCE)
 * to table owners; a role that can SET ROLE to such a role is as strong. The server checks its
 * own connection against all of these at start and refuses to run if any holds.
 */
export async function assertRuntimeRoleIsSafe(db: Db): Promise<void> {
  const facts = await readRoleFacts(db);
  const reasons = [
    facts.superuser && 'it is a superuser',
    facts.bypassrls && 'it has BYPASSRLS',
    facts.privilegedMembership && 'it is a member of a superuser or BYPASSRLS role',
    facts.ownsRelations && 'it owns tables or other relations',
    facts.ownsFunctions && 'it owns functions',
    facts.ownsSchemas && 'it owns schemas',
    facts.ownsDatabase && 'it owns the database',
  ].filter((reason): reason is string => typeof reason === 'string');

  if (reasons.length > 0) throw new UnsafeRuntimeRoleError(facts.role, reasons);
}

async function readRoleFacts(db: Db): Promise<RoleFacts> {
  const result = await sql<RoleFacts>`
    SELECT
      current_user AS role,
      r.rolsuper AS superuser,
      r.rolbypassrls AS bypassrls,
      EXISTS (
        SELECT 1 FROM pg_roles other
        WHERE other.oid <> r.oid
          AND (other.rolsuper OR other.rolbypassrls)
          AND pg_has_role(current_user, other.oid, 'MEMBER')
      ) AS "privilegedMembership",
      EXISTS (
        SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg_toast%'
          AND pg_has_role(current_user, c.relowner, 'MEMBER')
      ) AS "ownsRelations",
      EXISTS (
        SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND pg_has_role(current_user, p.proowner, 'MEMBER')
      ) AS "ownsFunctions",
      EXISTS (
        SELECT 1 FROM pg_namespace n
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
          AND pg_has_role(current_user, n.nspowner, 'MEMBER')
      ) AS "ownsSchemas",
      EXISTS (
        SELECT 1 FROM pg_database d
        WHERE d.datname = current_database() AND pg_has_role(current_user, d.datdba, 'MEMBER')
      ) AS "ownsDatabase"
    FROM pg_roles r
    WHERE r.rolname = current_user
  `.execute(db);

  const facts = result.rows[0];
  if (facts === undefined) throw new Error('the current database role could not be read');
  return facts;
}
