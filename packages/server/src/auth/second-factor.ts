import type { FastifyReply } from 'fastify';
import {
  type AccountContext,
  audit,
  mailUser,
  type RequestScope,
} from '../accounts/account-context.js';
import { acceptTotpStep, type UserRow } from '../accounts/user-repository.js';
import type { SecondFactorMethod } from '../db/schema.js';
import { totpReusedMail } from '../email/templates.js';
import { AppError } from '../errors/error-registry.js';
import { verifyDevice } from './device-recognition.js';
import { consumeEmailCode } from './one-time-codes.js';
import { consumeRecoveryCode } from './recovery-codes.js';
import { secondFactorPolicy } from './second-factor-policy.js';
import type { Session } from './session-store.js';
import { countFailure } from './sign-in-failures.js';
import {
  afterSecondFactor,
  continueSignIn,
  type SignInProgress,
  signInUser,
} from './sign-in-flow.js';
import { matchTotp } from './totp.js';
import { decryptTotpSecret } from './totp-secret.js';

export interface SecondFactorAttempt {
  readonly code: string;
  readonly staySignedIn: boolean;
}

/** Step 2 by authenticator app: an RFC 6238 code, each time step accepted once. */
export async function verifyTotpStep(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
  attempt: SecondFactorAttempt,
): Promise<SignInProgress> {
  const user = await signInUser(context, scope, reply, session);
  const secret = decryptTotpSecret(context.cipher, user);
  if (secret === null) throw new AppError('AUTH_METHOD_NOT_AVAILABLE');

  const epochSeconds = Math.floor(context.now().getTime() / 1000);
  const step = await matchTotp(secret, attempt.code, epochSeconds);
  if (step === null) {
    await countFailure(context, scope, user, session, { method: 'totp', reason: 'wrong_code' });
    throw new AppError('AUTH_CODE_INVALID');
  }
  if (!(await acceptTotpStep(context.db, user.user_id, step))) {
    await refuseReusedCode(context, scope, user, session);
    throw new AppError('AUTH_CODE_INVALID');
  }

  return afterSecondFactor(context, scope, reply, { session, user, method: 'totp', ...attempt });
}

/**
 * A code whose time step was already accepted: someone replayed an observed code, or the holder
 * submitted it twice. Refused, logged, counted as a failure, and the holder is told by email.
 */
async function refuseReusedCode(
  context: AccountContext,
  scope: RequestScope,
  user: UserRow,
  session: Session,
): Promise<void> {
  await audit(context, scope, { type: 'totp_code_reused', userId: user.user_id, session });
  await countFailure(context, scope, user, session, { method: 'totp', reason: 'reused_code' });
  const place = { at: context.now(), ...scope.client };
  await mailUser(context, scope, user, totpReusedMail(place), false);
}

/** Step 2 by emailed code (only when no shop of the user requires the authenticator app). */
export async function verifyEmailCodeStep(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
  attempt: SecondFactorAttempt,
): Promise<SignInProgress> {
  const user = await signInUser(context, scope, reply, session);
  const policy = await secondFactorPolicy(context, user);
  if (!policy.methods.includes('email')) throw new AppError('AUTH_AUTHENTICATOR_APP_REQUIRED');

  await checkEmailedCode(context, scope, { user, session, purpose: 'sign_in', ...attempt });
  return afterSecondFactor(context, scope, reply, { session, user, method: 'email', ...attempt });
}

/** Step 2 by one of the ten single-use recovery codes. */
export async function verifyRecoveryCodeStep(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
  attempt: SecondFactorAttempt,
): Promise<SignInProgress> {
  const user = await signInUser(context, scope, reply, session);
  if (user.totp_enrolled_at === null) throw new AppError('AUTH_METHOD_NOT_AVAILABLE');

  const now = context.now();
  if (!(await consumeRecoveryCode(context.db, user.user_id, attempt.code, now))) {
    await countFailure(context, scope, user, session, { method: 'recovery', reason: 'wrong_code' });
    throw new AppError('AUTH_CODE_INVALID');
  }

  return afterSecondFactor(context, scope, reply, {
    session,
    user,
    method: 'recovery',
    ...attempt,
  });
}

/** Step 3 on an unrecognised device: the code emailed to confirm the device. */
export async function verifyDeviceStep(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
  code: string,
): Promise<SignInProgress> {
  const user = await signInUser(context, scope, reply, session);
  await checkEmailedCode(context, scope, { user, session, purpose: 'device_verification', code });

  const deviceId = await verifyDevice(context, scope, reply, session);
  const method: SecondFactorMethod = session.secondFactor ?? 'email';
  return continueSignIn(context, scope, reply, {
    session,
    user,
    method,
    staySignedIn: false,
    deviceId,
  });
}

async function checkEmailedCode(
  context: AccountContext,
  scope: RequestScope,
  check: {
    user: UserRow;
    session: Session;
    purpose: 'sign_in' | 'device_verification';
    code: string;
  },
): Promise<void> {
  const { user, session, purpose, code } = check;
  const verdict = await consumeEmailCode(context.db, context.keys.oneTimeCode, {
    sessionId: session.sessionId,
    purpose,
    code,
    now: context.now(),
  });
  if (verdict === 'accepted') return;

  if (verdict === 'no_valid_code') throw new AppError('AUTH_CODE_EXPIRED');
  await countFailure(context, scope, user, session, { method: 'email', reason: 'wrong_code' });
  throw new AppError('AUTH_CODE_INVALID');
}
