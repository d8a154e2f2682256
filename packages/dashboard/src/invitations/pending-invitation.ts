/**
 * An invitation link opened while signed out, kept for the tab until the person has signed in
 * (or signed up and come back), so that accepting needs no second click on the email. Session
 * storage: this tab only, gone when it closes; the token alone grants nothing, as acceptance
 * needs a signed-in user with the invited address.
 */
export interface PendingInvitation {
  readonly shopId: string;
  readonly token: string;
}

const KEY = 'auraflow.pendingInvitation';

export function rememberInvitation(invitation: PendingInvitation): void {
  window.sessionStorage.setItem(KEY, `${invitation.shopId} ${invitation.token}`);
}

export function pendingInvitation(): PendingInvitation | null {
  const [shopId, token] = (window.sessionStorage.getItem(KEY) ?? '').split(' ');
  if (shopId === undefined || token === undefined || shopId === '' || token === '') return null;

  return { shopId, token };
}

export function forgetInvitation(): void {
  window.sessionStorage.removeItem(KEY);
}
