import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { type ApiError, toApiError } from '../api/api-error.js';
import {
  fetchSession,
  type MemberShop,
  type SessionUser,
  type SessionView,
} from '../api/auth-api.js';
import { onSessionLost } from '../api/http-client.js';

export interface SessionState {
  /** 'loading' until the first `GET /v1/auth/session` answers. */
  readonly status: 'loading' | 'ready' | 'failed';
  readonly view: SessionView | null;
  readonly loadError: ApiError | null;
  /** Why the user was signed out, shown on the sign-in page. */
  readonly endedNotice: string | null;
  /** The shop the overview and team pages show. */
  readonly shop: MemberShop | null;
  refresh(): Promise<SessionView | null>;
  /** Forgets the session here (after sign-out, or when the API says it is gone). */
  clear(endedNotice?: string): void;
  selectShop(shopId: string): void;
}

const SessionContext = createContext<SessionState | null>(null);

const SESSION_ENDED =
  'Your session has ended (it expired or was signed out elsewhere). Sign in again.';

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [view, setView] = useState<SessionView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [endedNotice, setEndedNotice] = useState<string | null>(null);
  const [shopId, setShopId] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await fetchSession();
      setView(next);
      setLoadError(null);
      setStatus('ready');
      if (next !== null) setEndedNotice(null);
      return next;
    } catch (error) {
      setLoadError(toApiError(error));
      setStatus('failed');
      return null;
    }
  }, []);

  const clear = useCallback((notice?: string) => {
    setView(null);
    setEndedNotice(notice ?? null);
  }, []);

  useEffect(() => {
    void refresh();
    return onSessionLost(() => clear(SESSION_ENDED));
  }, [refresh, clear]);

  const shop = view?.shops.find((candidate) => candidate.shopId === shopId) ?? view?.shops[0];
  const value = useMemo<SessionState>(
    () => ({
      status,
      view,
      loadError,
      endedNotice,
      shop: shop ?? null,
      refresh,
      clear,
      selectShop: setShopId,
    }),
    [status, view, loadError, endedNotice, shop, refresh, clear],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');

  return value;
}

export type SignedInView = SessionView & { readonly user: SessionUser };

/** The signed-in user's view (the screens that call this render only when there is one). */
export function useSignedInView(): SignedInView {
  const { view } = useSession();
  if (view === null || view.user === null) throw new Error('useSignedInView without a user');

  return { ...view, user: view.user };
}
