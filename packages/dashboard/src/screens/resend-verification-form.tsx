import { useState } from 'react';
import { resendVerification } from '../api/auth-api.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';

/** Asks for a new verification link; the answer never says whether the address has an account. */
export function ResendVerificationForm({ initialEmail = '' }: { readonly initialEmail?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [sent, setSent] = useState(false);
  const form = useFormSubmit<'email'>((code) =>
    code === 'ACCOUNT_EMAIL_INVALID' ? 'email' : null,
  );

  const submit = () =>
    form.submit(requireFilled([['email', email, 'Enter your email address.']]), async () => {
      setSent(false);
      await resendVerification(email);
      setSent(true);
    });

  return (
    <Form onSubmit={submit} alert={form.alert} failure={form.failure} label="New verification link">
      <TextField
        id="resend-email"
        label="Email address"
        type="email"
        autoComplete="email"
        value={email}
        onValue={setEmail}
        error={form.fieldErrors.get('email')}
      />
      {sent ? (
        <Notice tone="success">
          If this address has an account waiting for verification, a new link is on its way.
        </Notice>
      ) : null}
      <SubmitButton pending={form.pending} pendingLabel="Sending…" variant="secondary">
        Send a new link
      </SubmitButton>
    </Form>
  );
}
