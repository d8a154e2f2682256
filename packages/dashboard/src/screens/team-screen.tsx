import { useCallback } from 'react';
import type { MemberShop } from '../api/auth-api.js';
import { fetchTeam } from '../api/team-api.js';
import { FormAlert } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useLoader } from '../components/use-loader.js';
import { useSession, useSignedInView } from '../session/session-context.js';
import { InvitationList, InviteForm } from './invitations.js';
import { MemberTable } from './members.js';
import { MfaPolicyForm } from './mfa-policy-form.js';
import { NoShop } from './no-shop.js';

/**
 * The shop's members and roles; owners and admins invite and remove, owners change roles and set
 * the MFA policy, and everyone may leave.
 */
export function TeamScreen() {
  const { shop } = useSession();
  if (shop === null) return <NoShop title="Team" />;

  return <ShopTeam key={shop.shopId} shop={shop} />;
}

function ShopTeam({ shop }: { readonly shop: MemberShop }) {
  const load = useCallback(() => fetchTeam(shop.shopId), [shop.shopId]);
  const { state, reload } = useLoader(load);
  const session = useSession();
  const { user } = useSignedInView();
  const manager = shop.role !== 'analyst';
  // A change to one's own membership changes the session's shops (the role, or the shop gone).
  const afterChange = async (self: boolean) => {
    if (self) await session.refresh();
    await reload();
  };

  return (
    <section className="page">
      <PageHeading title="Team">Team of {shop.name}</PageHeading>
      {state.status === 'loading' ? <p aria-busy="true">Loading…</p> : null}
      {state.status === 'failed' ? <FormAlert message={state.error.message} /> : null}
      {state.status === 'ready' ? (
        <MemberTable
          shop={shop}
          members={state.data.members}
          viewerId={user.userId}
          onChange={afterChange}
        />
      ) : null}
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
