import { useState } from 'react';
import {
  replaceRecoveryCodes,
  startTotpEnrolment,
  type TotpEnrolment,
} from '../api/account-api.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';
import { useSignedInView } from '../session/session-context.js';

interface StatusProps {
  readonly onEnrolment: (enrolment: TotpEnrolment) => void;
  readonly onNewCodes: (codes: readonly string[]) => void;
}

/** Where two-step verification stands, and the actions that fit. */
export function AuthenticatorStatus({ onEnrolment, onNewCodes }: StatusProps) {
  const { user, mfaEnrolmentRequired } = useSignedInView();

  if (!user.totpEnabled) {
    return <SetUpPanel required={mfaEnrolmentRequired} onEnrolment={onEnrolment} />;
  }

  return (
    <>
      <Notice tone="success">
        Your authenticator app is set up. Recovery codes left: {user.recoveryCodesRemaining} of 10.
      </Notice>
      <PasswordAction
        id="replace-app"
        title="Replace the authenticator app"
        description="For a new phone. The current app keeps working until the new one is confirmed."
        action="Start replacing"
        run={async (password) => onEnrolment(await startTotpEnrolment(password))}
      />
      <PasswordAction
        id="new-codes"
        title="New recovery codes"
        description="Ten new codes replace the ones you have; the old ones stop working."
        action="Create new codes"
        run={async (password) => onNewCodes(await replaceRecoveryCodes(password))}
      />
    </>
  );
}

interface SetUpPanelProps {
  readonly required: boolean;
  readonly onEnrolment: (enrolment: TotpEnrolment) => void;
}

function SetUpPanel({ required, onEnrolment }: SetUpPanelProps) {
  const form = useFormSubmit<never>();
  const start = () => form.run(async () => onEnrolment(await startTotpEnrolment()));

  return (
    <div className="card">
      {required ? (
        <Notice tone="warning">
          A shop you belong to requires an authenticator app. Set one up to finish signing in.
        </Notice>
      ) : null}
      <p>
        An authenticator app (such as 1Password, Google Authenticator or Microsoft Authenticator)
        gives you a new 6-digit code every 30 seconds. It is safer than codes by email.
      </p>
      <Form onSubmit={start} alert={form.alert} failure={form.failure} label="Set up">
        <SubmitButton pending={form.pending} pendingLabel="Preparing…">
          Set up the authenticator app
        </SubmitButton>
      </Form>
    </div>
  );
}

interface PasswordActionProps {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly action: string;
  readonly run: (password: string) => Promise<void>;
}

/** A sensitive change, confirmed by the current password (wrong ones count towards lockout). */
function PasswordAction({ id, title, description, action, run }: PasswordActionProps) {
  const [password, setPassword] = useState('');
  const form = useFormSubmit<'password'>((code) =>
    code === 'AUTH_CURRENT_PASSWORD_INCORRECT' ? 'password' : null,
  );
  const submit = () =>
    form.submit(requireFilled([['password', password, 'Enter your current password.']]), () =>
      run(password),
    );

  return (
    <div className="card">
      <h2 className="subheading">{title}</h2>
      <p>{description}</p>
      <Form onSubmit={submit} alert={form.alert} failure={form.failure} label={title}>
        <TextField
          id={`${id}-password`}
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={form.fieldErrors.get('password')}
        />
        <SubmitButton pending={form.pending} pendingLabel="Checking…" variant="secondary">
          {action}
        </SubmitButton>
      </Form>
    </div>
  );
}
