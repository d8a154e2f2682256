import { pendingInvitation } from '../invitations/pending-invitation.js';
import { PATHS } from './routes.js';

/** The page a signed-out visitor asked for, to open once they have signed in. */
let returnPath: string | null = null;

export function rememberReturnPath(path: string): void {
  returnPath = path;
}

/** Where a completed sign-in goes: a waiting invitation, the page asked for, or the overview. */
export function takeReturnPath(): string {
  const path =
    pendingInvitation() === null ? (returnPath ?? PATHS.overview) : PATHS.acceptInvitation;
  returnPath = null;

  return path;
}
