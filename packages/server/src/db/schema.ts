import type { ColumnType, Generated } from 'kysely';

/** Row shapes of the tables, as the query layer sees them. */
export interface DatabaseSchema {
  shops: ShopsTable;
  shop_domains: ShopDomainsTable;
  schema_migrations: SchemaMigrationsTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ShopsTable {
  shop_id: string;
  site_key: string;
  name: string;
  shopify_domain: string | null;
  /** Per-shop key for the visitor-key HMAC; field-encrypted. */
  visitor_key_enc: Uint8Array;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ShopDomainsTable {
  shop_id: string;
  /** A storefront origin allowed to send scores: scheme, host and optional port. */
  origin: string;
  created_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}
