import { PageHeading } from '../components/page-heading.js';
import { useSignedInView } from '../session/session-context.js';
import { ChangePasswordForm } from './change-password-form.js';

/** The signed-in user's own account: who they are signed in as, and their password. */
export function AccountScreen() {
  const { user } = useSignedInView();

  return (
    <section className="page">
      <PageHeading>Account</PageHeading>
      <p className="muted">Signed in as {user.email}.</p>
      <ChangePasswordForm />
    </section>
  );
}
