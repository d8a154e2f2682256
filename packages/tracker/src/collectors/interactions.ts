import type { SessionSignals } from '@auraflow/taxonomy';

/**
 * Counts one click, change or submit event into the session counters, using the theme's
 * `data-af-*` markers (see README). Runs at idle time, after the event: it reads only the
 * event target and its ancestors, which stay readable even when the page removed them.
 */
export function countInteraction(event: Event, signals: SessionSignals): void {
  const target = event.target;
  if (!(target instanceof Element)) return;

  const marked = (marker: string): Element | null => target.closest(`[data-af-${marker}]`);

  if (event.type === 'change') {
    if (marked('sort')) {
      signals.sortChanges += 1;
      if ('value' in target && /price/i.test(String(target.value))) signals.priceSorts += 1;
    } else if (marked('price-filter')) signals.priceFilters += 1;
    else if (marked('variant')) signals.variantChanges += 1;
    return;
  }

  // A marked form counts on submit, not on the click of its button: one add, one count.
  const addToCart = marked('add-to-cart');
  if (event.type === 'submit') {
    if (addToCart === target && target.tagName === 'FORM') countAddToCart(signals);
  } else if (addToCart && addToCart.tagName !== 'FORM') countAddToCart(signals);
  else if (marked('cart-remove')) signals.cartRemovals += 1;
  // Filter links and buttons count on click; filter inputs count on change (above).
  else if (marked('price-filter')?.matches('a,button')) signals.priceFilters += 1;
}

function countAddToCart(signals: SessionSignals): void {
  signals.addToCarts += 1;
  if (signals.msToFirstAddToCart === null) signals.msToFirstAddToCart = signals.activeMs;
}
