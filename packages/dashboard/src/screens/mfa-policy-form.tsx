import { useState } from 'react';
import type { MemberShop } from '../api/auth-api.js';
import { setMfaPolicy } from '../api/team-api.js';
import { CheckboxField } from '../components/checkbox-field.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { SubmitButton } from '../components/submit-button.js';
import { useFormSubmit } from '../components/use-form-submit.js';
import { useSession } from '../session/session-context.js';

const POLICY_HINT =
  'Emailed codes then no longer count as a second factor; members without the app set it up ' +
  'at their next sign-in. You need the app yourself first.';

/** Owners only: require the authenticator app (not emailed codes) of every member. */
export function MfaPolicyForm({ shop }: { readonly shop: MemberShop }) {
  const session = useSession();
  const [required, setRequired] = useState(shop.requireTotp);
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit<never>();

  const submit = () =>
    form.run(async () => {
      setSaved(false);
      await setMfaPolicy(shop.shopId, required);
      await session.refresh();
      setSaved(true);
    });

  return (
    <div className="card">
      <h2 className="subheading">Sign-in security</h2>
      <p className="muted">
        {shop.requireTotp
          ? 'Now: every member must use the authenticator app.'
          : 'Now: members may use the authenticator app or emailed codes.'}
      </p>
      <Form onSubmit={submit} alert={form.alert} failure={form.failure} label="Sign-in security">
        <CheckboxField
          id="require-authenticator"
          label="Require the authenticator app for every member"
          hint={POLICY_HINT}
          checked={required}
          onChecked={setRequired}
        />
        {saved ? <Notice tone="success">Saved.</Notice> : null}
        <SubmitButton pending={form.pending} pendingLabel="Saving…" variant="secondary">
          Save
        </SubmitButton>
      </Form>
    </div>
  );
}
