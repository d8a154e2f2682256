import type { ColumnType, Generated } from 'kysely';

/** Row shapes of the tables, as the query layer sees them. */
export interface DatabaseSchema {
  shops: ShopsTable;
  shop_domains: ShopDomainsTable;
  schema_migrations: SchemaMigrationsTable;
  visitor_states: VisitorStatesTable;
  hourly_rollups: HourlyRollupsTable;
  rollup_deltas: RollupDeltasTable;
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

export interface VisitorStatesTable {
  shop_id: string;
  /** HMAC of the browser's visitor id under the shop's secret; never the id itself. */
  visitor_key: Uint8Array;
  taxonomy_version: string;
  probabilities: ColumnType<Record<string, number>, string, string>;
  top_archetype: string;
  confidence: number;
  country: string | null;
  region: string | null;
  session_id: string;
  session_seq: number;
  sessions: Generated<number>;
  restricted: Generated<boolean>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export type RollupDimension = 'archetype' | 'confidence' | 'country';

export interface HourlyRollupsTable {
  shop_id: string;
  hour: Timestamp;
  dimension: RollupDimension;
  bucket: string;
  visitors: number;
}

export interface RollupDeltasTable {
  shop_id: string;
  delta_id: Generated<string>;
  hour: Timestamp;
  dimension: RollupDimension;
  bucket: string;
  change: -1 | 1;
}
