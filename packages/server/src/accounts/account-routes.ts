import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listDevices, revokeDevice } from '../auth/device-repository.js';
import { checkNewPassword } from '../auth/password-policy.js';
import { replaceRecoveryCodes } from '../auth/recovery-codes.js';
import { parseBody, requireActiveSession } from '../auth/request-guards.js';
import type { Session } from '../auth/session-store.js';
import { hashPassword } from '../crypto/password-hasher.js';
import { passwordChangedMail } from '../email/templates.js';
import { AppError } from '../errors/error-registry.js';
import {
  type AccountContext,
  audit,
  mailUser,
  type RequestScope,
  scopeOf,
} from './account-context.js';
import { confirmTotpEnrolment, reauthenticate, startTotpEnrolment } from './totp-enrolment.js';
import { decryptUserEmail } from './user-email.js';
import { findUserById, type UserRow, updatePasswordHash } from './user-repository.js';

const password = z.string().min(1).max(4096);
const ENROLMENT = z.strictObject({ password: password.optional() });
const CONFIRM = z.strictObject({ code: z.string().min(1).max(64) });
const PASSWORD_ONLY = z.strictObject({ password });
const PASSWORD_CHANGE = z.strictObject({ currentPassword: password, newPassword: password });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/v1/account/…`: the signed-in user's authenticator, recovery codes, password, devices and
 * sessions. */
export function registerAccountSettingsRoutes(app: FastifyInstance, context: AccountContext): void {
  registerTotpRoutes(app, context);
  registerPasswordRoute(app, context);
  registerDeviceRoutes(app, context);
  registerSessionListRoutes(app, context);
}

async function signedInUser(
  context: AccountContext,
  request: FastifyRequest,
  allowEnrolment = false,
): Promise<{ session: Session; user: UserRow; scope: RequestScope }> {
  const session = await requireActiveSession(context.sessions, request, allowEnrolment);
  const user = await findUserById(context.db, session.userId);
  if (user === null) throw new AppError('AUTH_SESSION_REQUIRED');
  return { session, user, scope: scopeOf(context, request) };
}

function registerTotpRoutes(app: FastifyInstance, context: AccountContext): void {
  app.post('/v1/account/totp/enrolment', async (request) => {
    const body = parseBody(ENROLMENT, request.body);
    const { user, scope } = await signedInUser(context, request, true);

    return startTotpEnrolment(context, scope, user, body.password);
  });

  app.post('/v1/account/totp/enrolment/confirm', async (request, reply) => {
    await context.limiters.perSource(request, 'code');
    const body = parseBody(CONFIRM, request.body);
    const { session, scope } = await signedInUser(context, request, true);

    const confirmed = await confirmTotpEnrolment(context, scope, reply, session, body.code);
    const current = confirmed.session;
    return {
      recoveryCodes: confirmed.recoveryCodes,
      stage: current?.stage ?? session.stage,
      csrfToken: current?.csrfToken ?? context.sessions.csrfTokenOf(session),
    };
  });

  app.post('/v1/account/recovery-codes', async (request) => {
    const body = parseBody(PASSWORD_ONLY, request.body);
    const { session, user, scope } = await signedInUser(context, request);
    if (user.totp_enrolled_at === null) throw new AppError('AUTH_METHOD_NOT_AVAILABLE');
    await reauthenticate(context, scope, user, body.password);

    const recoveryCodes = await context.db
      .transaction()
      .execute((trx) => replaceRecoveryCodes(trx, user.user_id, context.now()));
    await audit(context, scope, {
      type: 'recovery_codes_regenerated',
      userId: user.user_id,
      session,
    });
    return { recoveryCodes };
  });
}

/**
 * A password change re-checks the current password, applies the password policy, ends every
 * other session, gives this one a new token, and tells the holder by email.
 */
function registerPasswordRoute(app: FastifyInstance, context: AccountContext): void {
  app.post('/v1/account/password', async (request, reply) => {
    const body = parseBody(PASSWORD_CHANGE, request.body);
    const { session, user, scope } = await signedInUser(context, request);
    await reauthenticate(context, scope, user, body.currentPassword);
    checkNewPassword(body.newPassword, decryptUserEmail(context.cipher, user));

    const now = context.now();
    await updatePasswordHash(
      context.db,
      user.user_id,
      await context.passwordWork.run(() => hashPassword(body.newPassword)),
      now,
      true,
    );
    await context.sessions.deleteAll(user.user_id, session.sessionId);
    const renewed = await context.sessions.promote(request, reply, session, {
      stage: 'active',
      persistent: session.persistent,
    });
    if (renewed === null) throw new AppError('AUTH_SESSION_REQUIRED');

    await audit(context, scope, {
      type: 'password_changed',
      userId: user.user_id,
      session: renewed,
    });
    await mailUser(context, scope, user, passwordChangedMail({ at: now, ...scope.client }), false);
    return { csrfToken: context.sessions.csrfTokenOf(renewed) };
  });
}

function registerDeviceRoutes(app: FastifyInstance, context: AccountContext): void {
  app.get('/v1/account/devices', async (request) => {
    const { session, user } = await signedInUser(context, request);
    const devices = await listDevices(context.db, user.user_id);

    return {
      devices: devices.map((device) => ({
        deviceId: device.device_id,
        browserFamily: device.browser_family,
        country: device.country,
        region: device.region,
        firstSeenAt: device.first_seen_at.toISOString(),
        lastSeenAt: device.last_seen_at.toISOString(),
        current: device.device_id === session.deviceId,
      })),
    };
  });

  app.delete<{ Params: { deviceId: string } }>(
    '/v1/account/devices/:deviceId',
    async (request, reply) => {
      const { session, user, scope } = await signedInUser(context, request);
      const { deviceId } = request.params;
      const revoked =
        UUID.test(deviceId) &&
        (await revokeDevice(context.db, user.user_id, deviceId, context.now()));
      if (!revoked) throw new AppError('ACCOUNT_DEVICE_NOT_FOUND');

      await audit(context, scope, { type: 'device_revoked', userId: user.user_id, session });
      if (deviceId === session.deviceId) await context.sessions.end(request, reply);
      return reply.code(204).send();
    },
  );
}

function registerSessionListRoutes(app: FastifyInstance, context: AccountContext): void {
  app.get('/v1/account/sessions', (request) => listSessions(context, request));
  app.delete<{ Params: { sessionId: string } }>(
    '/v1/account/sessions/:sessionId',
    async (request, reply) => revokeSession(context, request, reply),
  );
}

/** The user's live sessions, sign-ins in progress included, most recently used first. */
async function listSessions(context: AccountContext, request: FastifyRequest) {
  const { session, user } = await signedInUser(context, request);
  const now = context.now();
  const rows = await context.db
    .selectFrom('user_sessions')
    .select([
      'session_id',
      'stage',
      'persistent',
      'browser_family',
      'country',
      'region',
      'created_at',
      'last_seen_at',
      'idle_expires_at',
      'absolute_expires_at',
    ])
    .where('user_id', '=', user.user_id)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();

  const sessions = rows.map((row) => ({
    sessionId: row.session_id,
    stage: row.stage,
    persistent: row.persistent,
    browserFamily: row.browser_family,
    country: row.country,
    region: row.region,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: earliest(row.idle_expires_at, row.absolute_expires_at).toISOString(),
    current: row.session_id === session.sessionId,
  }));
  return { sessions };
}

async function revokeSession(
  context: AccountContext,
  request: FastifyRequest<{ Params: { sessionId: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { session, user, scope } = await signedInUser(context, request);
  const { sessionId } = request.params;
  if (sessionId === session.sessionId) {
    await context.sessions.end(request, reply);
  } else {
    const deleted =
      UUID.test(sessionId) && (await context.sessions.deleteSession(user.user_id, sessionId));
    if (!deleted) throw new AppError('ACCOUNT_SESSION_NOT_FOUND');
  }

  await audit(context, scope, {
    type: 'session_revoked',
    userId: user.user_id,
    session,
    detail: { reason: 'user' },
  });
  return reply.code(204).send();
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
