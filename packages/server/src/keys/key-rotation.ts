import { sql } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Db } from '../db/database.js';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns.js';

export interface RotationProgress {
  readonly table: string;
  readonly column: string;
  readonly done: number;
  readonly total: number;
}

export interface RotationOptions {
  readonly batchSize?: number;
  readonly columns?: readonly EncryptedColumn[];
  readonly onProgress?: (progress: RotationProgress) => void;
}

interface EncryptedRow {
  row_id: string;
  shop_id: string;
  value: Uint8Array;
}

/** The key id inside a ciphertext, read in SQL: byte 1 holds its length, bytes 2.. the id. */
function keyIdSql(column: string) {
  return sql<string>`convert_from(substring(${sql.id(column)} from 3 for get_byte(${sql.id(column)}, 1)), 'UTF8')`;
}

/** The shop binding of a column's values: its shop column, or '' for data outside any shop. */
function shopIdSql(column: EncryptedColumn) {
  return column.shopIdColumn === null
    ? sql<string>`''`
    : sql<string>`${sql.id(column.shopIdColumn)}::text`;
}

/**
 * Re-encrypts every encrypted value that is not under the active key, in batches of
 * `batchSize` rows, each batch its own transaction. A row is picked only while its key id
 * differs from the active one, so an interrupted run resumes where it stopped when started
 * again, and two runs at once share the work (SKIP LOCKED).
 *
 * Must run on a connection that sees every shop: the owner role (BYPASSRLS) or the embedded
 * database. The report has one entry per column that held values under another key.
 */
export async function rotateKeys(
  db: Db,
  cipher: FieldCipher,
  options: RotationOptions = {},
): Promise<RotationProgress[]> {
  const batchSize = options.batchSize ?? 500;
  const report: RotationProgress[] = [];

  for (const column of options.columns ?? ENCRYPTED_COLUMNS) {
    const total = await countStale(db, column, cipher.activeKeyId);
    let done = 0;
    for (;;) {
      const rotated = await rotateBatch(db, cipher, column, batchSize);
      if (rotated === 0) break;
      done += rotated;
      options.onProgress?.({ table: column.table, column: column.column, done, total });
    }
    // Columns with nothing to re-encrypt are left out of the report.
    if (total > 0 || done > 0) {
      report.push({ table: column.table, column: column.column, done, total });
    }
  }

  return report;
}

async function countStale(db: Db, column: EncryptedColumn, activeKeyId: string): Promise<number> {
  const result = await sql<{ n: string | number }>`
    SELECT count(*) AS n FROM ${sql.table(column.table)}
    WHERE ${sql.id(column.column)} IS NOT NULL AND ${keyIdSql(column.column)} <> ${activeKeyId}
  `.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

async function rotateBatch(
  db: Db,
  cipher: FieldCipher,
  column: EncryptedColumn,
  batchSize: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await sql<EncryptedRow>`
      SELECT ${sql.id(column.rowIdColumn)}::text AS row_id,
             ${shopIdSql(column)} AS shop_id,
             ${sql.id(column.column)} AS value
      FROM ${sql.table(column.table)}
      WHERE ${sql.id(column.column)} IS NOT NULL
        AND ${keyIdSql(column.column)} <> ${cipher.activeKeyId}
      ORDER BY 1
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    `.execute(trx);

    for (const row of rows.rows) {
      const context = {
        shopId: row.shop_id,
        table: column.table,
        column: column.column,
        rowId: row.row_id,
      };
      const reencrypted = cipher.encrypt(cipher.decrypt(row.value, context), context);
      await sql`
        UPDATE ${sql.table(column.table)} SET ${sql.id(column.column)} = ${reencrypted}
        WHERE ${sql.id(column.rowIdColumn)}::text = ${row.row_id}
          AND ${shopIdSql(column)} = ${row.shop_id}
      `.execute(trx);
    }
    return rows.rows.length;
  });
}

export interface KeyUsage {
  readonly table: string;
  readonly column: string;
  readonly keyId: string;
  readonly values: number;
}

/** How many values each key id still protects, per encrypted column. */
export async function keyUsage(
  db: Db,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
): Promise<KeyUsage[]> {
  const usage: KeyUsage[] = [];
  for (const column of columns) {
    const result = await sql<{ key_id: string; n: string | number }>`
      SELECT ${keyIdSql(column.column)} AS key_id, count(*) AS n
      FROM ${sql.table(column.table)}
      WHERE ${sql.id(column.column)} IS NOT NULL
      GROUP BY 1 ORDER BY 1
    `.execute(db);
    for (const row of result.rows) {
      usage.push({
        table: column.table,
        column: column.column,
        keyId: row.key_id,
        values: Number(row.n),
      });
    }
  }
  return usage;
}
