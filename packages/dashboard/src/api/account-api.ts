import { STAGES, type Stage } from './auth-api.js';
import { requestJson, requestVoid } from './http-client.js';
import type { JsonReader } from './json-reader.js';

/**
 * `/v1/account/…`: the signed-in user's authenticator app, recovery codes, password, devices and
 * sessions.
 */

export interface TotpEnrolment {
  /** Base32, for apps that cannot scan. */
  readonly secret: string;
  /** An SVG image as a `data:` URL, which the CSP's `img-src data:` allows. */
  readonly qrCodeDataUrl: string;
}

export interface ConfirmedEnrolment {
  /** Shown once: the API never returns them again. */
  readonly recoveryCodes: readonly string[];
  readonly stage: Stage;
}

export interface Device {
  readonly deviceId: string;
  readonly browserFamily: string;
  readonly country: string | null;
  readonly region: string | null;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly current: boolean;
}

export interface AccountSession {
  readonly sessionId: string;
  readonly stage: Stage;
  readonly persistent: boolean;
  readonly browserFamily: string;
  readonly country: string | null;
  readonly region: string | null;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly current: boolean;
}

/** Starts enrolment; `password` is needed only to replace an enrolled app. */
export function startTotpEnrolment(password?: string): Promise<TotpEnrolment> {
  return requestJson(
    'POST',
    '/v1/account/totp/enrolment',
    (body) => ({ secret: body.string('secret'), qrCodeDataUrl: body.string('qrCodeDataUrl') }),
    password === undefined ? {} : { password },
  );
}

export function confirmTotpEnrolment(code: string): Promise<ConfirmedEnrolment> {
  return requestJson(
    'POST',
    '/v1/account/totp/enrolment/confirm',
    (body) => ({
      recoveryCodes: body.strings('recoveryCodes'),
      stage: body.oneOf('stage', STAGES),
    }),
    { code },
  );
}

export function replaceRecoveryCodes(password: string): Promise<readonly string[]> {
  return requestJson(
    'POST',
    '/v1/account/recovery-codes',
    (body) => body.strings('recoveryCodes'),
    { password },
  );
}

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * Changes the password. The server ends every other session of the user and gives this one a new
 * token; the answer's `csrfToken` is read here only to check the contract: the client keeps the
 * latest token of every answer, so later requests already send the new one.
 */
export async function changePassword(change: PasswordChange): Promise<void> {
  await requestJson('POST', '/v1/account/password', (body) => body.string('csrfToken'), {
    currentPassword: change.currentPassword,
    newPassword: change.newPassword,
  });
}

function readDevice(device: JsonReader): Device {
  return {
    deviceId: device.string('deviceId'),
    browserFamily: device.string('browserFamily'),
    country: device.nullableString('country'),
    region: device.nullableString('region'),
    firstSeenAt: device.string('firstSeenAt'),
    lastSeenAt: device.string('lastSeenAt'),
    current: device.boolean('current'),
  };
}

function readSession(session: JsonReader): AccountSession {
  return {
    sessionId: session.string('sessionId'),
    stage: session.oneOf('stage', STAGES),
    persistent: session.boolean('persistent'),
    browserFamily: session.string('browserFamily'),
    country: session.nullableString('country'),
    region: session.nullableString('region'),
    createdAt: session.string('createdAt'),
    lastSeenAt: session.string('lastSeenAt'),
    expiresAt: session.string('expiresAt'),
    current: session.boolean('current'),
  };
}

export function listDevices(): Promise<readonly Device[]> {
  return requestJson('GET', '/v1/account/devices', (body) => body.objects('devices', readDevice));
}

export function revokeDevice(deviceId: string): Promise<void> {
  return requestVoid('DELETE', `/v1/account/devices/${encodeURIComponent(deviceId)}`);
}

export function listSessions(): Promise<readonly AccountSession[]> {
  return requestJson('GET', '/v1/account/sessions', (body) =>
    body.objects('sessions', readSession),
  );
}

export function revokeSession(sessionId: string): Promise<void> {
  return requestVoid('DELETE', `/v1/account/sessions/${encodeURIComponent(sessionId)}`);
}
