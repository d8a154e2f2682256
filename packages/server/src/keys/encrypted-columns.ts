/**
 * Every field-encrypted column, so that key rotation and key-usage reports reach all of them.
 * A test fails when a `*_enc` bytea column exists in the schema without an entry here.
 */
export interface EncryptedColumn {
  readonly table: string;
  readonly column: string;
  /** The column whose value is the ciphertext's row binding (its associated data). */
  readonly rowIdColumn: string;
  /**
   * The column holding the shop the value belongs to, or `null` for data outside any shop
   * (global tables such as `users`), which the field cipher binds to the shop id `''`.
   */
  readonly shopIdColumn: string | null;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'shops', column: 'visitor_key_enc', rowIdColumn: 'shop_id', shopIdColumn: 'shop_id' },
  { table: 'users', column: 'email_enc', rowIdColumn: 'user_id', shopIdColumn: null },
  { table: 'users', column: 'totp_secret_enc', rowIdColumn: 'user_id', shopIdColumn: null },
  {
    table: 'users',
    column: 'totp_pending_secret_enc',
    rowIdColumn: 'user_id',
    shopIdColumn: null,
  },
  {
    table: 'invitations',
    column: 'email_enc',
    rowIdColumn: 'invitation_id',
    shopIdColumn: 'shop_id',
  },
];
