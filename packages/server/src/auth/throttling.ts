import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/error-registry.js';

/**
 * Consecutive failed credential checks (password, authenticator, emailed or recovery code) after
 * which an account is locked until its holder follows the emailed unlock link. NIST SP 800-63B
 * §5.2.2 allows at most 100; 50 leaves a guesser at 50 tries per unlock while a person who mistypes
 * never comes near it.
 */
export const LOCKOUT_THRESHOLD = 50;

/** Per-minute request limits, plus per-sign-in limits on emailed codes. */
export interface AuthLimits {
  /** Password steps from one address. */
  readonly signInPerSourcePerMinute: number;
  /** Password steps for one email address, from anywhere. */
  readonly signInPerAccountPerMinute: number;
  /** Code and link submissions, and code sends, from one address. */
  readonly codesPerSourcePerMinute: number;
  /** Sign-ups and verification resends from one address. */
  readonly signUpPerSourcePerMinute: number;
  /** Emailed codes one sign-in step may ask for. */
  readonly emailCodesPerStep: number;
  /** Wrong codes one sign-in survives before it is ended. */
  readonly failedCodesPerSignIn: number;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = Object.freeze({
  signInPerSourcePerMinute: 30,
  signInPerAccountPerMinute: 10,
  codesPerSourcePerMinute: 30,
  signUpPerSourcePerMinute: 10,
  emailCodesPerStep: 5,
  failedCodesPerSignIn: 10,
});

export type SourceBucket = 'sign_in' | 'code' | 'sign_up';

export interface AuthLimiters {
  /** Throws RATE_LIMITED when the request's address is over its bucket's limit. */
  perSource(request: FastifyRequest, bucket: SourceBucket): Promise<void>;
  /** Throws RATE_LIMITED when `accountKey` (a blind index in hex) is over its limit. */
  perAccount(request: FastifyRequest, accountKey: string): Promise<void>;
}

/**
 * Limiters over @fastify/rate-limit's store (in memory per process; shared counters move to
 * Redis when several replicas run). The address is used as a key in memory only.
 */
export function createAuthLimiters(app: FastifyInstance, limits: AuthLimits): AuthLimiters {
  const maxima: Record<SourceBucket, number> = {
    sign_in: limits.signInPerSourcePerMinute,
    code: limits.codesPerSourcePerMinute,
    sign_up: limits.signUpPerSourcePerMinute,
  };
  const perSource = new Map(
    Object.entries(maxima).map(([bucket, max]) => [
      bucket,
      app.createRateLimit({
        max,
        timeWindow: 60_000,
        keyGenerator: (request) => `auth:${bucket}:${request.ip}`,
      }),
    ]),
  );
  const accountKeys = new WeakMap<FastifyRequest, string>();
  const perAccount = app.createRateLimit({
    max: limits.signInPerAccountPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `auth:account:${accountKeys.get(request) ?? ''}`,
  });

  return {
    async perSource(request, bucket) {
      const check = perSource.get(bucket);
      if (check !== undefined && exceeded(await check(request))) {
        throw new AppError('RATE_LIMITED');
      }
    },
    async perAccount(request, accountKey) {
      accountKeys.set(request, accountKey);
      if (exceeded(await perAccount(request))) throw new AppError('RATE_LIMITED');
    },
  };
}

/** `isAllowed` only means "on the allow-list"; the count decides. */
function exceeded(result: { isAllowed: true } | { isAllowed: false; isExceeded: boolean }) {
  return !result.isAllowed && result.isExceeded;
}
