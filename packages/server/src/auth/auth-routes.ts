import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type AccountContext, audit, scopeOf } from '../accounts/account-context.js';
import { resendEmailVerification, verifyEmail } from '../accounts/email-verification.js';
import { sessionView } from '../accounts/session-view.js';
import { signUp } from '../accounts/sign-up.js';
import { userEmailIndex } from '../accounts/user-email.js';
import { findUserById } from '../accounts/user-repository.js';
import { normaliseEmail } from '../crypto/blind-index.js';
import { AppError } from '../errors/error-registry.js';
import { EMAIL_CODE_TTL_SECONDS } from './one-time-codes.js';
import { parseBody, requireActiveSession, requireSignInStage } from './request-guards.js';
import {
  verifyDeviceStep,
  verifyEmailCodeStep,
  verifyRecoveryCodeStep,
  verifyTotpStep,
} from './second-factor.js';
import { emailCode, passwordStep, sendSignInCode, signInUser } from './sign-in-flow.js';
import { unlockAccount } from './unlock.js';

// Bounds on what a client may send; the password's own limit (1,024 bytes) is checked later.
const email = z.string().min(1).max(320);
const password = z.string().min(1).max(4096);
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const code = z.string().min(1).max(64);

const SIGN_UP = z.strictObject({
  email,
  password,
  shopName: z.string().trim().min(1).max(200).optional(),
});
const CREDENTIALS = z.strictObject({ email, password });
const EMAIL_ONLY = z.strictObject({ email });
const TOKEN_ONLY = z.strictObject({ token });
const SECOND_FACTOR = z.strictObject({ code, staySignedIn: z.boolean().optional() });
const CODE_ONLY = z.strictObject({ code });
const EMPTY = z.strictObject({});

/** `/v1/auth/…`: sign-up, email verification, the sign-in steps, session, sign-out, unlock. */
export function registerAuthRoutes(app: FastifyInstance, context: AccountContext): void {
  registerSignUpRoutes(app, context);
  registerSignInRoutes(app, context);
  registerSecondFactorRoutes(app, context);
  registerSessionRoutes(app, context);
}

function registerSignUpRoutes(app: FastifyInstance, context: AccountContext): void {
  const { limiters } = context;

  app.post('/v1/auth/sign-up', async (request, reply) => {
    await limiters.perSource(request, 'sign_up');
    const body = parseBody(SIGN_UP, request.body);

    await signUp(context, scopeOf(context, request), body);
    return reply.code(202).send({ status: 'verification_sent' });
  });

  app.post('/v1/auth/verify-email', async (request) => {
    await limiters.perSource(request, 'code');
    const body = parseBody(TOKEN_ONLY, request.body);

    await verifyEmail(context, scopeOf(context, request), body.token);
    return { status: 'verified' };
  });

  app.post('/v1/auth/verify-email/resend', async (request, reply) => {
    await limiters.perSource(request, 'sign_up');
    const body = parseBody(EMAIL_ONLY, request.body);

    resendEmailVerification(context, scopeOf(context, request), body.email);
    return reply.code(202).send({ status: 'verification_sent' });
  });

  app.post('/v1/auth/unlock', async (request) => {
    await limiters.perSource(request, 'code');
    const body = parseBody(TOKEN_ONLY, request.body);

    await unlockAccount(context, scopeOf(context, request), body.token);
    return { status: 'unlocked' };
  });
}

function registerSignInRoutes(app: FastifyInstance, context: AccountContext): void {
  const { limiters, sessions } = context;

  app.post('/v1/auth/sign-in', async (request, reply) => {
    await limiters.perSource(request, 'sign_in');
    const body = parseBody(CREDENTIALS, request.body);
    await limiters.perAccount(request, accountKey(context, body.email));

    return passwordStep(context, scopeOf(context, request), reply, body);
  });

  app.post('/v1/auth/sign-in/email-code/send', async (request, reply) => {
    await limiters.perSource(request, 'code');
    parseBody(EMPTY, request.body);
    const session = await requireSignInStage(sessions, request, 'second_factor');

    const sent = await sendSignInCode(context, scopeOf(context, request), reply, session);
    return reply.code(202).send({ status: 'code_sent', ...sent });
  });

  app.post('/v1/auth/sign-in/device/resend', async (request, reply) => {
    await limiters.perSource(request, 'code');
    parseBody(EMPTY, request.body);
    const session = await requireSignInStage(sessions, request, 'device_verification');
    const scope = scopeOf(context, request);

    const user = await signInUser(context, scope, reply, session);
    await emailCode(context, scope, user, session, 'device_verification');
    return reply.code(202).send({ status: 'code_sent', expiresInSeconds: EMAIL_CODE_TTL_SECONDS });
  });
}

function registerSecondFactorRoutes(app: FastifyInstance, context: AccountContext): void {
  const { limiters, sessions } = context;
  const steps = [
    ['/v1/auth/sign-in/totp', verifyTotpStep],
    ['/v1/auth/sign-in/email-code', verifyEmailCodeStep],
    ['/v1/auth/sign-in/recovery-code', verifyRecoveryCodeStep],
  ] as const;

  for (const [url, verify] of steps) {
    app.post(url, async (request, reply) => {
      await limiters.perSource(request, 'code');
      const body = parseBody(SECOND_FACTOR, request.body);
      const session = await requireSignInStage(sessions, request, 'second_factor');

      return verify(context, scopeOf(context, request), reply, session, {
        code: body.code,
        staySignedIn: body.staySignedIn ?? false,
      });
    });
  }

  app.post('/v1/auth/sign-in/device', async (request, reply) => {
    await limiters.perSource(request, 'code');
    const body = parseBody(CODE_ONLY, request.body);
    const session = await requireSignInStage(sessions, request, 'device_verification');

    return verifyDeviceStep(context, scopeOf(context, request), reply, session, body.code);
  });
}

function registerSessionRoutes(app: FastifyInstance, context: AccountContext): void {
  const { sessions } = context;

  app.get('/v1/auth/session', async (request) => {
    const session = await sessions.resolve(request);
    if (session === null) throw new AppError('AUTH_SESSION_REQUIRED');

    return sessionView(context, session);
  });

  app.post('/v1/auth/sign-out', async (request, reply) => {
    parseBody(EMPTY, request.body);
    const ended = await sessions.end(request, reply);
    if (ended !== null) {
      const scope = scopeOf(context, request);
      await audit(context, scope, { type: 'signed_out', userId: ended.userId, session: ended });
    }
    return reply.code(204).send();
  });

  app.post('/v1/auth/sign-out-everywhere', async (request, reply) => {
    parseBody(EMPTY, request.body);
    const session = await requireActiveSession(sessions, request, true);
    const user = await findUserById(context.db, session.userId);
    if (user === null) throw new AppError('AUTH_SESSION_REQUIRED');

    await sessions.deleteAll(user.user_id);
    await sessions.end(request, reply);
    const scope = scopeOf(context, request);
    await audit(context, scope, { type: 'signed_out_everywhere', userId: user.user_id, session });
    return reply.code(204).send();
  });
}

/** The per-account throttle key: the email's blind index, whether or not an account has it. */
function accountKey(context: AccountContext, address: string): string {
  return userEmailIndex(context.keyring, normaliseEmail(address)).toString('hex');
}
