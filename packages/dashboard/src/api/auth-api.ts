import { ApiError } from './api-error.js';
import { forgetCsrfToken, requestJson, requestVoid } from './http-client.js';
import { type JsonReader, oneOf } from './json-reader.js';

/** `/v1/auth/…` (docs/api-accounts.md): sign-up, verification, sign-in steps, session. */

export const STAGES = ['second_factor', 'device_verification', 'totp_enrolment', 'active'] as const;
export type Stage = (typeof STAGES)[number];

export const SECOND_FACTORS = ['totp', 'email', 'recovery'] as const;
export type SecondFactor = (typeof SECOND_FACTORS)[number];

export const ROLES = ['owner', 'admin', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Where a sign-in stands after each step. */
export interface SignInProgress {
  readonly stage: Stage;
  /** At 'second_factor': the methods the user may use, in the order to offer them. */
  readonly secondFactors: readonly SecondFactor[];
  /** The browser is a recognised device of this user: offer "stay signed in". */
  readonly staySignedInOffered: boolean;
}

export interface SessionUser {
  readonly userId: string;
  readonly email: string;
  readonly emailVerified: boolean;
  readonly totpEnabled: boolean;
  readonly recoveryCodesRemaining: number;
}

export interface MemberShop {
  readonly shopId: string;
  readonly name: string;
  readonly role: Role;
  readonly requireTotp: boolean;
}

/** `GET /v1/auth/session`. */
export interface SessionView extends SignInProgress {
  /** Null until the sign-in reaches 'totp_enrolment' or 'active'. */
  readonly user: SessionUser | null;
  readonly shops: readonly MemberShop[];
  readonly mfaEnrolmentRequired: boolean;
  readonly session: {
    readonly sessionId: string;
    readonly persistent: boolean;
    readonly expiresAt: string;
  };
}

function readProgress(body: JsonReader): SignInProgress {
  return {
    stage: body.oneOf('stage', STAGES),
    secondFactors: body.array('secondFactors', (item, path) => oneOf(item, SECOND_FACTORS, path)),
    staySignedInOffered: body.boolean('staySignedInOffered'),
  };
}

function readSessionView(body: JsonReader): SessionView {
  const user = body.nullableObject('user');
  const session = body.object('session');

  return {
    ...readProgress(body),
    user: user === null ? null : readUser(user),
    shops: body.objects('shops', (shop) => ({
      shopId: shop.string('shopId'),
      name: shop.string('name'),
      role: shop.oneOf('role', ROLES),
      requireTotp: shop.boolean('requireTotp'),
    })),
    mfaEnrolmentRequired: body.boolean('mfaEnrolmentRequired'),
    session: {
      sessionId: session.string('sessionId'),
      persistent: session.boolean('persistent'),
      expiresAt: session.string('expiresAt'),
    },
  };
}

function readUser(user: JsonReader): SessionUser {
  return {
    userId: user.string('userId'),
    email: user.string('email'),
    emailVerified: user.boolean('emailVerified'),
    totpEnabled: user.boolean('totpEnabled'),
    recoveryCodesRemaining: user.number('recoveryCodesRemaining'),
  };
}

export interface SignUpRequest {
  readonly email: string;
  readonly password: string;
  /** Present when the person signs up as a shop's owner. */
  readonly shopName?: string;
}

export function signUp(request: SignUpRequest): Promise<void> {
  return requestVoid('POST', '/v1/auth/sign-up', request);
}

export function verifyEmail(token: string): Promise<void> {
  return requestVoid('POST', '/v1/auth/verify-email', { token });
}

export function resendVerification(email: string): Promise<void> {
  return requestVoid('POST', '/v1/auth/verify-email/resend', { email });
}

export function unlockAccount(token: string): Promise<void> {
  return requestVoid('POST', '/v1/auth/unlock', { token });
}

export function signIn(email: string, password: string): Promise<SignInProgress> {
  return requestJson('POST', '/v1/auth/sign-in', readProgress, { email, password });
}

const SECOND_FACTOR_PATHS: Readonly<Record<SecondFactor, string>> = {
  totp: '/v1/auth/sign-in/totp',
  email: '/v1/auth/sign-in/email-code',
  recovery: '/v1/auth/sign-in/recovery-code',
};

export function submitSecondFactor(
  method: SecondFactor,
  code: string,
  staySignedIn: boolean,
): Promise<SignInProgress> {
  const body = staySignedIn ? { code, staySignedIn } : { code };

  return requestJson('POST', SECOND_FACTOR_PATHS[method], readProgress, body);
}

/** Emails a sign-in code; answers how long it stays valid. */
export function sendSignInCode(): Promise<number> {
  return requestJson(
    'POST',
    '/v1/auth/sign-in/email-code/send',
    (body) => body.number('expiresInSeconds'),
    {},
  );
}

export function verifyDevice(code: string): Promise<SignInProgress> {
  return requestJson('POST', '/v1/auth/sign-in/device', readProgress, { code });
}

export function resendDeviceCode(): Promise<void> {
  return requestVoid('POST', '/v1/auth/sign-in/device/resend', {});
}

/** The browser's session, or null when it has none. */
export async function fetchSession(): Promise<SessionView | null> {
  try {
    return await requestJson('GET', '/v1/auth/session', readSessionView);
  } catch (error) {
    if (error instanceof ApiError && error.is('AUTH_SESSION_REQUIRED')) return null;
    throw error;
  }
}

export async function signOut(): Promise<void> {
  await requestVoid('POST', '/v1/auth/sign-out', {});
  forgetCsrfToken();
}

export async function signOutEverywhere(): Promise<void> {
  await requestVoid('POST', '/v1/auth/sign-out-everywhere', {});
  forgetCsrfToken();
}
