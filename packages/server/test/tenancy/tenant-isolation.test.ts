import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openEmbedded } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { withTenant } from '../../src/db/tenant.js';
import { generateSiteKey } from '../../src/shops/site-key.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres.js';

/**
 * Row-level security keeps each shop's rows to itself even when a query forgets its tenant
 * filter. Proven on real PostgreSQL as the runtime role; the policy logic is also exercised on
 * the embedded PGlite, where tenant transactions switch to the runtime group role.
 */
async function insertShop(database: Database, shopId: string): Promise<void> {
  await withTenant(database, shopId, async (trx) => {
    await trx
      .insertInto('shops')
      .values({
        shop_id: shopId,
        site_key: generateSiteKey(),
        name: `shop ${shopId.slice(0, 8)}`,
        shopify_domain: null,
        visitor_key_enc: randomBytes(48),
      })
      .execute();
    await trx
      .insertInto('shop_domains')
      .values({ shop_id: shopId, origin: `https://${shopId.slice(0, 8)}.example` })
      .execute();
  });
}

interface Backend {
  readonly name: string;
  open(): Promise<{ database: Database; close(): Promise<void> }>;
}

let scratch: ScratchDatabase;

const backends: Backend[] = [
  {
    name: 'PostgreSQL as the runtime role',
    async open() {
      const database = scratch.runtime(1);
      return { database, close: () => database.close() };
    },
  },
  {
    name: 'embedded PGlite (policy logic)',
    async open() {
      const database = await openEmbedded(null);
      await migrate(database.db);
      return { database, close: () => database.close() };
    },
  },
];

beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(async () => {
  await scratch.drop();
});

describe.each(backends)('tenant isolation on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;
  const shopA = randomUUID();
  const shopB = randomUUID();

  beforeAll(async () => {
    ({ database, close } = await backend.open());
    await insertShop(database, shopA);
    await insertShop(database, shopB);
  });
  afterAll(async () => {
    await close();
  });

  it("hides shop A's rows from shop B's context, even without a tenant filter", async () => {
    const seenByB = await withTenant(database, shopB, (trx) =>
      trx.selectFrom('shops').select('shop_id').execute(),
    );
    const domainsSeenByB = await withTenant(database, shopB, (trx) =>
      trx.selectFrom('shop_domains').select('shop_id').execute(),
    );

    expect(seenByB.map((row) => row.shop_id)).toEqual([shopB]);
    expect(domainsSeenByB.map((row) => row.shop_id)).toEqual([shopB]);
  });

  it('refuses an insert of a row for another shop', async () => {
    const attempt = withTenant(database, shopB, (trx) =>
      trx
        .insertInto('shop_domains')
        .values({ shop_id: shopA, origin: 'https://evil.example' })
        .execute(),
    );

    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it("cannot update or delete another shop's rows", async () => {
    const updated = await withTenant(database, shopB, (trx) =>
      trx.updateTable('shops').set({ name: 'taken over' }).where('shop_id', '=', shopA).execute(),
    );
    const deleted = await withTenant(database, shopB, (trx) =>
      trx.deleteFrom('shop_domains').where('shop_id', '=', shopA).execute(),
    );
    const moved = withTenant(database, shopB, (trx) =>
      trx
        .updateTable('shop_domains')
        .set({ shop_id: shopA })
        .where('shop_id', '=', shopB)
        .execute(),
    );

    expect(Number(updated[0]?.numUpdatedRows)).toBe(0);
    expect(Number(deleted[0]?.numDeletedRows)).toBe(0);
    await expect(moved).rejects.toThrow(/row-level security/);
    const nameOfA = await withTenant(database, shopA, (trx) =>
      trx.selectFrom('shops').select('name').executeTakeFirstOrThrow(),
    );
    expect(nameOfA.name).not.toBe('taken over');
  });

  it('returns nothing from tenant tables without a shop context', async () => {
    const shops = await database.db.selectFrom('shops').select('shop_id').execute();
    const domains = await database.db.selectFrom('shop_domains').select('shop_id').execute();

    if (database.kind === 'postgres') {
      expect(shops).toEqual([]);
      expect(domains).toEqual([]);
    } else {
      // The embedded session is a superuser outside tenant transactions; the same query under
      // the runtime group role, with no shop set, sees nothing.
      const asRuntime = await database.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL ROLE auraflow_runtime`.execute(trx);
        return trx.selectFrom('shops').select('shop_id').execute();
      });
      expect(asRuntime).toEqual([]);
    }
  });

  it('leaves no tenant on a pooled connection reused after a transaction', async () => {
    await withTenant(database, shopA, (trx) => trx.selectFrom('shops').selectAll().execute());

    // The pool holds one connection, so this runs on the very connection used above.
    const afterwards = await database.db.transaction().execute(async (trx) => {
      if (database.tenantRole !== null) {
        await sql`SET LOCAL ROLE ${sql.id(database.tenantRole)}`.execute(trx);
      }
      const setting = await sql<{ value: string | null }>`
        SELECT current_setting('app.shop_id', true) AS value
      `.execute(trx);
      const rows = await trx.selectFrom('shops').select('shop_id').execute();
      return { setting: setting.rows[0]?.value ?? null, rows };
    });

    expect(afterwards.setting ?? '').toBe('');
    expect(afterwards.rows).toEqual([]);
  });

  it('refuses a tenant context that is not a shop id', async () => {
    const attempt = withTenant(database, "x' OR true --", (trx) =>
      trx.selectFrom('shops').selectAll().execute(),
    );

    await expect(attempt).rejects.toThrow(/UUID/);
  });
});
