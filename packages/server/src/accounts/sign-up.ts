import { randomUUID } from 'node:crypto';
import { checkNewPassword } from '../auth/password-policy.js';
import { hashPassword } from '../crypto/password-hasher.js';
import { withTenant } from '../db/tenant.js';
import { dashboardLink } from '../email/links.js';
import { accountExistsMail } from '../email/templates.js';
import { createShop } from '../shops/shop-repository.js';
import { type AccountContext, audit, mailAddress, type RequestScope } from './account-context.js';
import { sendEmailVerification } from './email-verification.js';
import { addMember, countOwners, lockShop } from './membership-repository.js';
import { parseEmail } from './user-email.js';
import { findUserByEmail, insertUser } from './user-repository.js';

export interface SignUp {
  readonly email: string;
  readonly password: string;
  /** Given: the new user owns a shop (the unclaimed demo shop, or a new one of this name). */
  readonly shopName?: string | undefined;
}

/**
 * Creates an account and emails the verification link. The answer does not say whether the
 * address already had an account: in that case nothing is created and the holder is emailed a
 * notice instead, after the same password hashing, so both cases look and take alike.
 */
export async function signUp(
  context: AccountContext,
  scope: RequestScope,
  input: SignUp,
): Promise<void> {
  const email = parseEmail(input.email);
  checkNewPassword(input.password, email);
  const passwordHash = await context.passwordWork.run(() => hashPassword(input.password));
  const now = context.now();
  const userId = randomUUID();

  const inserted = await insertUser(context.db, context.keyring, context.cipher, {
    userId,
    normalisedEmail: email,
    passwordHash,
    now,
  });
  if (!inserted) {
    await noticeExistingAccount(context, scope, email);
    return;
  }

  await audit(context, scope, { type: 'account_created', userId });
  if (input.shopName !== undefined) await becomeOwner(context, userId, input.shopName, now);
  await sendEmailVerification(context, scope, userId, email);
}

async function noticeExistingAccount(
  context: AccountContext,
  scope: RequestScope,
  email: string,
): Promise<void> {
  const existing = await findUserByEmail(context.db, context.keyring, email);
  if (existing === null) return;

  const link = dashboardLink(context.config.publicUrl, 'signIn');
  await mailAddress(context, scope, email, accountExistsMail(link), false);
}

/**
 * Makes the new user an owner: of the demo shop while it has no owner (the row lock serialises
 * two sign-ups racing for it), otherwise of a new shop with the given name.
 */
async function becomeOwner(
  context: AccountContext,
  userId: string,
  shopName: string,
  now: Date,
): Promise<string> {
  const demoShopId = context.demoShopId;
  if (demoShopId !== null) {
    const claimed = await withTenant(context.database, demoShopId, async (trx) => {
      if (!(await lockShop(trx, demoShopId)) || (await countOwners(trx, demoShopId)) > 0) {
        return false;
      }
      return addMember(trx, { shopId: demoShopId, userId, role: 'owner', now });
    });
    if (claimed) return demoShopId;
  }

  const shop = await createShop(context.database, context.cipher, { name: shopName, origins: [] });
  await withTenant(context.database, shop.shopId, (trx) =>
    addMember(trx, { shopId: shop.shopId, userId, role: 'owner', now }),
  );
  return shop.shopId;
}
