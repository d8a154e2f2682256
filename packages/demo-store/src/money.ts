const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats a price in cents as the shopper reads it, e.g. `$34.00`. */
export function formatMoney(cents: number): string {
  return USD.format(cents / 100);
}
