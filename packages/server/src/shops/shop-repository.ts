import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import { generateSiteKey, SITE_KEY_PATTERN } from './site-key.js';

export interface NewShop {
  readonly name: string;
  readonly origins: readonly string[];
  readonly shopifyDomain?: string | undefined;
}

export interface Shop {
  readonly shopId: string;
  readonly siteKey: string;
  readonly name: string;
  readonly shopifyDomain: string | null;
  readonly origins: readonly string[];
}

/** Where the visitor-key secret lives; the field cipher binds its ciphertext to this place. */
function visitorKeyContext(shopId: string) {
  return { shopId, table: 'shops', column: 'visitor_key_enc', rowId: shopId };
}

/**
 * Creates a shop with a fresh site key and a fresh per-shop visitor-key secret (encrypted).
 * The shop's own id is its tenant context, so the insert passes the row-level policy.
 */
export async function createShop(
  database: Database,
  cipher: FieldCipher,
  shop: NewShop,
): Promise<Shop> {
  const shopId = randomUUID();
  const siteKey = generateSiteKey();
  const visitorKey = cipher.encrypt(randomBytes(32), visitorKeyContext(shopId));

  await withTenant(database, shopId, async (trx) => {
    await trx
      .insertInto('shops')
      .values({
        shop_id: shopId,
        site_key: siteKey,
        name: shop.name,
        shopify_domain: shop.shopifyDomain ?? null,
        visitor_key_enc: visitorKey,
      })
      .execute();
    if (shop.origins.length === 0) return;
    await trx
      .insertInto('shop_domains')
      .values(shop.origins.map((origin) => ({ shop_id: shopId, origin })))
      .execute();
  });

  return {
    shopId,
    siteKey,
    name: shop.name,
    shopifyDomain: shop.shopifyDomain ?? null,
    origins: [...shop.origins],
  };
}

/** Finds a shop by its public site key, before any tenant context exists. */
export async function findShopIdBySiteKey(
  database: Database,
  siteKey: string,
): Promise<string | null> {
  if (!SITE_KEY_PATTERN.test(siteKey)) return null;

  const result = await sql<{ shop_id: string | null }>`
    SELECT shop_id_for_site_key(${siteKey}) AS shop_id
  `.execute(database.db);
  return result.rows[0]?.shop_id ?? null;
}

/** The shop's per-shop secret for keying visitor ids, decrypted. */
export async function readVisitorKey(
  database: Database,
  cipher: FieldCipher,
  shopId: string,
): Promise<Buffer | null> {
  const row = await withTenant(database, shopId, (trx) =>
    trx
      .selectFrom('shops')
      .select('visitor_key_enc')
      .where('shop_id', '=', shopId)
      .executeTakeFirst(),
  );
  if (row === undefined) return null;

  return cipher.decrypt(row.visitor_key_enc, visitorKeyContext(shopId));
}
