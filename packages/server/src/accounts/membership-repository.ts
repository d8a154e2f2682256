import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { MemberRole } from '../db/schema.js';
import { type TenantTransaction, withTenant } from '../db/tenant.js';

export const MEMBER_ROLES: readonly MemberRole[] = ['owner', 'admin', 'analyst'];

/** A shop the user belongs to, as the session and sign-in flow need it. */
export interface UserShop {
  readonly shopId: string;
  readonly name: string;
  readonly role: MemberRole;
  /** The owner requires an authenticator app of every member. */
  readonly requireTotp: boolean;
}

/**
 * The user's shops, with role, name and MFA policy. Which shops is answered, before any tenant
 * context, by the one SECURITY DEFINER function `memberships_of_user`; each shop's details are
 * then read inside that shop's own tenant context.
 */
export async function shopsOfUser(database: Database, userId: string): Promise<UserShop[]> {
  const memberships = await sql<{ shop_id: string; role: string }>`
    SELECT shop_id, role FROM memberships_of_user(${userId}::uuid)
  `.execute(database.db);

  const shops: UserShop[] = [];
  for (const { shop_id: shopId, role } of memberships.rows) {
    const known = MEMBER_ROLES.find((candidate) => candidate === role);
    const shop = await withTenant(database, shopId, (trx) =>
      trx
        .selectFrom('shops')
        .select(['name', 'members_require_totp'])
        .where('shop_id', '=', shopId)
        .executeTakeFirst(),
    );
    if (known === undefined || shop === undefined) continue;
    shops.push({ shopId, name: shop.name, role: known, requireTotp: shop.members_require_totp });
  }

  return shops.sort((a, b) => a.name.localeCompare(b.name));
}

/** The user's role in the shop (inside its tenant transaction), or null. */
export async function roleIn(
  trx: TenantTransaction,
  shopId: string,
  userId: string,
): Promise<MemberRole | null> {
  const row = await trx
    .selectFrom('memberships')
    .select('role')
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function addMember(
  trx: TenantTransaction,
  member: { shopId: string; userId: string; role: MemberRole; now: Date },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('memberships')
    .values({
      shop_id: member.shopId,
      user_id: member.userId,
      role: member.role,
      created_at: member.now,
    })
    .onConflict((conflict) => conflict.columns(['shop_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function countOwners(trx: TenantTransaction, shopId: string): Promise<number> {
  const row = await trx
    .selectFrom('memberships')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('shop_id', '=', shopId)
    .where('role', '=', 'owner')
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Locks the shop row until the transaction ends, serialising owner changes of one shop. */
export async function lockShop(trx: TenantTransaction, shopId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('shops')
    .select('shop_id')
    .where('shop_id', '=', shopId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}
