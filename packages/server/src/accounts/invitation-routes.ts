import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseBody, requireActiveSession } from '../auth/request-guards.js';
import type { MemberRole } from '../db/schema.js';
import { dashboardLink } from '../email/links.js';
import { invitationMail } from '../email/templates.js';
import { AppError } from '../errors/error-registry.js';
import {
  type AccountContext,
  audit,
  mailAddress,
  type RequestScope,
  scopeOf,
} from './account-context.js';
import {
  acceptInvitation,
  createInvitation,
  invitationEmailIndex,
  revokeInvitation,
} from './invitation-repository.js';
import { addMember, MEMBER_ROLES, roleIn } from './membership-repository.js';
import { inShop, isShopId, requireShopRole, type ShopAccess } from './shop-access.js';
import { decryptUserEmail, parseEmail } from './user-email.js';
import { findUserByEmail, findUserById } from './user-repository.js';

const role = z.enum(['owner', 'admin', 'analyst']);
const INVITE = z.strictObject({ email: z.string().min(1).max(320), role });
const ACCEPT = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

type ShopRequest = FastifyRequest<{ Params: { shopId: string } }>;
type InvitationRequest = FastifyRequest<{ Params: { shopId: string; invitationId: string } }>;

/** Roles a member of each role may grant by invitation. */
const GRANTABLE: Readonly<Record<MemberRole, readonly MemberRole[]>> = {
  owner: MEMBER_ROLES,
  admin: ['admin', 'analyst'],
  analyst: [],
};

/** `/v1/shops/:shopId/members/invitations…`: invite by email, withdraw, accept. */
export function registerInvitationRoutes(app: FastifyInstance, context: AccountContext): void {
  app.post('/v1/shops/:shopId/members/invitations', (request: ShopRequest, reply) =>
    invite(context, request, reply),
  );
  app.delete(
    '/v1/shops/:shopId/members/invitations/:invitationId',
    (request: InvitationRequest, reply) => withdraw(context, request, reply),
  );
  app.post('/v1/shops/:shopId/members/invitations/accept', (request: ShopRequest) =>
    accept(context, request),
  );
}

/** Owners and admins invite, each up to the roles they may grant; the link is emailed. */
async function invite(context: AccountContext, request: ShopRequest, reply: FastifyReply) {
  const body = parseBody(INVITE, request.body);
  const access = await requireShopRole(context, request, request.params.shopId, ['owner', 'admin']);
  if (!GRANTABLE[access.role].includes(body.role)) throw new AppError('ACCOUNT_ROLE_FORBIDDEN');
  const email = parseEmail(body.email);
  await refuseExistingMember(context, access.shopId, email);

  const scope = scopeOf(context, request);
  const { invitation, shopName } = await recordInvitation(context, scope, access, {
    email,
    role: body.role,
  });
  const link = dashboardLink(context.config.publicUrl, 'acceptInvitation', {
    shop: access.shopId,
    token: invitation.token,
  });
  await mailAddress(context, scope, email, invitationMail(shopName, body.role, link), true);

  return reply.code(201).send({
    invitationId: invitation.invitationId,
    email,
    role: body.role,
    expiresAt: invitation.expiresAt.toISOString(),
  });
}

async function refuseExistingMember(
  context: AccountContext,
  shopId: string,
  email: string,
): Promise<void> {
  const user = await findUserByEmail(context.db, context.keyring, email);
  if (user === null) return;

  const existing = await inShop(context, shopId, (trx) => roleIn(trx, shopId, user.user_id));
  if (existing !== null) throw new AppError('ACCOUNT_ALREADY_MEMBER');
}

/** Stores the invitation and its event in the shop's tenant context; returns the shop's name. */
function recordInvitation(
  context: AccountContext,
  scope: RequestScope,
  access: ShopAccess,
  invitee: { email: string; role: MemberRole },
) {
  return inShop(context, access.shopId, async (trx) => {
    const invitation = await createInvitation(trx, context, {
      shopId: access.shopId,
      invitedBy: access.session.userId,
      now: context.now(),
      ...invitee,
    });
    await audit(context, scope, {
      type: 'invitation_sent',
      userId: access.session.userId,
      session: access.session,
      shopId: access.shopId,
      detail: { role: invitee.role },
      db: trx,
    });
    const shop = await trx
      .selectFrom('shops')
      .select('name')
      .where('shop_id', '=', access.shopId)
      .executeTakeFirst();
    return { invitation, shopName: shop?.name ?? 'a shop' };
  });
}

async function withdraw(context: AccountContext, request: InvitationRequest, reply: FastifyReply) {
  const { shopId, invitationId } = request.params;
  const access = await requireShopRole(context, request, shopId, ['owner', 'admin']);

  const revoked = await inShop(context, access.shopId, async (trx) => {
    if (!isShopId(invitationId)) return false;
    if (!(await revokeInvitation(trx, access.shopId, invitationId, context.now()))) return false;

    await audit(context, scopeOf(context, request), {
      type: 'invitation_revoked',
      userId: access.session.userId,
      session: access.session,
      shopId: access.shopId,
      db: trx,
    });
    return true;
  });
  if (!revoked) throw new AppError('ACCOUNT_INVITATION_NOT_FOUND');
  return reply.code(204).send();
}

/**
 * The signed-in user accepts an invitation sent to their own address: the invitation's blind
 * index (scoped to the shop) must equal that of the user's email. It works once.
 */
async function accept(context: AccountContext, request: ShopRequest) {
  const body = parseBody(ACCEPT, request.body);
  const session = await requireActiveSession(context.sessions, request);
  const { shopId } = request.params;
  if (!isShopId(shopId)) throw new AppError('ACCOUNT_INVITATION_INVALID');
  const user = await findUserById(context.db, session.userId);
  if (user === null) throw new AppError('AUTH_SESSION_REQUIRED');

  const email = decryptUserEmail(context.cipher, user);
  const now = context.now();
  const scope = scopeOf(context, request);
  const role = await inShop(context, shopId, async (trx) => {
    const accepted = await acceptInvitation(trx, {
      shopId,
      token: body.token,
      emailIndex: invitationEmailIndex(context.keyring, shopId, email),
      userId: user.user_id,
      now,
    });
    if (accepted === null) throw new AppError('ACCOUNT_INVITATION_INVALID');
    if (accepted === 'mismatch') throw new AppError('ACCOUNT_INVITATION_EMAIL_MISMATCH');

    await addMember(trx, { shopId, userId: user.user_id, role: accepted, now });
    await audit(context, scope, {
      type: 'invitation_accepted',
      userId: user.user_id,
      session,
      shopId,
      detail: { role: accepted },
      db: trx,
    });
    return (await roleIn(trx, shopId, user.user_id)) ?? accepted;
  });
  return { shopId, role };
}
