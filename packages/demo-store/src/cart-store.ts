import { randomBytes } from 'node:crypto';

export interface CartLine {
  /** Identifies the line in remove requests: product handle and variant value. */
  readonly key: string;
  readonly productHandle: string;
  readonly variant: string;
  readonly quantity: number;
}

export interface CartStoreLimits {
  /** Carts kept in memory; the least recently used one goes first. */
  readonly maxCarts: number;
  readonly maxLinesPerCart: number;
  readonly maxQuantityPerLine: number;
}

const DEFAULT_LIMITS: CartStoreLimits = {
  maxCarts: 1_000,
  maxLinesPerCart: 50,
  maxQuantityPerLine: 99,
};

/** 16 random bytes in base64url: 22 characters. */
const CART_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * The demo store's carts, in process memory and bounded, keyed by the random id in the
 * `demo_cart` cookie. A restart empties every cart, which is fine for a demo.
 */
export class CartStore {
  readonly #carts = new Map<string, Map<string, CartLine>>();
  readonly #limits: CartStoreLimits;

  constructor(limits: Partial<CartStoreLimits> = {}) {
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** A fresh cart id, for a shopper who has none (or an unknown one). */
  static newCartId(): string {
    return randomBytes(16).toString('base64url');
  }

  /** Whether `id` is a cart this store holds; ids it never issued are not. */
  has(id: string | null): boolean {
    return this.#cart(id) !== undefined;
  }

  lines(id: string | null): CartLine[] {
    return [...(this.#cart(id)?.values() ?? [])];
  }

  itemCount(id: string | null): number {
    return this.lines(id).reduce((sum, line) => sum + line.quantity, 0);
  }

  /**
   * Adds to the line of this product and variant; quantities stop at the per-line limit.
   * `id` must come from `newCartId` or have passed `has`: shoppers do not choose cart ids.
   */
  add(id: string, productHandle: string, variant: string, quantity: number): void {
    const cart = this.#touch(id);
    const key = `${productHandle}:${variant}`;
    const current = cart.get(key)?.quantity ?? 0;
    if (current === 0 && cart.size >= this.#limits.maxLinesPerCart) return;

    const total = Math.min(current + quantity, this.#limits.maxQuantityPerLine);
    cart.set(key, { key, productHandle, variant, quantity: total });
  }

  /** Removes a whole line; an unknown cart or line is left as it is. */
  remove(id: string | null, lineKey: string): void {
    this.#cart(id)?.delete(lineKey);
  }

  #cart(id: string | null): Map<string, CartLine> | undefined {
    return id !== null && CART_ID_PATTERN.test(id) ? this.#carts.get(id) : undefined;
  }

  // Re-inserting moves the cart to the end of the Map's order, so the first entry is always
  // the least recently used one.
  #touch(id: string): Map<string, CartLine> {
    const cart = this.#carts.get(id) ?? new Map<string, CartLine>();
    this.#carts.delete(id);
    this.#carts.set(id, cart);

    for (const oldest of this.#carts.keys()) {
      if (this.#carts.size <= this.#limits.maxCarts) break;
      this.#carts.delete(oldest);
    }

    return cart;
  }
}
