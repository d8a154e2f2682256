import { unlockAccount } from '../api/auth-api.js';
import { FormAlert } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { Link } from '../routing/link.js';
import { PATHS } from '../routing/routes.js';
import { useEmailedLink } from './use-emailed-link.js';

/** Opened from the lockout mail: `/unlock#token=…`. */
export function UnlockScreen() {
  const state = useEmailedLink(unlockAccount);

  if (state.status === 'working') {
    return (
      <section className="card card--narrow" aria-busy="true">
        <PageHeading>Unlocking your account…</PageHeading>
      </section>
    );
  }

  return (
    <section className="card card--narrow">
      {state.status === 'done' ? (
        <>
          <PageHeading>Your account is unlocked</PageHeading>
          <Notice tone="success">
            You can sign in again. If the failed attempts were not yours, change your password.
          </Notice>
        </>
      ) : (
        <>
          <PageHeading>This link did not work</PageHeading>
          <FormAlert
            message={
              state.status === 'failed'
                ? state.error.message
                : 'The link is incomplete. Open it again from the email, whole.'
            }
          />
        </>
      )}
      <Link className="button button--primary" href={PATHS.signIn}>
        Go to sign-in
      </Link>
    </section>
  );
}
