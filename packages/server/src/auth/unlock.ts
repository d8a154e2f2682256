import {
  type AccountContext,
  audit,
  mailUser,
  type RequestScope,
} from '../accounts/account-context.js';
import { clearFailures, type UserRow } from '../accounts/user-repository.js';
import { dashboardLink } from '../email/links.js';
import { unlockMail } from '../email/templates.js';
import { AppError } from '../errors/error-registry.js';
import { consumeLink, issueLink } from './one-time-codes.js';

/** Emails the holder of a just-locked account a single-use unlock link (a notification). */
export async function sendUnlockLink(
  context: AccountContext,
  scope: RequestScope,
  user: UserRow,
  failures: number,
): Promise<void> {
  const token = await issueLink(context.db, {
    userId: user.user_id,
    purpose: 'unlock',
    now: context.now(),
  });
  const link = dashboardLink(context.config.publicUrl, 'unlock', { token });
  await mailUser(context, scope, user, unlockMail(link, failures), false);
}

/** Lifts a lockout with the emailed link's token; the failure count starts again. */
export async function unlockAccount(
  context: AccountContext,
  scope: RequestScope,
  token: string,
): Promise<void> {
  const now = context.now();
  const userId = await consumeLink(context.db, { purpose: 'unlock', token, now });
  if (userId === null) throw new AppError('AUTH_LINK_INVALID');

  await clearFailures(context.db, userId, now);
  await audit(context, scope, { type: 'account_unlocked', userId });
}
