import { useState } from 'react';
import { resendDeviceCode, verifyDevice } from '../api/auth-api.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';
import { RestartButton, restartIfEnded, type StepProps } from './sign-in-steps.js';

/**
 * An unrecognised browser: after the second factor the API emails a device code, as extra
 * verification, and tells the account holder about the new sign-in.
 */
export function DeviceVerificationStep({ onProgress, onRestart }: StepProps) {
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const form = useFormSubmit<'code'>((error) => (error === 'AUTH_CODE_INVALID' ? 'code' : null));
  const resend = useFormSubmit<never>();

  const submit = () =>
    form.submit(requireFilled([['code', code, 'Enter the 6-digit code from the email.']]), () =>
      restartIfEnded(onRestart, async () => onProgress(await verifyDevice(code.trim()))),
    );
  const sendAgain = () =>
    resend.run(() =>
      restartIfEnded(onRestart, async () => {
        await resendDeviceCode();
        setResent(true);
      }),
    );

  return (
    <section className="card card--narrow">
      <PageHeading>Confirm this device</PageHeading>
      <p>
        This browser is new to your account, so we ask for one more check: we emailed you a 6-digit
        code to confirm the device. Once confirmed, it is recognised next time.
      </p>
      <Form onSubmit={submit} alert={form.alert} failure={form.failure}>
        <TextField
          id="device-code"
          label="6-digit code from the “Confirm a new device” email"
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          value={code}
          onValue={setCode}
          error={form.fieldErrors.get('code')}
        />
        <SubmitButton pending={form.pending} pendingLabel="Checking…">
          Confirm device
        </SubmitButton>
      </Form>
      <Form onSubmit={sendAgain} alert={resend.alert} failure={resend.failure} label="New code">
        {resent ? <Notice tone="success">A new code is on its way.</Notice> : null}
        <SubmitButton pending={resend.pending} pendingLabel="Sending…" variant="secondary">
          Send a new code
        </SubmitButton>
      </Form>
      <RestartButton onRestart={onRestart} />
    </section>
  );
}
