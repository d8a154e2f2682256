import { describe, expect, it } from 'vitest';
import { CartStore } from '../src/cart-store.js';

describe('the in-memory cart store is bounded', () => {
  it('drops the least recently used cart beyond maxCarts', () => {
    const carts = new CartStore({ maxCarts: 2 });
    const first = CartStore.newCartId();
    const second = CartStore.newCartId();
    const third = CartStore.newCartId();

    carts.add(first, 'a', 'x', 1);
    carts.add(second, 'a', 'x', 1);
    carts.add(first, 'b', 'x', 1);
    carts.add(third, 'a', 'x', 1);

    expect(carts.has(first)).toBe(true);
    expect(carts.has(second)).toBe(false);
    expect(carts.has(third)).toBe(true);
  });

  it('caps lines per cart and items per line', () => {
    const carts = new CartStore({ maxLinesPerCart: 2, maxQuantityPerLine: 5 });
    const id = CartStore.newCartId();

    carts.add(id, 'a', 'x', 4);
    carts.add(id, 'a', 'x', 4);
    carts.add(id, 'b', 'x', 1);
    carts.add(id, 'c', 'x', 1);

    expect(carts.lines(id).map((line) => [line.key, line.quantity])).toEqual([
      ['a:x', 5],
      ['b:x', 1],
    ]);
  });

  it('answers ids it never issued with an empty cart', () => {
    const carts = new CartStore();

    expect(carts.lines('../../etc')).toEqual([]);
    expect(carts.has(null)).toBe(false);
  });
});
