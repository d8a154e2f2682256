import { useState } from 'react';
import type { MemberShop, Role } from '../api/auth-api.js';
import { type Invitation, inviteMember, withdrawInvitation } from '../api/team-api.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { SelectField } from '../components/select-field.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';
import { formatDateTime } from '../format/date-format.js';
import { ConfirmAction } from './confirm-action.js';
import { GRANTABLE_ROLES, ROLE_NAMES } from './role-names.js';

interface InvitationListProps {
  readonly shopId: string;
  readonly invitations: readonly Invitation[];
  readonly onChange: () => void;
}

export function InvitationList({ shopId, invitations, onChange }: InvitationListProps) {
  if (invitations.length === 0) return null;

  return (
    <div className="card">
      <h2 className="subheading">Pending invitations</h2>
      <ul className="item-list" aria-label="Pending invitations">
        {invitations.map((invitation) => (
          <li key={invitation.invitationId} className="item">
            <div>
              <p className="item-title">
                {invitation.email} · {ROLE_NAMES[invitation.role]}
              </p>
              <p className="muted">Valid until {formatDateTime(invitation.expiresAt)}</p>
            </div>
            <ConfirmAction
              label="Withdraw"
              context={`the invitation to ${invitation.email}`}
              warning={null}
              run={async () => {
                await withdrawInvitation(shopId, invitation.invitationId);
                onChange();
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function emailField(code: string): 'email' | null {
  return code === 'ACCOUNT_EMAIL_INVALID' || code === 'ACCOUNT_ALREADY_MEMBER' ? 'email' : null;
}

interface InviteFormProps {
  readonly shop: MemberShop;
  readonly onInvited: () => void;
}

/** Invites by email with a role; each role may grant only the roles the API lets it. */
export function InviteForm({ shop, onInvited }: InviteFormProps) {
  const roles = GRANTABLE_ROLES[shop.role];
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('analyst') ? 'analyst' : 'admin');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormSubmit<'email'>(emailField);

  const submit = () =>
    form.submit(
      requireFilled([['email', email, 'Enter the email address to invite.']]),
      async () => {
        setSentTo(null);
        await inviteMember(shop.shopId, email.trim(), role);
        setSentTo(email.trim());
        setEmail('');
        onInvited();
      },
    );

  return (
    <div className="card">
      <h2 className="subheading">Invite someone</h2>
      <Form onSubmit={submit} alert={form.alert} failure={form.failure} label="Invite someone">
        <div className="field-row">
          <TextField
            id="invite-email"
            label="Email address"
            type="email"
            autoComplete="off"
            value={email}
            onValue={setEmail}
            error={form.fieldErrors.get('email')}
          />
          <SelectField
            id="invite-role"
            label="Role"
            value={role}
            options={roles.map((value) => ({ value, label: ROLE_NAMES[value] }))}
            onValue={setRole}
          />
        </div>
        {sentTo === null ? null : (
          <Notice tone="success">Invitation sent to {sentTo}. It is valid for 7 days.</Notice>
        )}
        <SubmitButton pending={form.pending} pendingLabel="Sending…">
          Send invitation
        </SubmitButton>
      </Form>
    </div>
  );
}
