import { useState } from 'react';
import { signUp } from '../api/auth-api.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';
import { Link } from '../routing/link.js';
import { PATHS } from '../routing/routes.js';
import { ResendVerificationForm } from './resend-verification-form.js';

type Field = 'email' | 'password' | 'shopName';

function fieldOf(code: string): Field | null {
  if (code === 'ACCOUNT_EMAIL_INVALID') return 'email';
  if (code.startsWith('ACCOUNT_PASSWORD_')) return 'password';
  return null;
}

/** Creates an account; with a shop name its holder becomes that shop's owner. */
export function SignUpScreen() {
  const [sentTo, setSentTo] = useState<string | null>(null);

  return sentTo === null ? <SignUpForm onSent={setSentTo} /> : <CheckInbox email={sentTo} />;
}

function SignUpForm({ onSent }: { readonly onSent: (email: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [shopName, setShopName] = useState('');
  const form = useFormSubmit<Field>(fieldOf);

  const submit = () =>
    form.submit(
      requireFilled<Field>([
        ['email', email, 'Enter your email address.'],
        ['password', password, 'Choose a password.'],
      ]),
      async () => {
        const name = shopName.trim();
        await signUp({ email, password, ...(name === '' ? {} : { shopName: name }) });
        onSent(email);
      },
    );

  return (
    <section className="card card--narrow">
      <PageHeading>Create your Auraflow account</PageHeading>
      <Form onSubmit={submit} alert={form.alert} failure={form.failure}>
        <TextField
          id="sign-up-email"
          label="Email address"
          type="email"
          autoComplete="email"
          value={email}
          onValue={setEmail}
          error={form.fieldErrors.get('email')}
        />
        <TextField
          id="sign-up-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Not a common password, and not containing your email."
          value={password}
          onValue={setPassword}
          error={form.fieldErrors.get('password')}
        />
        <TextField
          id="sign-up-shop"
          label="Shop name (optional)"
          autoComplete="organization"
          hint="You become the shop's owner. Leave it empty if you were invited to a shop."
          value={shopName}
          onValue={setShopName}
        />
        <SubmitButton pending={form.pending} pendingLabel="Creating your account…">
          Create account
        </SubmitButton>
      </Form>
      <p className="aside">
        Already have an account? <Link href={PATHS.signIn}>Sign in</Link>
      </p>
    </section>
  );
}

function CheckInbox({ email }: { readonly email: string }) {
  return (
    <section className="card card--narrow">
      <PageHeading>Check your email</PageHeading>
      <Notice tone="success">
        We sent a verification link to <strong>{email}</strong>. It works once, for 24 hours.
      </Notice>
      <p>Open the link to confirm the address, then sign in.</p>
      <h2 className="subheading">No email?</h2>
      <p>Check your spam folder, or ask for a new link.</p>
      <ResendVerificationForm initialEmail={email} />
    </section>
  );
}
