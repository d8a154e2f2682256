import { useEffect, useRef, useState } from 'react';
import { type MemberShop, ROLES, type Role } from '../api/auth-api.js';
import { changeMemberRole, type Member, removeMember } from '../api/team-api.js';
import { Form } from '../components/form.js';
import { SelectField } from '../components/select-field.js';
import { SubmitButton } from '../components/submit-button.js';
import { useFormSubmit } from '../components/use-form-submit.js';
import { formatDateTime } from '../format/date-format.js';
import { ConfirmAction } from './confirm-action.js';
import { mayChangeRoles, mayRemove, ROLE_NAMES } from './role-names.js';

interface MemberTableProps {
  readonly shop: MemberShop;
  readonly members: readonly Member[];
  /** The signed-in user, whose own row offers "Leave the shop" instead of "Remove". */
  readonly viewerId: string;
  /** After a change; `self` when it changed the signed-in user's own membership. */
  readonly onChange: (self: boolean) => Promise<void>;
}

/**
 * The shop's members. Each row offers only what the viewer's role allows (the API's table in
 * docs/api-accounts.md); refusals only the API can judge, such as removing or demoting the last
 * owner, come back as its message next to the action.
 */
export function MemberTable({ shop, members, viewerId, onChange }: MemberTableProps) {
  const actionsOf = (member: Member) => ({
    changeRole: mayChangeRoles(shop.role),
    remove: mayRemove(shop.role, member.role, member.userId === viewerId),
  });
  const anyActions = members.some((member) => {
    const actions = actionsOf(member);
    return actions.changeRole || actions.remove;
  });

  return (
    <div className="card">
      <h2 className="subheading">Members</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Authenticator app</th>
              <th scope="col">Joined</th>
              {anyActions ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const self = member.userId === viewerId;
              const actions = actionsOf(member);
              return (
                <tr key={member.userId}>
                  <td>
                    {member.email}
                    {self ? <span className="badge">You</span> : null}
                  </td>
                  <td>{ROLE_NAMES[member.role]}</td>
                  <td>{member.totpEnabled ? 'On' : 'Off'}</td>
                  <td>{formatDateTime(member.joinedAt)}</td>
                  {anyActions ? (
                    <td className="member-actions">
                      {actions.changeRole ? (
                        <RoleChange
                          shopId={shop.shopId}
                          member={member}
                          onChanged={() => onChange(self)}
                        />
                      ) : null}
                      {actions.remove ? (
                        <ConfirmAction
                          label={self ? 'Leave the shop' : 'Remove'}
                          context={self ? null : member.email}
                          warning={removalWarning(member, self, shop.name)}
                          run={async () => {
                            await removeMember(shop.shopId, member.userId);
                            await onChange(self);
                          }}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function removalWarning(member: Member, self: boolean, shopName: string): string {
  return self
    ? `You lose access to ${shopName}. Coming back takes a new invitation.`
    : `${member.email} loses access to ${shopName}. Coming back takes a new invitation.`;
}

interface RoleChangeProps {
  readonly shopId: string;
  readonly member: Member;
  readonly onChanged: () => Promise<void>;
}

/** "Change role" opens a small form with the roles; the change applies on "Save role". */
function RoleChange({ shopId, member, onChanged }: RoleChangeProps) {
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(member.role);
  const form = useFormSubmit<never>();
  const selectId = `role-${member.userId}`;
  const opener = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Focus follows the swap: into the form when it opens, back to its button when it closes.
  useEffect(() => {
    if (editing) document.getElementById(selectId)?.focus();
    else if (wasEditing.current) opener.current?.focus();
    wasEditing.current = editing;
  }, [editing, selectId]);

  const submit = () =>
    form.run(async () => {
      if (role !== member.role) {
        await changeMemberRole(shopId, member.userId, role);
        await onChanged();
      }
      setEditing(false);
    });

  if (!editing) {
    return (
      <button
        ref={opener}
        type="button"
        className="button button--secondary"
        aria-label={`Change role of ${member.email}`}
        onClick={() => {
          setRole(member.role);
          setEditing(true);
        }}
      >
        Change role
      </button>
    );
  }

  return (
    <Form
      onSubmit={submit}
      alert={form.alert}
      failure={form.failure}
      label={`Role of ${member.email}`}
    >
      <SelectField
        id={selectId}
        label={`New role for ${member.email}`}
        value={role}
        options={ROLES.map((value) => ({ value, label: ROLE_NAMES[value] }))}
        onValue={setRole}
      />
      <div className="button-row">
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save role
        </SubmitButton>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setEditing(false)}
        >
          Cancel
        </button>
      </div>
    </Form>
  );
}
