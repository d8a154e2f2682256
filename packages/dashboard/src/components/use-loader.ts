import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.js';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T };

/**
 * Loads data for a page, again when `load` changes, and on demand (after a change; the promise
 * settles once the answer is shown, and never rejects). Only the latest request's answer is kept,
 * so a quick switch between shops or ranges cannot end up showing the older one.
 */
export function useLoader<T>(load: () => Promise<T>): {
  state: Loaded<T>;
  reload: () => Promise<void>;
} {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const latest = useRef(0);

  const reload = useCallback(() => {
    latest.current += 1;
    const ticket = latest.current;
    return load().then(
      (data) => {
        if (ticket === latest.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (ticket === latest.current) setState({ status: 'failed', error: toApiError(error) });
      },
    );
  }, [load]);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { state, reload };
}
