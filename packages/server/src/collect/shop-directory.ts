import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import { findShopIdBySiteKey, readVisitorKey } from '../shops/shop-repository.js';

/** What the collect path needs to know about a shop, found by its public site key. */
export interface ShopContext {
  readonly shopId: string;
  readonly origins: ReadonlySet<string>;
  readonly visitorSecret: Buffer;
}

interface Entry {
  readonly context: ShopContext | null;
  readonly expiresAtMillis: number;
}

/**
 * A short-lived cache of shop contexts by site key, so the hot collect path does not decrypt
 * the shop's secret and read its origins on every request. Unknown keys are cached too (briefly),
 * so a flood of requests with a wrong key does not reach the database each time.
 */
export class ShopDirectory {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly database: Database,
    private readonly cipher: FieldCipher,
    private readonly ttlMillis = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  async find(siteKey: string, nowMillis = Date.now()): Promise<ShopContext | null> {
    const cached = this.#entries.get(siteKey);
    if (cached !== undefined && cached.expiresAtMillis > nowMillis) return cached.context;

    const context = await this.#load(siteKey);
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(siteKey, { context, expiresAtMillis: nowMillis + this.ttlMillis });
    return context;
  }

  /** Forgets a shop at once, for example after its domains change. */
  forget(siteKey: string): void {
    this.#entries.delete(siteKey);
  }

  async #load(siteKey: string): Promise<ShopContext | null> {
    const shopId = await findShopIdBySiteKey(this.database, siteKey);
    if (shopId === null) return null;

    const visitorSecret = await readVisitorKey(this.database, this.cipher, shopId);
    if (visitorSecret === null) return null;
    const rows = await withTenant(this.database, shopId, (trx) =>
      trx.selectFrom('shop_domains').select('origin').where('shop_id', '=', shopId).execute(),
    );
    return { shopId, origins: new Set(rows.map((row) => row.origin)), visitorSecret };
  }
}
