import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant.js';
import {
  type Observation,
  type ObservationOutcome,
  recordObservations,
} from './visitor-state-repository.js';

interface Pending {
  readonly observation: Observation;
  resolve(outcome: ObservationOutcome): void;
  reject(error: unknown): void;
}

/**
 * Writes observations with group commit per shop. While one transaction of a shop is committing,
 * the observations that arrive wait and then go together in the next one, so under load many
 * acknowledgements share one durable commit; with no load each observation commits at once, with
 * no added wait. Every caller is answered only after the commit that holds its observation.
 */
export class CollectWriter {
  readonly #queues = new Map<string, Pending[]>();
  readonly #flushing = new Map<string, number>();

  constructor(
    private readonly database: Database,
    private readonly maxBatch = 100,
    private readonly maxConcurrentPerShop = 4,
  ) {}

  write(observation: Observation): Promise<ObservationOutcome> {
    return new Promise((resolve, reject) => {
      const queue = this.#queues.get(observation.shopId) ?? [];
      queue.push({ observation, resolve, reject });
      this.#queues.set(observation.shopId, queue);
      const running = this.#flushing.get(observation.shopId) ?? 0;
      if (running < this.maxConcurrentPerShop) void this.#flush(observation.shopId);
    });
  }

  async #flush(shopId: string): Promise<void> {
    this.#flushing.set(shopId, (this.#flushing.get(shopId) ?? 0) + 1);
    try {
      for (;;) {
        const queue = this.#queues.get(shopId) ?? [];
        if (queue.length === 0) break;
        const batch = queue.splice(0, this.maxBatch);
        await this.#commit(shopId, batch);
      }
    } finally {
      const running = (this.#flushing.get(shopId) ?? 1) - 1;
      if (running > 0) this.#flushing.set(shopId, running);
      else this.#flushing.delete(shopId);
    }
  }

  async #commit(shopId: string, batch: Pending[]): Promise<void> {
    // One lock order for every batch: two transactions never wait on each other in a cycle.
    const ordered = [...batch].sort((a, b) =>
      Buffer.compare(a.observation.visitorKey, b.observation.visitorKey),
    );
    try {
      const observations = ordered.map((pending) => pending.observation);
      const outcomes = await withTenant(this.database, shopId, (trx) =>
        recordObservations(trx, shopId, observations),
      );
      for (const [index, pending] of ordered.entries()) {
        pending.resolve(outcomes[index] ?? 'stale');
      }
    } catch (error) {
      for (const pending of ordered) pending.reject(error);
    }
  }
}
