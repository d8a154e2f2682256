import { availableParallelism } from 'node:os';
import { AppError } from '../errors/error-registry.js';

/**
 * A gate for Argon2id work. One check costs ~45 ms of one core at the OWASP parameters, and runs
 * on libuv's thread pool: with no gate, twenty sign-ins at once occupy every core and the
 * collect API's latency suffers (docs/performance.md). The gate lets at most `concurrency`
 * hashes run at once, by default one less than the cores (at least one), so a core stays free
 * for the event loop; beyond `maxWaiting` queued checks it sheds load with RATE_LIMITED.
 */
export class PasswordWork {
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(
    private readonly concurrency: number = Math.max(1, availableParallelism() - 1),
    private readonly maxWaiting = 256,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.maxWaiting) throw new AppError('RATE_LIMITED');
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }

    try {
      return await work();
    } finally {
      this.#release();
    }
  }

  /** Hands the slot to the next waiter, or frees it. */
  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#running -= 1;
    else next();
  }
}
