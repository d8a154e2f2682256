/**
 * The dashboard's pages. The server serves the app at `/app/…`; emailed links open the bare
 * paths of packages/server/src/email/links.ts (`/verify-email`, `/unlock`, `/accept-invitation`,
 * `/sign-in`), so a path is matched with or without the `/app` prefix.
 */
export const PATHS = {
  signUp: '/app/sign-up',
  signIn: '/app/sign-in',
  verifyEmail: '/app/verify-email',
  unlock: '/app/unlock',
  acceptInvitation: '/app/accept-invitation',
  overview: '/app/overview',
  team: '/app/team',
  mfa: '/app/mfa',
  devices: '/app/devices',
  account: '/app/account',
} as const;

export type PageName = keyof typeof PATHS;
export type RouteName = PageName | 'home' | 'notFound';

/** Pages that need no session (the accept page explains itself when signed out). */
export const PUBLIC_ROUTES: ReadonlySet<RouteName> = new Set([
  'signUp',
  'signIn',
  'verifyEmail',
  'unlock',
  'acceptInvitation',
]);

function isPageName(name: string): name is PageName {
  return Object.hasOwn(PATHS, name);
}

/** Bare path (without `/app`) → page. */
const BY_PATH = new Map<string, PageName>(
  Object.entries(PATHS).flatMap(([name, path]) =>
    isPageName(name) ? [[path.slice('/app'.length), name] as const] : [],
  ),
);

export function routeOf(pathname: string): RouteName {
  const bare = pathname.replace(/^\/app(?=\/|$)/, '').replace(/\/+$/, '');
  if (bare === '') return 'home';

  return BY_PATH.get(bare) ?? 'notFound';
}
