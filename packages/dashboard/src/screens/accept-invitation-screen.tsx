import { useState } from 'react';
import { toApiError } from '../api/api-error.js';
import type { Role } from '../api/auth-api.js';
import { acceptInvitation } from '../api/team-api.js';
import { Form, FormAlert } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { SubmitButton } from '../components/submit-button.js';
import { useFormSubmit } from '../components/use-form-submit.js';
import {
  forgetInvitation,
  type PendingInvitation,
  pendingInvitation,
  rememberInvitation,
} from '../invitations/pending-invitation.js';
import { Link } from '../routing/link.js';
import { takeFragmentParameters } from '../routing/router.js';
import { PATHS } from '../routing/routes.js';
import { useSession } from '../session/session-context.js';
import { ROLE_NAMES } from './role-names.js';

/** Opened from the invitation mail: `/accept-invitation#shop=…&token=…`. */
export function AcceptInvitationScreen() {
  const session = useSession();
  const [invitation] = useState(readInvitation);

  if (invitation === null) {
    return (
      <section className="card card--narrow">
        <PageHeading>This invitation link is incomplete</PageHeading>
        <FormAlert message="Open the link again from the invitation email, whole." />
      </section>
    );
  }
  if (session.view?.stage !== 'active') return <SignInFirst />;

  return <AcceptForm invitation={invitation} />;
}

/** The link's parameters, kept for this tab so that signing in first does not lose them. */
function readInvitation(): PendingInvitation | null {
  const parameters = takeFragmentParameters();
  const shopId = parameters.get('shop');
  const token = parameters.get('token');
  if (shopId !== null && token !== null) rememberInvitation({ shopId, token });

  return pendingInvitation();
}

function SignInFirst() {
  return (
    <section className="card card--narrow">
      <PageHeading>You are invited to a shop on Auraflow</PageHeading>
      <p>
        Sign in with the email address the invitation was sent to, or create an account with it. You
        come back here afterwards to accept.
      </p>
      <div className="button-row">
        <Link className="button button--primary" href={PATHS.signIn}>
          Sign in
        </Link>
        <Link className="button button--secondary" href={PATHS.signUp}>
          Create an account
        </Link>
      </div>
    </section>
  );
}

function AcceptForm({ invitation }: { readonly invitation: PendingInvitation }) {
  const session = useSession();
  const [role, setRole] = useState<Role | null>(null);
  const form = useFormSubmit<never>();

  const submit = () =>
    form.run(async () => {
      const granted = await acceptInvitation(invitation.shopId, invitation.token).catch(
        (error: unknown) => {
          // An invitation that can never work should not pull every later sign-in back here.
          if (isFinal(error)) forgetInvitation();
          throw error;
        },
      );
      forgetInvitation();
      await session.refresh();
      session.selectShop(invitation.shopId);
      setRole(granted);
    });

  if (role !== null) {
    return (
      <section className="card card--narrow">
        <PageHeading>Welcome to the team</PageHeading>
        <Notice tone="success">You joined the shop as {ROLE_NAMES[role].toLowerCase()}.</Notice>
        <Link className="button button--primary" href={PATHS.overview}>
          Go to the overview
        </Link>
      </section>
    );
  }

  return (
    <section className="card card--narrow">
      <PageHeading>Accept the invitation</PageHeading>
      <p>You were invited to join a shop on Auraflow with this account.</p>
      <Form onSubmit={submit} alert={form.alert} failure={form.failure}>
        <SubmitButton pending={form.pending} pendingLabel="Joining…">
          Accept invitation
        </SubmitButton>
      </Form>
      <p className="aside">
        <Link href={PATHS.overview} onClick={forgetInvitation}>
          Not now
        </Link>
      </p>
    </section>
  );
}

function isFinal(error: unknown): boolean {
  return toApiError(error).is('ACCOUNT_INVITATION_INVALID', 'ACCOUNT_INVITATION_EMAIL_MISMATCH');
}
