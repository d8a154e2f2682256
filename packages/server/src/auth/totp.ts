import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 §5.2 recommends a 30-second time step; authenticator apps assume it. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** RFC 6238 §5.2: accept at most one time step of drift either way. */
export const TOTP_DRIFT_STEPS = 1;
/** RFC 4226 §4 asks for a shared secret of at least 128 bits and recommends 160. */
const TOTP_SECRET_BYTES = 20;
const ISSUER = 'Auraflow';

/** A new random TOTP secret in base32 (RFC 4648), as authenticator apps take it. */
export function newTotpSecret(): string {
  return generateSecret({ length: TOTP_SECRET_BYTES });
}

/** The `otpauth://totp/…` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({
    issuer: ISSUER,
    label: accountLabel,
    secret,
    algorithm: 'sha1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/**
 * The RFC 6238 code for a secret at a Unix time, HMAC-SHA-1 over the time step. `secret` is
 * base32 text or raw bytes. Exported for the RFC test vectors and for tests that sign in.
 */
export async function totpCode(
  secret: string | Uint8Array,
  epochSeconds: number,
  digits: 6 | 8 = TOTP_DIGITS,
): Promise<string> {
  return generate({
    secret,
    epoch: epochSeconds,
    digits,
    period: TOTP_PERIOD_SECONDS,
    algorithm: 'sha1',
  });
}

/**
 * The time step (⌊t / 30⌋) whose code equals `code`, within one step of drift of `epochSeconds`,
 * or null. Comparison is constant-time inside otplib. Replay protection is the caller's: a step
 * must be accepted at most once, so the caller compares it with the last accepted step and
 * records it atomically (RFC 6238 §5.2: "the verifier MUST NOT accept the second attempt").
 */
export async function matchTotp(
  secret: string,
  code: string,
  epochSeconds: number,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;

  const result = await verify({
    secret,
    token: code,
    epoch: epochSeconds,
    epochTolerance: TOTP_DRIFT_STEPS * TOTP_PERIOD_SECONDS,
    period: TOTP_PERIOD_SECONDS,
    digits: TOTP_DIGITS,
    algorithm: 'sha1',
  });

  // The functional API also serves HOTP; only a TOTP result carries the matched time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
