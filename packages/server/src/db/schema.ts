import type { ColumnType, Generated } from 'kysely';

/** Row shapes of the tables, as the query layer sees them. */
export interface DatabaseSchema {
  shops: ShopsTable;
  shop_domains: ShopDomainsTable;
  schema_migrations: SchemaMigrationsTable;
  visitor_states: VisitorStatesTable;
  hourly_rollups: HourlyRollupsTable;
  rollup_deltas: RollupDeltasTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  user_devices: UserDevicesTable;
  user_sessions: UserSessionsTable;
  one_time_codes: OneTimeCodesTable;
  recovery_codes: RecoveryCodesTable;
  auth_events: AuthEventsTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ShopsTable {
  shop_id: string;
  site_key: string;
  name: string;
  shopify_domain: string | null;
  /** Per-shop key for the visitor-key HMAC; field-encrypted. */
  visitor_key_enc: Uint8Array;
  /** Members must use an authenticator app as their second factor (migration 0003). */
  members_require_totp: Generated<boolean>;
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

// Accounts (migration 0003): users are global, memberships and invitations are tenant tables.

export type MemberRole = 'owner' | 'admin' | 'analyst';

export interface UsersTable {
  user_id: string;
  email_enc: Uint8Array;
  email_index: Uint8Array;
  password_hash: string;
  email_verified_at: Timestamp | null;
  totp_secret_enc: Uint8Array | null;
  totp_enrolled_at: Timestamp | null;
  totp_pending_secret_enc: Uint8Array | null;
  /** bigint: the driver returns it as a string. */
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  failed_sign_ins: Generated<number>;
  locked_at: Timestamp | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  shop_id: string;
  user_id: string;
  role: MemberRole;
  created_at: Timestamp;
}

export interface InvitationsTable {
  shop_id: string;
  invitation_id: string;
  token_hash: Uint8Array;
  email_enc: Uint8Array;
  email_index: Uint8Array;
  role: MemberRole;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
}

export interface UserDevicesTable {
  device_id: string;
  user_id: string;
  token_hash: Uint8Array;
  browser_family: string;
  country: string | null;
  region: string | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
}

export type SessionStage = 'second_factor' | 'device_verification' | 'totp_enrolment' | 'active';
export type SecondFactorMethod = 'totp' | 'email' | 'recovery';

export interface UserSessionsTable {
  session_id: string;
  token_hash: Uint8Array;
  user_id: string;
  stage: SessionStage;
  second_factor: SecondFactorMethod | null;
  device_id: string | null;
  device_token_hash: Uint8Array | null;
  device_recognised: Generated<boolean>;
  failed_attempts: Generated<number>;
  codes_sent: Generated<number>;
  persistent: Generated<boolean>;
  browser_family: string;
  country: string | null;
  region: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
}

export type OneTimeCodePurpose =
  | 'email_verification'
  | 'sign_in'
  | 'device_verification'
  | 'unlock';

export interface OneTimeCodesTable {
  code_id: string;
  user_id: string;
  session_id: string | null;
  purpose: OneTimeCodePurpose;
  code_hash: Uint8Array;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: Uint8Array;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuthEventsTable {
  event_id: Generated<string>;
  occurred_at: Timestamp;
  event_type: string;
  user_id: string | null;
  shop_id: string | null;
  session_ref: string | null;
  request_id: string | null;
  browser_family: string | null;
  country: string | null;
  region: string | null;
  detail: ColumnType<Record<string, string>, string, never>;
}
