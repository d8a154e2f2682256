import { useState } from 'react';
import { confirmTotpEnrolment, type TotpEnrolment } from '../api/account-api.js';
import type { Stage } from '../api/auth-api.js';
import { Form } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';

interface EnrolmentStepProps {
  readonly enrolment: TotpEnrolment;
  readonly onConfirmed: (codes: readonly string[], stage: Stage) => void;
  readonly onCancel: () => void;
}

/** Scan (or type) the new secret, then prove it works with one code from the app. */
export function EnrolmentStep({ enrolment, onConfirmed, onCancel }: EnrolmentStepProps) {
  const [code, setCode] = useState('');
  const form = useFormSubmit<'code'>((error) => (error === 'AUTH_CODE_INVALID' ? 'code' : null));
  const submit = () =>
    form.submit(
      requireFilled([['code', code, 'Enter the 6-digit code the app shows.']]),
      async () => {
        const confirmed = await confirmTotpEnrolment(code.trim());
        onConfirmed(confirmed.recoveryCodes, confirmed.stage);
      },
    );

  return (
    <section className="page">
      <PageHeading>Set up your authenticator app</PageHeading>
      <div className="card enrolment">
        <ol className="steps">
          <li>
            <p>Scan this QR code with the app.</p>
            <img
              className="qr-code"
              src={enrolment.qrCodeDataUrl}
              alt="QR code with your Auraflow authenticator secret"
              width={200}
              height={200}
            />
          </li>
          <li>
            <p>Or, if the app cannot scan, type this secret into it:</p>
            <code className="secret" id="totp-secret">
              {groupsOfFour(enrolment.secret)}
            </code>
          </li>
          <li>
            <Form onSubmit={submit} alert={form.alert} failure={form.failure}>
              <TextField
                id="enrolment-code"
                label="Enter the 6-digit code the app shows"
                autoComplete="one-time-code"
                inputMode="numeric"
                spellCheck={false}
                value={code}
                onValue={setCode}
                error={form.fieldErrors.get('code')}
              />
              <SubmitButton pending={form.pending} pendingLabel="Checking…">
                Confirm
              </SubmitButton>
            </Form>
          </li>
        </ol>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** "ABCD EFGH …": easier to copy by eye; apps ignore the spaces. */
function groupsOfFour(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}
