import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseBody } from '../auth/request-guards.js';
import type { MemberRole } from '../db/schema.js';
import type { TenantTransaction } from '../db/tenant.js';
import { AppError } from '../errors/error-registry.js';
import { type AccountContext, audit, scopeOf } from './account-context.js';
import { listPendingInvitations } from './invitation-repository.js';
import { registerInvitationRoutes } from './invitation-routes.js';
import { countOwners, lockShop, MEMBER_ROLES, roleIn } from './membership-repository.js';
import { inShop, isShopId, requireShopRole, type ShopAccess } from './shop-access.js';
import { decryptUserEmail } from './user-email.js';
import { findUserById } from './user-repository.js';

const ROLE_CHANGE = z.strictObject({ role: z.enum(['owner', 'admin', 'analyst']) });
const MFA_POLICY = z.strictObject({ requireAuthenticatorApp: z.boolean() });

type ShopRequest = FastifyRequest<{ Params: { shopId: string } }>;
type MemberRequest = FastifyRequest<{ Params: { shopId: string; userId: string } }>;

/** `/v1/shops/:shopId/members…`: the team, invitations, roles and the shop's MFA policy. */
export function registerMemberRoutes(app: FastifyInstance, context: AccountContext): void {
  app.get('/v1/shops/:shopId/members', (request: ShopRequest) => listTeam(context, request));
  app.patch('/v1/shops/:shopId/members/:userId', (request: MemberRequest) =>
    changeRole(context, request),
  );
  app.delete('/v1/shops/:shopId/members/:userId', (request: MemberRequest, reply) =>
    removeMember(context, request, reply),
  );
  app.put('/v1/shops/:shopId/members/mfa-policy', (request: ShopRequest) =>
    setMfaPolicy(context, request),
  );
  registerInvitationRoutes(app, context);
}

/** Members for everyone in the shop; pending invitations for owners and admins only. */
async function listTeam(context: AccountContext, request: ShopRequest) {
  const access = await requireShopRole(context, request, request.params.shopId, MEMBER_ROLES);
  const manager = access.role !== 'analyst';

  return inShop(context, access.shopId, async (trx) => {
    const members = await listMembers(context, trx, access.shopId);
    const pending = manager
      ? await listPendingInvitations(trx, context.cipher, access.shopId, context.now())
      : [];
    const invitations = pending.map((invitation) => ({
      ...invitation,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    }));
    return { members, invitations };
  });
}

async function listMembers(context: AccountContext, trx: TenantTransaction, shopId: string) {
  const rows = await trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.user_id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'memberships.role',
      'memberships.created_at',
      'users.email_enc',
      'users.totp_enrolled_at',
    ])
    .where('memberships.shop_id', '=', shopId)
    .orderBy('memberships.created_at')
    .execute();

  return rows.map((row) => ({
    userId: row.user_id,
    email: decryptUserEmail(context.cipher, row),
    role: row.role,
    joinedAt: row.created_at.toISOString(),
    totpEnabled: row.totp_enrolled_at !== null,
  }));
}

async function changeRole(context: AccountContext, request: MemberRequest) {
  const body = parseBody(ROLE_CHANGE, request.body);
  const access = await requireShopRole(context, request, request.params.shopId, ['owner']);
  const { userId } = request.params;

  await changeMembership(context, access, userId, body.role);
  await auditShop(context, request, access, 'member_role_changed', body.role);
  return { userId, role: body.role };
}

/** Owners remove anyone, admins remove non-owners, anyone may leave. */
async function removeMember(context: AccountContext, request: MemberRequest, reply: FastifyReply) {
  const access = await requireShopRole(context, request, request.params.shopId, MEMBER_ROLES);
  const { userId } = request.params;
  const target = isShopId(userId)
    ? await inShop(context, access.shopId, (trx) => roleIn(trx, access.shopId, userId))
    : null;
  if (target === null) throw new AppError('ACCOUNT_MEMBER_NOT_FOUND');

  const self = userId === access.session.userId;
  const byAdmin = access.role === 'admin' && target !== 'owner';
  if (!self && access.role !== 'owner' && !byAdmin) throw new AppError('ACCOUNT_ROLE_FORBIDDEN');

  await changeMembership(context, access, userId, null);
  await auditShop(context, request, access, 'member_removed', null);
  return reply.code(204).send();
}

/**
 * Sets a member's role (`null` removes them), refusing to leave the shop without an owner. The
 * shop row is locked first, so two owners demoting each other at once cannot both succeed.
 */
async function changeMembership(
  context: AccountContext,
  access: ShopAccess,
  userId: string,
  newRole: MemberRole | null,
): Promise<void> {
  const { shopId } = access;
  await inShop(context, shopId, async (trx) => {
    await lockShop(trx, shopId);
    const current = isShopId(userId) ? await roleIn(trx, shopId, userId) : null;
    if (current === null) throw new AppError('ACCOUNT_MEMBER_NOT_FOUND');
    if (current === 'owner' && newRole !== 'owner' && (await countOwners(trx, shopId)) <= 1) {
      throw new AppError('ACCOUNT_LAST_OWNER');
    }

    if (newRole === null) {
      await trx
        .deleteFrom('memberships')
        .where('shop_id', '=', shopId)
        .where('user_id', '=', userId)
        .execute();
      return;
    }
    await trx
      .updateTable('memberships')
      .set({ role: newRole })
      .where('shop_id', '=', shopId)
      .where('user_id', '=', userId)
      .execute();
  });
}

/** An owner may require the authenticator app of every member; they must use it themselves. */
async function setMfaPolicy(context: AccountContext, request: ShopRequest) {
  const body = parseBody(MFA_POLICY, request.body);
  const access = await requireShopRole(context, request, request.params.shopId, ['owner']);
  const owner = await findUserById(context.db, access.session.userId);
  const ownerHasApp = owner !== null && owner.totp_enrolled_at !== null;
  if (body.requireAuthenticatorApp && !ownerHasApp) {
    throw new AppError('ACCOUNT_TOTP_REQUIRED_FOR_POLICY');
  }

  await inShop(context, access.shopId, (trx) =>
    trx
      .updateTable('shops')
      .set({ members_require_totp: body.requireAuthenticatorApp, updated_at: context.now() })
      .where('shop_id', '=', access.shopId)
      .execute(),
  );
  const required = body.requireAuthenticatorApp ? 'true' : 'false';
  await auditShop(context, request, access, 'shop_mfa_policy_changed', null, required);
  return { requireAuthenticatorApp: body.requireAuthenticatorApp };
}

/** A shop event, written in the shop's tenant context (the audit policy requires it). */
async function auditShop(
  context: AccountContext,
  request: FastifyRequest,
  access: ShopAccess,
  type: 'member_role_changed' | 'member_removed' | 'shop_mfa_policy_changed',
  role: MemberRole | null,
  required?: 'true' | 'false',
): Promise<void> {
  await inShop(context, access.shopId, (trx) =>
    audit(context, scopeOf(context, request), {
      type,
      userId: access.session.userId,
      session: access.session,
      shopId: access.shopId,
      detail: {
        ...(role === null ? {} : { role }),
        ...(required === undefined ? {} : { required }),
      },
      db: trx,
    }),
  );
}
