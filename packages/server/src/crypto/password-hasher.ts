import { argon2id, hash, verify } from 'argon2';

/** Argon2id cost parameters (RFC 9106): memory in KiB, passes, lanes. */
export interface PasswordPolicy {
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
}

/** The OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19456 KiB, t=2, p=1. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  memoryKiB: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/** Longer passwords are refused before any work is done (denial-of-service guard). */
export const MAX_PASSWORD_BYTES = 1024;

/** The outcome of {@link verifyPassword}. */
export interface PasswordVerification {
  ok: boolean;
  /** Only ever true with `ok`: hash the password again and store the new string. */
  needsRehash: boolean;
}

/**
 * Hashes a password with Argon2id and a random 16-byte salt. The caller stores the returned
 * PHC string as is (about 100 characters); it holds algorithm, version, parameters, salt and
 * hash, in libargon2's order: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
 *
 * Throws RangeError for a password over {@link MAX_PASSWORD_BYTES} UTF-8 bytes, or a policy
 * below the OWASP minimum (m=47104/t=1, 19456/2, 12288/3, 9216/4 or 7168/5, p ≥ 1).
 * The password is NFKC-normalised first (NIST SP 800-63B §5.1.1.2), here and in verification.
 */
export async function hashPassword(
  password: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): Promise<string> {
  if (isTooLong(password)) {
    throw new RangeError(`A password may be at most ${MAX_PASSWORD_BYTES} bytes long`);
  }
  checkPolicy(policy);

  const encoded = await hash(password.normalize('NFKC'), {
    type: argon2id,
    memoryCost: policy.memoryKiB,
    timeCost: policy.timeCost,
    parallelism: policy.parallelism,
  });

  return canonicalise(encoded);
}

/**
 * Checks a password against a stored PHC string. `ok` is the only answer to act on; the
 * comparison is constant-time inside argon2. A malformed stored string, an over-long password
 * or any error gives `ok: false`: this never throws and never logs. `needsRehash` is true when
 * the password is right but the stored hash is not Argon2id v1.3 or is weaker than `policy` in
 * memory, passes or lanes (or has a salt under 16 or a hash under 32 bytes).
 */
export async function verifyPassword(
  stored: string,
  password: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): Promise<PasswordVerification> {
  const parsed = parseArgon2Hash(stored);
  if (parsed === null || isTooLong(password)) return { ok: false, needsRehash: false };

  const ok = await verifyQuietly(stored, password.normalize('NFKC'));

  return { ok, needsRehash: ok && isWeakerThan(parsed, policy) };
}

interface Argon2Hash {
  readonly variant: string;
  readonly version: number;
  readonly memoryKiB: number;
  readonly timeCost: number;
  readonly parallelism: number;
  readonly salt: string;
  readonly hash: string;
}

// PHC string format: $id$v=version$params$salt$hash, salt and hash in unpadded base64.
const PHC_ARGON2 =
  /^\$(argon2id|argon2i|argon2d)\$v=(\d{1,3})\$([^$]+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const PARAMETER = /^([mtp])=(\d{1,10})$/;

/** Parses an Argon2 PHC string whose parameters are exactly m, t and p, in any order. */
function parseArgon2Hash(stored: string): Argon2Hash | null {
  const [, variant, version, parameters, salt, digest] = PHC_ARGON2.exec(stored) ?? [];
  if (variant === undefined || version === undefined || parameters === undefined) return null;
  if (salt === undefined || digest === undefined) return null;

  const values = parseParameters(parameters);
  const memoryKiB = values?.get('m');
  const timeCost = values?.get('t');
  const parallelism = values?.get('p');
  if (memoryKiB === undefined || timeCost === undefined || parallelism === undefined) return null;

  return {
    variant,
    version: Number(version),
    memoryKiB,
    timeCost,
    parallelism,
    salt,
    hash: digest,
  };
}

function parseParameters(text: string): Map<string, number> | null {
  const values = new Map<string, number>();
  for (const pair of text.split(',')) {
    const [, name, value] = PARAMETER.exec(pair) ?? [];
    if (name === undefined || value === undefined || values.has(name)) return null;
    values.set(name, Number(value));
  }

  return values;
}

/**
 * argon2@0.45 writes parameters as `m=…,p=…,t=…`; libargon2's reference encoding, which other
 * tools and our stored-string checks expect, is `m=…,t=…,p=…`. Both verify alike.
 */
function canonicalise(encoded: string): string {
  const parsed = parseArgon2Hash(encoded);
  if (parsed === null) throw new Error('argon2 returned an encoding this module cannot read');

  const { variant, version, memoryKiB, timeCost, parallelism, salt } = parsed;
  const parameters = `m=${memoryKiB},t=${timeCost},p=${parallelism}`;

  return `$${variant}$v=${version}$${parameters}$${salt}$${parsed.hash}`;
}

async function verifyQuietly(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const ARGON2_VERSION_1_3 = 19;
const MIN_SALT_BYTES = 16;
const MIN_HASH_BYTES = 32;

function isWeakerThan(stored: Argon2Hash, policy: PasswordPolicy): boolean {
  return (
    stored.variant !== 'argon2id' ||
    stored.version !== ARGON2_VERSION_1_3 ||
    stored.memoryKiB < policy.memoryKiB ||
    stored.timeCost < policy.timeCost ||
    stored.parallelism < policy.parallelism ||
    Buffer.from(stored.salt, 'base64').length < MIN_SALT_BYTES ||
    Buffer.from(stored.hash, 'base64').length < MIN_HASH_BYTES
  );
}

/** OWASP's equivalent Argon2id settings at p=1: [memory KiB, passes]. */
const OWASP_MINIMUMS: readonly (readonly [number, number])[] = [
  [47_104, 1],
  [19_456, 2],
  [12_288, 3],
  [9_216, 4],
  [7_168, 5],
];

function checkPolicy(policy: PasswordPolicy): void {
  const { memoryKiB, timeCost, parallelism } = policy;
  const integers = [memoryKiB, timeCost, parallelism].every((n) => Number.isSafeInteger(n));
  const meetsOwasp = OWASP_MINIMUMS.some(([m, t]) => memoryKiB >= m && timeCost >= t);
  // libargon2 needs at least 8 KiB of memory per lane and at most 2^24 − 1 lanes.
  const lanesOk = parallelism >= 1 && parallelism < 2 ** 24 && memoryKiB >= 8 * parallelism;
  if (!integers || !meetsOwasp || !lanesOk) {
    throw new RangeError('The password policy is below the OWASP minimum for Argon2id');
  }
}

function isTooLong(password: string): boolean {
  return Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES;
}
