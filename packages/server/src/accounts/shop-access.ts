import type { FastifyRequest } from 'fastify';
import { requireActiveSession } from '../auth/request-guards.js';
import type { Session } from '../auth/session-store.js';
import type { MemberRole } from '../db/schema.js';
import { type TenantTransaction, withTenant } from '../db/tenant.js';
import { AppError } from '../errors/error-registry.js';
import type { AccountContext } from './account-context.js';
import { roleIn } from './membership-repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ShopAccess {
  readonly session: Session;
  readonly shopId: string;
  readonly role: MemberRole;
}

/**
 * The signed-in member's access to a shop, when their role is one of `allowed`. A shop the user
 * is not a member of is reported as not found, so ids of other shops reveal nothing.
 */
export async function requireShopRole(
  context: AccountContext,
  request: FastifyRequest,
  shopId: string,
  allowed: readonly MemberRole[],
): Promise<ShopAccess> {
  const session = await requireActiveSession(context.sessions, request);
  if (!UUID.test(shopId)) throw new AppError('ACCOUNT_SHOP_NOT_FOUND');

  const role = await withTenant(context.database, shopId, (trx) =>
    roleIn(trx, shopId, session.userId),
  );
  if (role === null) throw new AppError('ACCOUNT_SHOP_NOT_FOUND');
  if (!allowed.includes(role)) throw new AppError('ACCOUNT_ROLE_FORBIDDEN');
  return { session, shopId, role };
}

/** Runs `work` in the shop's tenant context; for ids already checked by requireShopRole. */
export function inShop<T>(
  context: AccountContext,
  shopId: string,
  work: (trx: TenantTransaction) => Promise<T>,
): Promise<T> {
  return withTenant(context.database, shopId, work);
}

export function isShopId(value: string): boolean {
  return UUID.test(value);
}
