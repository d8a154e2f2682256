import { useSyncExternalStore } from 'react';

/** Fired on pushState/replaceState, which (unlike back and forward) raise no event. */
const NAVIGATED = 'auraflow:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The current path, re-rendering on every navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (options.replace === true) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);

  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATED));
}

/**
 * Reads the URL fragment's parameters and removes the fragment from the address bar and the
 * history entry: it carries an emailed secret, which should not linger where it can be copied,
 * bookmarked or shown on screen.
 */
export function takeFragmentParameters(): URLSearchParams {
  const parameters = new URLSearchParams(window.location.hash.slice(1));
  if (window.location.hash !== '') {
    const { pathname, search } = window.location;
    window.history.replaceState(null, '', `${pathname}${search}`);
  }

  return parameters;
}
