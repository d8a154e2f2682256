import { toApiError } from '../api/api-error.js';
import type { SignInProgress } from '../api/auth-api.js';

/** What the sign-in screen hands each step after the password. */
export interface StepProps {
  readonly onProgress: (progress: SignInProgress) => Promise<void>;
  /** Ends this sign-in and starts over, saying why (or null). */
  readonly onRestart: (reason: string | null) => Promise<void>;
}

/**
 * Runs a step; if the API says the sign-in itself is over (expired, ended after too many wrong
 * codes, or moved on in another tab), starts again with its message instead of a dead form.
 */
export async function restartIfEnded(
  onRestart: (reason: string | null) => Promise<void>,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    const apiError = toApiError(error);
    if (!apiError.is('AUTH_SESSION_REQUIRED', 'AUTH_SIGN_IN_STEP_INVALID', 'AUTH_SIGN_IN_FAILED')) {
      throw apiError;
    }
    await onRestart(apiError.message);
  }
}

export function RestartButton({ onRestart }: Pick<StepProps, 'onRestart'>) {
  return (
    <p className="aside">
      <button type="button" className="link-button" onClick={() => void onRestart(null)}>
        Use another account or start again
      </button>
    </p>
  );
}
