/**
 * Every field-encrypted column, so that key rotation and key-usage reports reach all of them.
 * A test fails when a `*_enc` bytea column exists in the schema without an entry here.
 */
export interface EncryptedColumn {
  readonly table: string;
  readonly column: string;
  /** The column whose value is the ciphertext's row binding (its associated data). */
  readonly rowIdColumn: string;
  readonly shopIdColumn: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'shops', column: 'visitor_key_enc', rowIdColumn: 'shop_id', shopIdColumn: 'shop_id' },
];
