import { useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.js';
import { takeFragmentParameters } from '../routing/router.js';

export type LinkState =
  | { readonly status: 'working' }
  | { readonly status: 'done' }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly error: ApiError };

/**
 * For pages that emailed links open: reads `token` from the URL fragment (where the server puts
 * secrets, as browsers never send fragments anywhere), clears it from the address bar, and posts
 * it once. Fetching the link does nothing by itself, so mail scanners cannot use it up.
 */
export function useEmailedLink(post: (token: string) => Promise<void>): LinkState {
  const [state, setState] = useState<LinkState>({ status: 'working' });
  // The token is single use: StrictMode's second effect run must not post it again.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;

    const token = takeFragmentParameters().get('token');
    if (token === null || token === '') {
      setState({ status: 'missing' });
      return;
    }
    post(token).then(
      () => setState({ status: 'done' }),
      (error: unknown) => setState({ status: 'failed', error: toApiError(error) }),
    );
  }, [post]);

  return state;
}
