import { hmacSha256, randomToken, sameBytes, sha256 } from './secret-tokens.js';

/** `__Host-`: Secure, Path=/ and no Domain, so no subdomain can set or read it. */
export const DEVICE_COOKIE = '__Host-af_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const VERSION = 'v1';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface DeviceToken {
  /** The cookie value: version, token and its HMAC. */
  readonly cookieValue: string;
  /** What is stored per user: SHA-256 of the token. */
  readonly tokenHash: Buffer;
}

/** A new random device token and its signed cookie value. */
export function issueDeviceToken(key: Buffer): DeviceToken {
  const token = randomToken();

  return { cookieValue: signedValue(key, token), tokenHash: sha256(token) };
}

/**
 * The token hash of a device cookie whose signature checks out, or null. The signature lets a
 * forged or truncated cookie be told apart without a database lookup; recognition still needs a
 * stored, unrevoked row for the user.
 */
export function readDeviceCookie(key: Buffer, value: string | undefined): Buffer | null {
  if (value === undefined) return null;

  const [version, token, mac] = value.split('.');
  if (version !== VERSION || token === undefined || mac === undefined || !TOKEN.test(token)) {
    return null;
  }
  const expected = signedValue(key, token).split('.')[2] ?? '';
  if (!sameBytes(Buffer.from(mac), Buffer.from(expected))) return null;

  return sha256(token);
}

function signedValue(key: Buffer, token: string): string {
  const mac = hmacSha256(key, `${VERSION}.${token}`).toString('base64url');
  return `${VERSION}.${token}.${mac}`;
}
