import { verifyEmail } from '../api/auth-api.js';
import { FormAlert } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { Link } from '../routing/link.js';
import { PATHS } from '../routing/routes.js';
import { ResendVerificationForm } from './resend-verification-form.js';
import { useEmailedLink } from './use-emailed-link.js';

/** Opened from the verification mail: `/verify-email#token=…`. */
export function VerifyEmailScreen() {
  const state = useEmailedLink(verifyEmail);

  if (state.status === 'working') {
    return (
      <section className="card card--narrow" aria-busy="true">
        <PageHeading>Verifying your email address…</PageHeading>
      </section>
    );
  }
  if (state.status === 'done') {
    return (
      <section className="card card--narrow">
        <PageHeading>Email address verified</PageHeading>
        <Notice tone="success">Thank you. Your account is ready.</Notice>
        <Link className="button button--primary" href={PATHS.signIn}>
          Sign in
        </Link>
      </section>
    );
  }

  return (
    <section className="card card--narrow">
      <PageHeading>This link did not work</PageHeading>
      {state.status === 'failed' ? (
        <FormAlert message={state.error.message} />
      ) : (
        <FormAlert message="The link is incomplete. Open it again from the email, whole." />
      )}
      <p>Ask for a new verification link:</p>
      <ResendVerificationForm />
    </section>
  );
}
