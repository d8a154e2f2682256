import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SessionStage } from '../db/schema.js';
import { AppError } from '../errors/error-registry.js';
import type { Session, SessionStore } from './session-store.js';

/** Parses a JSON body strictly (unknown fields refused); REQUEST_INVALID otherwise. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('REQUEST_INVALID');
  return parsed.data;
}

/** The session of a sign-in that is at `stage`, or the error that says why not. */
export async function requireSignInStage(
  sessions: SessionStore,
  request: FastifyRequest,
  stage: SessionStage,
): Promise<Session> {
  const session = await sessions.resolve(request);
  if (session === null) throw new AppError('AUTH_SESSION_REQUIRED');
  if (session.stage !== stage) throw new AppError('AUTH_SIGN_IN_STEP_INVALID');
  return session;
}

/**
 * A completed sign-in's session. A session that must first enrol a required authenticator is
 * refused with AUTH_MFA_ENROLMENT_REQUIRED unless `allowEnrolment` (the enrolment endpoints).
 */
export async function requireActiveSession(
  sessions: SessionStore,
  request: FastifyRequest,
  allowEnrolment = false,
): Promise<Session> {
  const session = await sessions.resolve(request);
  if (session === null) throw new AppError('AUTH_SESSION_REQUIRED');
  if (session.stage === 'active') return session;
  if (session.stage === 'totp_enrolment') {
    if (allowEnrolment) return session;
    throw new AppError('AUTH_MFA_ENROLMENT_REQUIRED');
  }
  throw new AppError('AUTH_SESSION_REQUIRED');
}
