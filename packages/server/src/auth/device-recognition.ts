import type { FastifyReply } from 'fastify';
import { type AccountContext, audit, type RequestScope } from '../accounts/account-context.js';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  issueDeviceToken,
  readDeviceCookie,
} from './device-cookie.js';
import { findDevice, insertDevice, touchDevice } from './device-repository.js';
import type { Session } from './session-store.js';

/**
 * Reads (or issues) the browser's device cookie and says whether this user has verified that
 * device. A cookie with a bad signature is replaced by a fresh token.
 */
export async function recogniseDevice(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  userId: string,
): Promise<{ tokenHash: Buffer; deviceId: string | null }> {
  const cookie = scope.request.cookies[DEVICE_COOKIE];
  let tokenHash = readDeviceCookie(context.keys.deviceCookie, cookie);
  if (tokenHash === null) tokenHash = setNewDeviceCookie(context, reply);

  const device = await findDevice(context.db, userId, tokenHash);
  const recognised = device !== null && device.revoked_at === null;
  return { tokenHash, deviceId: recognised ? device.device_id : null };
}

function setNewDeviceCookie(context: AccountContext, reply: FastifyReply): Buffer {
  const issued = issueDeviceToken(context.keys.deviceCookie);
  reply.setCookie(DEVICE_COOKIE, issued.cookieValue, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
  return issued.tokenHash;
}

/**
 * Records the browser as a recognised device of the user. The device token seen at the password
 * step is registered; if this user had revoked it, a fresh token replaces it in the cookie.
 */
export async function verifyDevice(
  context: AccountContext,
  scope: RequestScope,
  reply: FastifyReply,
  session: Session,
): Promise<string> {
  const now = context.now();
  let tokenHash = session.deviceTokenHash;
  const existing =
    tokenHash === null ? null : await findDevice(context.db, session.userId, tokenHash);
  if (existing !== null && existing.revoked_at === null) {
    await touchDevice(context.db, existing.device_id, scope.client, now);
    return existing.device_id;
  }
  if (tokenHash === null || existing !== null) tokenHash = setNewDeviceCookie(context, reply);

  const deviceId = await insertDevice(context.db, {
    userId: session.userId,
    tokenHash,
    client: scope.client,
    now,
  });
  await audit(context, scope, { type: 'device_verified', userId: session.userId, session });
  return deviceId;
}
