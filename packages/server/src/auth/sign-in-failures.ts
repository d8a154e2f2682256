import { type AccountContext, audit, type RequestScope } from '../accounts/account-context.js';
import { recordFailure, type UserRow } from '../accounts/user-repository.js';
import type { AuthEventDetail } from '../audit/auth-event-log.js';
import type { Session } from './session-store.js';
import { LOCKOUT_THRESHOLD } from './throttling.js';
import { sendUnlockLink } from './unlock.js';

/**
 * Counts a failed credential check against the account (and the sign-in, when one is under
 * way). The failure that reaches {@link LOCKOUT_THRESHOLD} locks the account and emails the
 * unlock link; a sign-in with too many wrong codes is ended.
 */
export async function countFailure(
  context: AccountContext,
  scope: RequestScope,
  user: UserRow,
  session: Session | null,
  detail: AuthEventDetail,
): Promise<void> {
  const now = context.now();
  const count = await recordFailure(context.db, user.user_id, LOCKOUT_THRESHOLD, now);
  const type = session === null ? 'sign_in_failed' : 'second_factor_failed';
  await audit(context, scope, { type, userId: user.user_id, session, detail });

  if (count.lockedNow) {
    await audit(context, scope, { type: 'account_locked', userId: user.user_id, session });
    await sendUnlockLink(context, scope, user, count.failures);
  }
  if (session === null) return;

  const failures = await context.sessions.countFailure(session);
  if (count.lockedNow || failures >= context.limits.failedCodesPerSignIn) {
    await context.sessions.deleteSession(user.user_id, session.sessionId);
  }
}
