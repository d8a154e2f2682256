import { type ReactNode, useEffect } from 'react';
import { AppShell, PlainShell } from './components/app-shell.js';
import { FormAlert } from './components/form.js';
import { rememberReturnPath } from './routing/return-path.js';
import { navigate, usePathname } from './routing/router.js';
import { PATHS, PUBLIC_ROUTES, type RouteName, routeOf } from './routing/routes.js';
import { AcceptInvitationScreen } from './screens/accept-invitation-screen.js';
import { AccountScreen } from './screens/account-screen.js';
import { DevicesScreen } from './screens/devices-screen.js';
import { MfaScreen } from './screens/mfa-screen.js';
import { NotFoundScreen } from './screens/not-found-screen.js';
import { OverviewScreen } from './screens/overview-screen.js';
import { SignInScreen } from './screens/sign-in-screen.js';
import { SignUpScreen } from './screens/sign-up-screen.js';
import { TeamScreen } from './screens/team-screen.js';
import { UnlockScreen } from './screens/unlock-screen.js';
import { VerifyEmailScreen } from './screens/verify-email-screen.js';
import { SessionProvider, useSession } from './session/session-context.js';

/** The merchant dashboard: the session, then the page for the address. */
export function App() {
  return (
    <SessionProvider>
      <Pages />
    </SessionProvider>
  );
}

/**
 * Which page shows depends on the address and on the session's stage: signed-out visitors see
 * only public pages, a sign-in in progress continues on the sign-in page, and a required
 * enrolment allows nothing but the MFA page (as the API does).
 */
function Pages() {
  const route = routeOf(usePathname());
  const session = useSession();
  const stage = session.view?.stage;

  if (session.status === 'loading') return <PlainShell signedIn={false}>{null}</PlainShell>;
  if (session.status === 'failed') return <LoadFailed message={session.loadError?.message} />;
  if (PUBLIC_ROUTES.has(route)) {
    return <PlainShell signedIn={false}>{publicScreen(route)}</PlainShell>;
  }
  if (stage !== 'active' && stage !== 'totp_enrolment') {
    return <Redirect to={PATHS.signIn} remember />;
  }
  if (stage === 'totp_enrolment') {
    if (route !== 'mfa') return <Redirect to={PATHS.mfa} />;
    return (
      <PlainShell signedIn>
        <MfaScreen />
      </PlainShell>
    );
  }
  if (route === 'home') return <Redirect to={PATHS.overview} />;

  return <AppShell route={route}>{signedInScreen(route)}</AppShell>;
}

function publicScreen(route: RouteName): ReactNode {
  switch (route) {
    case 'signUp':
      return <SignUpScreen />;
    case 'verifyEmail':
      return <VerifyEmailScreen />;
    case 'unlock':
      return <UnlockScreen />;
    case 'acceptInvitation':
      return <AcceptInvitationScreen />;
    default:
      return <SignInScreen />;
  }
}

function signedInScreen(route: RouteName): ReactNode {
  switch (route) {
    case 'overview':
      return <OverviewScreen />;
    case 'team':
      return <TeamScreen />;
    case 'mfa':
      return <MfaScreen />;
    case 'devices':
      return <DevicesScreen />;
    case 'account':
      return <AccountScreen />;
    default:
      return <NotFoundScreen />;
  }
}

/** Replaces the address (a redirect should not add a history entry to go back to). */
function Redirect({ to, remember = false }: { readonly to: string; readonly remember?: boolean }) {
  useEffect(() => {
    if (remember) rememberReturnPath(window.location.pathname);
    navigate(to, { replace: true });
  }, [to, remember]);

  return null;
}

function LoadFailed({ message }: { readonly message: string | undefined }) {
  return (
    <PlainShell signedIn={false}>
      <section className="card card--narrow">
        <h1 className="page-heading">Auraflow could not start</h1>
        <FormAlert message={message ?? 'Reload the page to try again.'} />
        <button type="button" className="button button--primary" onClick={() => location.reload()}>
          Reload
        </button>
      </section>
    </PlainShell>
  );
}
