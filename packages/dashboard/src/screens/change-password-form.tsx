import { useState } from 'react';
import { changePassword } from '../api/account-api.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { type FieldErrors, requireFilled, useFormSubmit } from '../components/use-form-submit.js';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

const POLICY_HINT = 'At least 12 characters. Not a common password, and not containing your email.';

/** The server's refusals, next to the input they are about; others become the form's alert. */
function fieldOf(code: string): Field | null {
  if (code === 'AUTH_CURRENT_PASSWORD_INCORRECT') return 'currentPassword';
  if (code.startsWith('ACCOUNT_PASSWORD_')) return 'newPassword';
  return null;
}

function checksOf(current: string, next: string, confirmation: string): FieldErrors<Field> {
  const empty = requireFilled<Field>([
    ['currentPassword', current, 'Enter your current password.'],
    ['newPassword', next, 'Choose a new password.'],
    ['confirmPassword', confirmation, 'Enter the new password again.'],
  ]);
  if (empty.size > 0 || next === confirmation) return empty;

  return new Map([['confirmPassword', 'The two new passwords differ. Enter the same one twice.']]);
}

/**
 * Changes the password after checking the current one (a wrong one counts towards the lockout).
 * The server signs out every other session and renews this one, whose new CSRF token the client
 * keeps, so this browser stays signed in.
 */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useFormSubmit<Field>(fieldOf);

  const submit = () =>
    form.submit(checksOf(current, next, confirmation), async () => {
      setChanged(false);
      await changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirmation('');
      setChanged(true);
    });

  return (
    <div className="card">
      <h2 className="subheading">Change password</h2>
      <p>
        Changing your password signs out every other browser and device where you are signed in.
        This one stays signed in.
      </p>
      <Form onSubmit={submit} alert={form.alert} failure={form.failure} label="Change password">
        <TextField
          id="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onValue={setCurrent}
          error={form.fieldErrors.get('currentPassword')}
        />
        <TextField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={POLICY_HINT}
          value={next}
          onValue={setNext}
          error={form.fieldErrors.get('newPassword')}
        />
        <TextField
          id="confirm-password"
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onValue={setConfirmation}
          error={form.fieldErrors.get('confirmPassword')}
        />
        {changed ? (
          <Notice tone="success">
            Your password was changed. Every other session of your account was signed out; this
            browser stays signed in.
          </Notice>
        ) : null}
        <SubmitButton pending={form.pending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </Form>
    </div>
  );
}
