import type { FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { replaceRecoveryCodes } from '../auth/recovery-codes.js';
import type { Session } from '../auth/session-store.js';
import { countFailure } from '../auth/sign-in-failures.js';
import { completeSignIn, type SignInProgress } from '../auth/sign-in-flow.js';
import { matchTotp, newTotpSecret, totpUri } from '../auth/totp.js';
import { totpSecretContext } from '../auth/totp-secret.js';
import { verifyPassword } from '../crypto/password-hasher.js';
import { AppError } from '../errors/error-registry.js';
import { type AccountContext, audit, type RequestScope } from './account-context.js';
import { decryptUserEmail } from './user-email.js';
import { findUserById, type UserRow } from './user-repository.js';

export interface TotpEnrolment {
  /** Base32 secret, for typing into an app that cannot scan. */
  readonly secret: string;
  readonly otpauthUri: string;
  /** The URI as a QR code: an SVG image in a `data:` URL (the CSP allows data: images). */
  readonly qrCodeDataUrl: string;
}

/**
 * Starts (or restarts) enrolment of an authenticator app: a new secret is kept encrypted as
 * pending until a code from it is confirmed; an enrolled app keeps working meanwhile. Replacing
 * an enrolled app needs the current password, so a stolen session cannot swap the factor.
 */
export async function startTotpEnrolment(
  context: AccountContext,
  scope: RequestScope,
  user: UserRow,
  password: string | undefined,
): Promise<TotpEnrolment> {
  if (user.totp_enrolled_at !== null) await reauthenticate(context, scope, user, password);

  const secret = newTotpSecret();
  const pending = context.cipher.encrypt(
    secret,
    totpSecretContext(user.user_id, 'totp_pending_secret_enc'),
  );
  await context.db
    .updateTable('users')
    .set({ totp_pending_secret_enc: pending, updated_at: context.now() })
    .where('user_id', '=', user.user_id)
    .execute();

  const otpauthUri = totpUri(secret, decryptUserEmail(context.cipher, user));
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M' });
  const qrCodeDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return { secret, otpauthUri, qrCodeDataUrl };
}

/** The current password, checked again before a sensitive change; failures count to lockout. */
export async function reauthenticate(
  context: AccountContext,
  scope: RequestScope,
  user: UserRow,
  password: string | undefined,
): Promise<void> {
  const verdict = await context.passwordWork.run(() =>
    verifyPassword(user.password_hash, password ?? ''),
  );
  if (verdict.ok) return;

  await countFailure(context, scope, user, null, { method: 'password', reason: 'wrong_password' });
  throw new AppError('AUTH_CURRENT_PASSWORD_INCORRECT');
}

export interface ConfirmedEnrolment {
  /** Ten single-use recovery codes, shown this once. */
  readonly recoveryCodes: readonly string[];
  /** The session after enrolment (a required enrolment completes the sign-in). */
  readonly session: SignInProgress | null;
}

/** Makes the confirmed secret the enrolled one and issues new recovery codes, atomically. */
async function enrol(
  context: AccountContext,
  userId: string,
  secret: string,
  step: number,
): Promise<string[]> {
  const now = context.now();
  const enrolled = context.cipher.encrypt(secret, totpSecretContext(userId, 'totp_secret_enc'));

  return context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_secret_enc: enrolled,
        totp_enrolled_at: now,
        totp_pending_secret_enc: null,
        // The confirming code's step counts as used: it cannot sign in afterwards.
        totp_last_step: step,
        updated_at: now,
      })
      .where('user_id', '=', userId)
      .execute();
    return replaceRecoveryCodes(trx, userId, now);
  });
}

/**
 * Confirms enrolment with a code from the new app (one step of drift, RFC 6238 §5.2): the pending
 * secret becomes the enrolled one, its time step counts as used, and new recovery codes replace
 * any old ones.
 */
export async function confirmTotpEnrolment(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
  code: string,
): Promise<ConfirmedEnrolment> {
  const user = await findUserById(context.db, session.userId);
  if (user === null || user.totp_pending_secret_enc === null) {
    throw new AppError('AUTH_TOTP_ENROLMENT_NOT_STARTED');
  }
  const pendingContext = totpSecretContext(user.user_id, 'totp_pending_secret_enc');
  const secret = context.cipher.decryptText(user.totp_pending_secret_enc, pendingContext);
  const now = context.now();
  const step = await matchTotp(secret, code, Math.floor(now.getTime() / 1000));
  if (step === null) throw new AppError('AUTH_CODE_INVALID');

  const recoveryCodes = await enrol(context, user.user_id, secret, step);
  await audit(context, scope, { type: 'totp_enrolled', userId: user.user_id, session });

  if (session.stage !== 'totp_enrolment') return { recoveryCodes, session: null };
  const completed = await completeSignIn(context, scope, reply, {
    session,
    user,
    method: session.secondFactor ?? 'email',
    staySignedIn: false,
    deviceId: session.deviceId,
  });
  return { recoveryCodes, session: completed };
}
