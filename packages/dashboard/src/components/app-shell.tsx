import type { ReactNode } from 'react';
import { signOut } from '../api/auth-api.js';
import { Link } from '../routing/link.js';
import { PATHS, type RouteName } from '../routing/routes.js';
import { useSession, useSignedInView } from '../session/session-context.js';
import { SelectField } from './select-field.js';

const NAVIGATION: readonly { readonly route: RouteName; readonly label: string }[] = [
  { route: 'overview', label: 'Overview' },
  { route: 'team', label: 'Team' },
  { route: 'mfa', label: 'Two-step verification' },
  { route: 'devices', label: 'Devices' },
  { route: 'account', label: 'Account' },
];

interface ShellProps {
  readonly route: RouteName;
  readonly children: ReactNode;
}

/** The signed-in layout: skip link, header with navigation, shop and account, then the page. */
export function AppShell({ route, children }: ShellProps) {
  return (
    <>
      <SkipLink />
      <header className="topbar">
        <Brand />
        <nav aria-label="Main">
          <ul className="nav">
            {NAVIGATION.map((item) => (
              <li key={item.route}>
                <Link
                  href={pathOf(item.route)}
                  className="nav-link"
                  aria-current={item.route === route ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <AccountMenu />
      </header>
      <Main>{children}</Main>
    </>
  );
}

interface PlainShellProps {
  readonly children: ReactNode;
  /** Offer "Sign out" (an enrolment a shop requires is signed in, without navigation). */
  readonly signedIn: boolean;
}

/** The layout of pages without navigation: signed out, or enrolling as a shop requires. */
export function PlainShell({ children, signedIn }: PlainShellProps) {
  return (
    <>
      <SkipLink />
      <header className="topbar topbar--plain">
        <Brand />
        {signedIn ? <SignOutButton /> : null}
      </header>
      <Main>{children}</Main>
    </>
  );
}

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

function Main({ children }: { readonly children: ReactNode }) {
  return (
    <main id="main" className="main" tabIndex={-1}>
      {children}
    </main>
  );
}

function Brand() {
  return (
    <Link href={PATHS.overview} className="brand">
      <span className="brand-mark" aria-hidden="true" />
      Auraflow
    </Link>
  );
}

function pathOf(route: RouteName): string {
  if (route === 'home' || route === 'notFound') return PATHS.overview;

  return PATHS[route];
}

function AccountMenu() {
  const view = useSignedInView();
  const { shop, selectShop } = useSession();

  return (
    <div className="account">
      {view.shops.length > 1 && shop !== null ? (
        <SelectField
          id="shop-switcher"
          label="Shop"
          value={shop.shopId}
          options={view.shops.map((entry) => ({ value: entry.shopId, label: entry.name }))}
          onValue={selectShop}
        />
      ) : null}
      <span className="account-email">{view.user.email}</span>
      <SignOutButton />
    </div>
  );
}

function SignOutButton() {
  const session = useSession();
  const leave = async () => {
    // Signed out locally even if the request fails: the server ends idle sessions anyway.
    await signOut().catch(() => undefined);
    session.clear('You signed out.');
  };

  return (
    <button type="button" className="button button--secondary" onClick={() => void leave()}>
      Sign out
    </button>
  );
}
