import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import { createShop, findShopIdBySiteKey } from '../shops/shop-repository.js';

export interface DemoShop {
  readonly shopId: string;
  readonly siteKey: string;
}

const DEMO_SHOP_FILE = 'demo-shop.json';

function isDemoShop(value: unknown): value is DemoShop {
  if (typeof value !== 'object' || value === null) return false;
  const shopId = 'shopId' in value ? value.shopId : undefined;
  const siteKey = 'siteKey' in value ? value.siteKey : undefined;
  return typeof shopId === 'string' && typeof siteKey === 'string';
}

async function readRemembered(file: string): Promise<DemoShop | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isDemoShop(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The demo shop of a local run: created on first start with the demo store's origins, and
 * remembered in the data folder so its site key (and its visitors) survive restarts. A remembered
 * shop that the database no longer knows (a reset database) is created afresh.
 */
export async function ensureDemoShop(
  database: Database,
  cipher: FieldCipher,
  options: { readonly dataDir: string },
): Promise<DemoShop> {
  const file = path.join(options.dataDir, DEMO_SHOP_FILE);
  const remembered = await readRemembered(file);
  if (remembered !== null && (await findShopIdBySiteKey(database, remembered.siteKey)) !== null) {
    return remembered;
  }

  const shop = await createShop(database, cipher, {
    name: 'Auraflow demo store',
    origins: [],
  });
  const demo = { shopId: shop.shopId, siteKey: shop.siteKey };
  await writeFile(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return demo;
}

/** Registers storefront origins of a shop, keeping those it has. */
export async function addOrigins(
  database: Database,
  shopId: string,
  origins: readonly string[],
): Promise<void> {
  if (origins.length === 0) return;
  await withTenant(database, shopId, (trx) =>
    trx
      .insertInto('shop_domains')
      .values(origins.map((origin) => ({ shop_id: shopId, origin })))
      .onConflict((conflict) => conflict.columns(['shop_id', 'origin']).doNothing())
      .execute(),
  );
}
