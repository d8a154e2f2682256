import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { ENCRYPTED_COLUMNS } from '../../src/keys/encrypted-columns.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres.js';

/**
 * Guards for tables that do not exist yet: any table with a shop_id column must have row-level
 * security enabled and forced, with a policy; any `*_enc` column must be known to key rotation.
 */
let scratch: ScratchDatabase;
let owner: Database;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  owner = scratch.owner();
});
afterAll(async () => {
  await owner.close();
  await scratch.drop();
});

describe('row-level security coverage', () => {
  it('enables and forces RLS, with a policy, on every table that has a shop_id', async () => {
    const tables = await sql<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'shop_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY 1
    `.execute(owner.db);

    expect(tables.rows.map((row) => row.table)).toContain('shops');
    for (const row of tables.rows) {
      expect({ table: row.table, enabled: row.enabled, forced: row.forced }).toEqual({
        table: row.table,
        enabled: true,
        forced: true,
      });
      expect(row.policies, `${row.table} has no policy`).toBeGreaterThan(0);
    }
  });

  it('has no view that would run with its owner’s rights over tenant tables', async () => {
    const views = await sql<{ view: string; options: string[] | null }>`
      SELECT c.relname AS view, c.reloptions AS options
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')
    `.execute(owner.db);

    for (const view of views.rows) {
      expect(view.options ?? [], `${view.view} lacks security_invoker`).toContain(
        'security_invoker=true',
      );
    }
  });

  it('registers every encrypted (*_enc) column for key rotation', async () => {
    const columns = await sql<{ table: string; column: string }>`
      SELECT c.relname AS table, a.attname AS column
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attname LIKE '%\\_enc'
        AND NOT a.attisdropped
      ORDER BY 1, 2
    `.execute(owner.db);
    const registered = ENCRYPTED_COLUMNS.map((entry) => `${entry.table}.${entry.column}`).sort();

    expect(columns.rows.map((row) => `${row.table}.${row.column}`)).toEqual(registered);
  });
});
