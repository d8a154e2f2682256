import { sql, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseSchema } from './schema.js';

export type TenantTransaction = Transaction<DatabaseSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidShopIdError extends Error {
  override name = 'InvalidShopIdError';
  constructor() {
    super('a tenant context needs a shop id in UUID form');
  }
}

/**
 * Runs `work` in a transaction bound to one shop. The shop id is set with
 * `set_config('app.shop_id', id, true)`: transaction-local, so when the transaction ends the
 * pooled connection carries no tenant into the next request. Row-level security then limits
 * every statement in `work` to that shop's rows, whatever filters the query forgot.
 */
export async function withTenant<T>(
  database: Database,
  shopId: string,
  work: (trx: TenantTransaction) => Promise<T>,
): Promise<T> {
  if (!UUID.test(shopId)) throw new InvalidShopIdError();

  return database.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('app.shop_id', ${shopId}, true)`.execute(trx);
    if (database.tenantRole !== null) {
      await sql`SET LOCAL ROLE ${sql.id(database.tenantRole)}`.execute(trx);
    }
    return work(trx);
  });
}
