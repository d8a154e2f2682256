import { safe } from '../safe.js';

type HistoryMethod = 'pushState' | 'replaceState';

const listeners = new Set<() => void>();
let patched = false;

/**
 * Calls `listener` after every SPA navigation: `history.pushState`, `history.replaceState`
 * and `popstate`. The caller decides what counts as a new page (the path changed), because
 * themes also call replaceState for variant and filter changes on the same page.
 */
export function onNavigate(listener: () => void, signal: AbortSignal): void {
  patchHistory();
  listeners.add(listener);
  window.addEventListener('popstate', listener, { signal });
  signal.addEventListener('abort', () => listeners.delete(listener));
}

// The History API has no navigation event, so the two methods are wrapped, once per page. The
// wrapper calls the original first, so the page sees the same behaviour, its exceptions
// included; errors of ours are swallowed.
function patchHistory(): void {
  if (patched) return;
  patched = true;

  const wrap = (name: HistoryMethod): void => {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
      original.apply(this, args);
      for (const listener of listeners) safe(listener)();
    };
  };
  wrap('pushState');
  wrap('replaceState');
}
