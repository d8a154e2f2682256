import type { AccountContext } from '../accounts/account-context.js';
import { shopsOfUser } from '../accounts/membership-repository.js';
import type { UserRow } from '../accounts/user-repository.js';
import type { SecondFactorMethod } from '../db/schema.js';

/** Which second factors a user may use, given the MFA policies of their shops. */
export interface SecondFactorPolicy {
  readonly methods: readonly SecondFactorMethod[];
  /** A shop of theirs requires the authenticator app. */
  readonly appRequired: boolean;
  /** The app is required and not enrolled: an emailed code only opens enrolment. */
  readonly mustEnrol: boolean;
}

/**
 * The methods offered after the password. NIST SP 800-63B §5.1.3.1 does not count email as an
 * out-of-band authenticator (it proves no device), so emailed codes are the weaker option: an
 * owner can require the authenticator app, and then email only opens enrolment for a member who
 * has no app yet. Recovery codes exist only alongside an enrolled app.
 */
export async function secondFactorPolicy(
  context: AccountContext,
  user: UserRow,
): Promise<SecondFactorPolicy> {
  const shops = await shopsOfUser(context.database, user.user_id);
  const appRequired = shops.some((shop) => shop.requireTotp);
  const enrolled = user.totp_enrolled_at !== null;
  if (!enrolled) return { methods: ['email'], appRequired, mustEnrol: appRequired };

  const methods: SecondFactorMethod[] = appRequired
    ? ['totp', 'recovery']
    : ['totp', 'email', 'recovery'];
  return { methods, appRequired, mustEnrol: false };
}
