import { remainingRecoveryCodes } from '../auth/recovery-codes.js';
import { secondFactorPolicy } from '../auth/second-factor-policy.js';
import type { Session } from '../auth/session-store.js';
import type { SecondFactorMethod, SessionStage } from '../db/schema.js';
import type { AccountContext } from './account-context.js';
import { shopsOfUser, type UserShop } from './membership-repository.js';
import { decryptUserEmail } from './user-email.js';
import { findUserById } from './user-repository.js';

/** `GET /v1/auth/session`: who is signed in, where the session stands, what it may do. */
export interface SessionView {
  readonly stage: SessionStage;
  readonly csrfToken: string;
  readonly secondFactors: readonly SecondFactorMethod[];
  readonly staySignedInOffered: boolean;
  /** Null until the second factor (and a new device's verification) are done. */
  readonly user: {
    readonly userId: string;
    readonly email: string;
    readonly emailVerified: boolean;
    readonly totpEnabled: boolean;
    readonly recoveryCodesRemaining: number;
  } | null;
  readonly shops: readonly UserShop[];
  /** A shop requires the authenticator app and the user has not enrolled one. */
  readonly mfaEnrolmentRequired: boolean;
  readonly session: {
    readonly sessionId: string;
    readonly persistent: boolean;
    readonly createdAt: string;
    /** When the session ends if unused (idle timeout) or at the latest (absolute timeout). */
    readonly expiresAt: string;
    readonly absoluteExpiresAt: string;
  };
}

export async function sessionView(context: AccountContext, session: Session): Promise<SessionView> {
  const user = await findUserById(context.db, session.userId);
  const signedIn = session.stage === 'active' || session.stage === 'totp_enrolment';
  const policy = user === null ? null : await secondFactorPolicy(context, user);

  return {
    stage: session.stage,
    csrfToken: context.sessions.csrfTokenOf(session),
    secondFactors: session.stage === 'second_factor' ? (policy?.methods ?? []) : [],
    staySignedInOffered: session.deviceRecognised,
    user:
      user === null || !signedIn
        ? null
        : {
            userId: user.user_id,
            email: decryptUserEmail(context.cipher, user),
            emailVerified: user.email_verified_at !== null,
            totpEnabled: user.totp_enrolled_at !== null,
            recoveryCodesRemaining: await remainingRecoveryCodes(context.db, user.user_id),
          },
    shops: signedIn ? await shopsOfUser(context.database, session.userId) : [],
    mfaEnrolmentRequired: policy?.mustEnrol ?? false,
    session: {
      sessionId: session.sessionId,
      persistent: session.persistent,
      createdAt: session.createdAt.toISOString(),
      expiresAt: earliest(session.idleExpiresAt, session.absoluteExpiresAt).toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
    },
  };
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
