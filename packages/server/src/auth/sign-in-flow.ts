import type { FastifyReply } from 'fastify';
import {
  type AccountContext,
  audit,
  dummyPasswordHash,
  mailUser,
  type RequestScope,
} from '../accounts/account-context.js';
import { sendEmailVerification } from '../accounts/email-verification.js';
import { decryptUserEmail, parseEmail } from '../accounts/user-email.js';
import {
  clearFailures,
  findUserByEmail,
  findUserById,
  type UserRow,
  updatePasswordHash,
} from '../accounts/user-repository.js';
import type { AuthEventDetail } from '../audit/auth-event-log.js';
import { hashPassword, verifyPassword } from '../crypto/password-hasher.js';
import type { SecondFactorMethod, SessionStage } from '../db/schema.js';
import { newDeviceCodeMail, newDeviceNoticeMail, signInCodeMail } from '../email/templates.js';
import { AppError } from '../errors/error-registry.js';
import { recogniseDevice, verifyDevice } from './device-recognition.js';
import { touchDevice } from './device-repository.js';
import { EMAIL_CODE_TTL_SECONDS, issueEmailCode } from './one-time-codes.js';
import { type SecondFactorPolicy, secondFactorPolicy } from './second-factor-policy.js';
import type { Session } from './session-store.js';
import { countFailure } from './sign-in-failures.js';

/** What every sign-in step answers: where the sign-in stands and what may come next. */
export interface SignInProgress {
  readonly stage: SessionStage;
  /** Second factors the user may choose, at the 'second_factor' stage. */
  readonly secondFactors: readonly SecondFactorMethod[];
  /** "Stay signed in" is offered only on a device already recognised for this user. */
  readonly staySignedInOffered: boolean;
  /** The token to send as `x-csrf-token` with every state-changing request from now on. */
  readonly csrfToken: string;
}

/**
 * Step 1, email and password. Whatever fails (unknown email, wrong password, locked account)
 * the answer is the same AUTH_SIGN_IN_FAILED, and an unknown email is checked against a dummy
 * Argon2id hash so that it costs the same time as a wrong password.
 */
export async function passwordStep(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  credentials: { email: string; password: string },
): Promise<SignInProgress> {
  const user = await findUserForSignIn(context, credentials.email);
  if (user === null) {
    const dummy = await dummyPasswordHash();
    await context.passwordWork.run(() => verifyPassword(dummy, credentials.password));
    await audit(context, scope, failed(null, { method: 'password', reason: 'unknown_account' }));
    throw new AppError('AUTH_SIGN_IN_FAILED');
  }

  const verdict = await context.passwordWork.run(() =>
    verifyPassword(user.password_hash, credentials.password),
  );
  if (user.locked_at !== null) {
    await audit(context, scope, failed(user.user_id, { method: 'password', reason: 'locked' }));
    throw new AppError('AUTH_SIGN_IN_FAILED');
  }
  if (!verdict.ok) {
    await countFailure(context, scope, user, null, {
      method: 'password',
      reason: 'wrong_password',
    });
    throw new AppError('AUTH_SIGN_IN_FAILED');
  }

  return startSecondFactor(context, scope, reply, user, credentials.password, verdict.needsRehash);
}

async function findUserForSignIn(context: AccountContext, email: string): Promise<UserRow | null> {
  try {
    return await findUserByEmail(context.db, context.keyring, parseEmail(email));
  } catch (error) {
    // A malformed address is simply an unknown account: the same answer, the same cost.
    if (error instanceof AppError) return null;
    throw error;
  }
}

function failed(userId: string | null, detail: AuthEventDetail) {
  return { type: 'sign_in_failed' as const, userId, detail };
}

async function startSecondFactor(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  user: UserRow,
  password: string,
  needsRehash: boolean,
): Promise<SignInProgress> {
  if (needsRehash) {
    const now = context.now();
    const rehashed = await context.passwordWork.run(() => hashPassword(password));
    await updatePasswordHash(context.db, user.user_id, rehashed, now, false);
  }
  if (user.email_verified_at === null) {
    await sendEmailVerification(
      context,
      scope,
      user.user_id,
      decryptUserEmail(context.cipher, user),
    );
    throw new AppError('ACCOUNT_EMAIL_NOT_VERIFIED');
  }

  const device = await recogniseDevice(context, scope, reply, user.user_id);
  const session = await context.sessions.startSignIn(scope.request, reply, {
    userId: user.user_id,
    deviceTokenHash: device.tokenHash,
    deviceId: device.deviceId,
    client: scope.client,
  });
  if (session === null) throw new AppError('AUTH_SESSION_REQUIRED');

  await audit(context, scope, { type: 'password_accepted', userId: user.user_id, session });
  return progress(context, session, await secondFactorPolicy(context, user));
}

/** Answers a step with the session's stage, its options and its CSRF token. */
export function progress(
  context: AccountContext,
  session: Session,
  policy: SecondFactorPolicy | null,
): SignInProgress {
  return {
    stage: session.stage,
    secondFactors: session.stage === 'second_factor' ? (policy?.methods ?? []) : [],
    staySignedInOffered: session.deviceRecognised,
    csrfToken: context.sessions.csrfTokenOf(session),
  };
}

/**
 * The user behind a sign-in step, provided the account may still sign in: a locked account
 * ends the sign-in.
 */
export async function signInUser(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
): Promise<UserRow> {
  const user = await findUserById(context.db, session.userId);
  if (user === null || user.locked_at !== null) {
    await context.sessions.end(scope.request, reply);
    throw new AppError('AUTH_SIGN_IN_FAILED');
  }
  return user;
}

/** Emails a sign-in code (second factor by email) for the current sign-in. */
export async function sendSignInCode(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
): Promise<{ expiresInSeconds: number }> {
  const user = await signInUser(context, scope, reply, session);
  const policy = await secondFactorPolicy(context, user);
  if (!policy.methods.includes('email')) throw new AppError('AUTH_AUTHENTICATOR_APP_REQUIRED');

  await emailCode(context, scope, user, session, 'sign_in');
  return { expiresInSeconds: EMAIL_CODE_TTL_SECONDS };
}

/** Issues and emails a code for a sign-in step, within the per-step allowance. */
export async function emailCode(
  context: AccountContext,
  scope: RequestScope,
  user: UserRow,
  session: Session,
  purpose: 'sign_in' | 'device_verification',
): Promise<void> {
  if ((await context.sessions.countCodeSent(session)) > context.limits.emailCodesPerStep) {
    throw new AppError('RATE_LIMITED');
  }

  const now = context.now();
  const code = await issueEmailCode(context.db, context.keys.oneTimeCode, {
    userId: user.user_id,
    sessionId: session.sessionId,
    purpose,
    now,
  });
  const minutes = EMAIL_CODE_TTL_SECONDS / 60;
  const place = { at: now, ...scope.client };
  const content =
    purpose === 'sign_in' ? signInCodeMail(code, minutes) : newDeviceCodeMail(code, minutes, place);
  await mailUser(context, scope, user, content, true);
  await audit(context, scope, { type: 'email_code_sent', userId: user.user_id, session });
}

/**
 * After a second factor succeeded: verify a new device if needed, then enrol a required
 * authenticator if needed, then complete. An emailed code has just proved the mailbox, so it
 * doubles as the new-device verification (a second code to the same mailbox would prove
 * nothing more); the holder is still notified of the new device.
 */
export async function afterSecondFactor(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  step: { session: Session; user: UserRow; method: SecondFactorMethod; staySignedIn: boolean },
): Promise<SignInProgress> {
  const { session, user, method } = step;
  await audit(context, scope, {
    type: 'second_factor_succeeded',
    userId: user.user_id,
    session,
    detail: { method },
  });
  if (method === 'recovery') {
    await audit(context, scope, { type: 'recovery_code_used', userId: user.user_id, session });
  }

  if (session.deviceRecognised) {
    return continueSignIn(context, scope, reply, { ...step, deviceId: session.deviceId });
  }
  await audit(context, scope, { type: 'new_device_detected', userId: user.user_id, session });
  await mailUser(
    context,
    scope,
    user,
    newDeviceNoticeMail({ at: context.now(), ...scope.client }),
    false,
  );

  if (method === 'email') {
    const deviceId = await verifyDevice(context, scope, reply, session);
    return continueSignIn(context, scope, reply, { ...step, staySignedIn: false, deviceId });
  }
  await emailCode(context, scope, user, session, 'device_verification');
  const next = await context.sessions.promote(scope.request, reply, session, {
    stage: 'device_verification',
    secondFactor: method,
  });
  if (next === null) throw new AppError('AUTH_SESSION_REQUIRED');
  return progress(context, next, null);
}

/** Enrolment when a shop requires the app and the user has none; otherwise completion. */
export async function continueSignIn(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  step: {
    session: Session;
    user: UserRow;
    method: SecondFactorMethod;
    staySignedIn: boolean;
    deviceId: string | null;
  },
): Promise<SignInProgress> {
  const policy = await secondFactorPolicy(context, step.user);
  if (policy.mustEnrol) {
    const next = await context.sessions.promote(scope.request, reply, step.session, {
      stage: 'totp_enrolment',
      secondFactor: step.method,
      ...(step.deviceId === null ? {} : { deviceId: step.deviceId }),
    });
    if (next === null) throw new AppError('AUTH_SESSION_REQUIRED');
    return progress(context, next, null);
  }

  return completeSignIn(context, scope, reply, step);
}

/**
 * The sign-in is complete: a new session token, the active lifetimes ("stay signed in" only on a
 * device recognised before this sign-in), the failure count reset.
 */
export async function completeSignIn(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  step: {
    session: Session;
    user: UserRow;
    method: SecondFactorMethod;
    staySignedIn: boolean;
    deviceId: string | null;
  },
): Promise<SignInProgress> {
  const persistent = step.staySignedIn && step.session.deviceRecognised;
  const active = await context.sessions.promote(scope.request, reply, step.session, {
    stage: 'active',
    secondFactor: step.method,
    persistent,
    ...(step.deviceId === null ? {} : { deviceId: step.deviceId }),
  });
  if (active === null) throw new AppError('AUTH_SESSION_REQUIRED');

  const now = context.now();
  await clearFailures(context.db, step.user.user_id, now);
  if (step.deviceId !== null) await touchDevice(context.db, step.deviceId, scope.client, now);
  await audit(context, scope, {
    type: 'sign_in_succeeded',
    userId: step.user.user_id,
    session: active,
    detail: { method: step.method, persistent: persistent ? 'true' : 'false' },
  });
  return progress(context, active, null);
}
