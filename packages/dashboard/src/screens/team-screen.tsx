import { useCallback } from 'react';
import type { MemberShop } from '../api/auth-api.js';
import { fetchTeam, type Member } from '../api/team-api.js';
import { FormAlert } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useLoader } from '../components/use-loader.js';
import { formatDateTime } from '../format/date-format.js';
import { useSession } from '../session/session-context.js';
import { InvitationList, InviteForm } from './invitations.js';
import { MfaPolicyForm } from './mfa-policy-form.js';
import { NoShop } from './no-shop.js';
import { ROLE_NAMES } from './role-names.js';

/** The shop's members and roles; owners and admins invite, owners set the MFA policy. */
export function TeamScreen() {
  const { shop } = useSession();
  if (shop === null) return <NoShop title="Team" />;

  return <ShopTeam key={shop.shopId} shop={shop} />;
}

function ShopTeam({ shop }: { readonly shop: MemberShop }) {
  const load = useCallback(() => fetchTeam(shop.shopId), [shop.shopId]);
  const { state, reload } = useLoader(load);
  const manager = shop.role !== 'analyst';

  return (
    <section className="page">
      <PageHeading title="Team">Team of {shop.name}</PageHeading>
      {state.status === 'loading' ? <p aria-busy="true">Loading…</p> : null}
      {state.status === 'failed' ? <FormAlert message={state.error.message} /> : null}
      {state.status === 'ready' ? <MemberTable members={state.data.members} /> : null}
      {manager && state.status === 'ready' ? (
        <InvitationList
          shopId={shop.shopId}
          invitations={state.data.invitations}
          onChange={reload}
        />
      ) : null}
      {manager ? <InviteForm shop={shop} onInvited={reload} /> : null}
      {shop.role === 'owner' ? <MfaPolicyForm shop={shop} /> : null}
    </section>
  );
}

function MemberTable({ members }: { readonly members: readonly Member[] }) {
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
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td>{member.email}</td>
                <td>{ROLE_NAMES[member.role]}</td>
                <td>{member.totpEnabled ? 'On' : 'Off'}</td>
                <td>{formatDateTime(member.joinedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
