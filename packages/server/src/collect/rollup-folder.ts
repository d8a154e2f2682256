import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import type { Logger } from '../logging/logger.js';
import { foldRollupDeltas } from './visitor-state-repository.js';

/**
 * Folds a shop's rollup moves in the background, at most once per interval per shop and never
 * twice at once, after the collect path has acknowledged. Reads fold on their own, so a shop
 * that stops receiving traffic loses nothing; this only keeps the moves table short.
 */
export class RollupFolder {
  readonly #lastFoldMillis = new Map<string, number>();
  readonly #running = new Map<string, Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly intervalMillis = 5_000,
  ) {}

  maybeFold(shopId: string, nowMillis = Date.now()): void {
    const last = this.#lastFoldMillis.get(shopId) ?? 0;
    if (nowMillis - last < this.intervalMillis || this.#running.has(shopId)) return;

    this.#lastFoldMillis.set(shopId, nowMillis);
    const run = withTenant(this.database, shopId, (trx) => foldRollupDeltas(trx, shopId))
      .catch((error: unknown) => this.logger.error({ err: error, shopId }, 'rollup fold failed'))
      .finally(() => this.#running.delete(shopId));
    this.#running.set(shopId, run);
  }

  /** Waits for folds in flight; called when the server closes. */
  async drain(): Promise<void> {
    await Promise.all(this.#running.values());
  }
}
