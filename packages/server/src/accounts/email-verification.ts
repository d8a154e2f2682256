import { consumeLink, issueLink } from '../auth/one-time-codes.js';
import { dashboardLink } from '../email/links.js';
import { emailVerificationMail } from '../email/templates.js';
import { AppError } from '../errors/error-registry.js';
import { type AccountContext, audit, mailAddress, type RequestScope } from './account-context.js';
import { parseEmail } from './user-email.js';
import { findUserByEmail, markEmailVerified } from './user-repository.js';

/** Emails a single-use, 24-hour link that proves the user controls their address. */
export async function sendEmailVerification(
  context: AccountContext,
  scope: RequestScope,
  userId: string,
  email: string,
): Promise<void> {
  const token = await issueLink(context.db, {
    userId,
    purpose: 'email_verification',
    now: context.now(),
  });
  const link = dashboardLink(context.config.publicUrl, 'verifyEmail', { token });
  await mailAddress(context, scope, email, emailVerificationMail(link), true);
}

/** Marks the address verified with the link's token. */
export async function verifyEmail(
  context: AccountContext,
  scope: RequestScope,
  token: string,
): Promise<void> {
  const now = context.now();
  const userId = await consumeLink(context.db, { purpose: 'email_verification', token, now });
  if (userId === null) throw new AppError('AUTH_LINK_INVALID');

  await markEmailVerified(context.db, userId, now);
  await audit(context, scope, { type: 'email_verified', userId });
}

/**
 * Sends a new verification link when the address has an unverified account. The answer never
 * says which; the work happens after the response so that its timing does not say it either.
 */
export function resendEmailVerification(
  context: AccountContext,
  scope: RequestScope,
  email: string,
): void {
  const work = async () => {
    const normalised = parseEmail(email);
    const user = await findUserByEmail(context.db, context.keyring, normalised);
    if (user === null || user.email_verified_at !== null) return;
    await sendEmailVerification(context, scope, user.user_id, normalised);
  };
  work().catch((error: unknown) => {
    if (!(error instanceof AppError)) scope.log.warn({ err: error }, 'verification not resent');
  });
}
