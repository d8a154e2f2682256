import { useCallback, useEffect, useState } from 'react';
import { type SignInProgress, signIn, signOut } from '../api/auth-api.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';
import { Link } from '../routing/link.js';
import { takeReturnPath } from '../routing/return-path.js';
import { navigate } from '../routing/router.js';
import { PATHS } from '../routing/routes.js';
import { type SessionState, useSession } from '../session/session-context.js';
import { DeviceVerificationStep } from './device-verification-step.js';
import { SecondFactorStep } from './second-factor-step.js';

/**
 * Sign-in, step by step as the API's session stage says: password, second factor, then (on a
 * browser the user has not verified) an emailed device code. A reload resumes at the stage the
 * session is in. Enrolment that a shop requires continues on the MFA page.
 */
export function SignInScreen() {
  const session = useSession();
  const [progress, setProgress] = useState<SignInProgress | null>(() => resumable(session));
  const [notice, setNotice] = useState<string | null>(null);

  useLeaveWhenSignedIn(session);

  const advance = useCallback(
    async (next: SignInProgress) => {
      // The last steps change who is signed in: the session view says where to go next.
      if (next.stage === 'active' || next.stage === 'totp_enrolment') await session.refresh();
      else setProgress(next);
    },
    [session],
  );

  const restart = useCallback(async (reason: string | null) => {
    await signOut().catch(() => undefined);
    setNotice(reason);
    setProgress(null);
  }, []);

  if (progress === null) {
    return <CredentialsStep notice={notice ?? session.endedNotice} onProgress={advance} />;
  }
  if (progress.stage === 'second_factor') {
    return <SecondFactorStep progress={progress} onProgress={advance} onRestart={restart} />;
  }
  return <DeviceVerificationStep onProgress={advance} onRestart={restart} />;
}

/** A sign-in already past the password (a reload mid-way) continues where it was. */
function resumable(session: SessionState): SignInProgress | null {
  const stage = session.view?.stage;

  return stage === 'second_factor' || stage === 'device_verification' ? session.view : null;
}

function useLeaveWhenSignedIn(session: SessionState): void {
  const stage = session.view?.stage;
  useEffect(() => {
    if (stage === 'active') navigate(takeReturnPath(), { replace: true });
    if (stage === 'totp_enrolment') navigate(PATHS.mfa, { replace: true });
  }, [stage]);
}

interface CredentialsStepProps {
  readonly notice: string | null;
  readonly onProgress: (progress: SignInProgress) => Promise<void>;
}

function CredentialsStep({ notice, onProgress }: CredentialsStepProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormSubmit<'email' | 'password'>();

  const submit = () =>
    form.submit(
      requireFilled<'email' | 'password'>([
        ['email', email, 'Enter your email address.'],
        ['password', password, 'Enter your password.'],
      ]),
      async () => onProgress(await signIn(email, password)),
    );

  return (
    <section className="card card--narrow">
      <PageHeading>Sign in to Auraflow</PageHeading>
      {notice === null ? null : <Notice tone="warning">{notice}</Notice>}
      <Form onSubmit={submit} alert={form.alert} failure={form.failure}>
        <TextField
          id="sign-in-email"
          label="Email address"
          type="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
          error={form.fieldErrors.get('email')}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={form.fieldErrors.get('password')}
        />
        <SubmitButton pending={form.pending} pendingLabel="Checking…">
          Continue
        </SubmitButton>
      </Form>
      <p className="aside">
        New to Auraflow? <Link href={PATHS.signUp}>Create an account</Link>
      </p>
    </section>
  );
}
