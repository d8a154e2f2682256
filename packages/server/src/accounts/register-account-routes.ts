import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerAuthRoutes } from '../auth/auth-routes.js';
import { type Clock, systemClock } from '../auth/clock.js';
import { registerCsrfProtection } from '../auth/csrf.js';
import { PasswordWork } from '../auth/password-work.js';
import { deriveAuthKeys } from '../auth/secret-tokens.js';
import { SessionStore } from '../auth/session-store.js';
import { type AuthLimits, createAuthLimiters, DEFAULT_AUTH_LIMITS } from '../auth/throttling.js';
import type { Config } from '../config/config.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/database.js';
import type { MemberRole } from '../db/schema.js';
import { registerDevMailboxRoutes } from '../email/dev-mailbox-routes.js';
import type { Mailer } from '../email/mailer.js';
import type { AccountContext } from './account-context.js';
import { registerAccountSettingsRoutes } from './account-routes.js';
import { registerMemberRoutes } from './member-routes.js';
import { requireShopRole, type ShopAccess } from './shop-access.js';

/** Settings a deployment or a test may change; the defaults suit production. */
export interface AccountSettings {
  /** The time source (tests move it instead of sleeping). */
  readonly now?: Clock;
  readonly limits?: Partial<AuthLimits>;
  /** The shop the first sign-up with a shop name becomes owner of (the demo shop, for now). */
  readonly demoShopId?: string | null;
  /** Argon2id operations allowed at once (default: cores − 1, at least 1). */
  readonly passwordConcurrency?: number;
}

export interface AccountRoutesOptions extends AccountSettings {
  readonly config: Config;
  readonly database: Database;
  readonly cipher: FieldCipher;
  readonly keyring: Keyring;
  readonly mailer: Mailer;
}

/** What other route modules use to authorise merchants: the signed-in member's shop role. */
export interface AccountAccess {
  requireShopRole(
    request: FastifyRequest,
    shopId: string,
    allowed: readonly MemberRole[],
  ): Promise<ShopAccess>;
}

/**
 * Registers merchant accounts: the CSRF check for every state-changing `/v1/` request (except
 * the collect API), then `/v1/auth/…`, `/v1/account/…`, `/v1/shops/:shopId/members…`, and the
 * development mailbox when mail is kept locally. Call it before the other `/v1/` routes.
 */
export async function registerAccountRoutes(
  app: FastifyInstance,
  options: AccountRoutesOptions,
): Promise<AccountAccess> {
  const context = accountContext(app, options);
  const production = options.config.environment === 'production';

  registerCsrfProtection(app, {
    publicOrigin: options.config.publicUrl.origin,
    acceptRequestHost: !production,
    sessions: context.sessions,
  });
  registerAuthRoutes(app, context);
  registerAccountSettingsRoutes(app, context);
  registerMemberRoutes(app, context);

  const outbox = options.mailer.outbox;
  if (outbox !== null && options.config.smtpUrl === null && !production) {
    await registerDevMailboxRoutes(app, outbox);
  }

  return {
    requireShopRole: (request, shopId, allowed) =>
      requireShopRole(context, request, shopId, allowed),
  };
}

function accountContext(app: FastifyInstance, options: AccountRoutesOptions): AccountContext {
  const keys = deriveAuthKeys(options.keyring);
  const now = options.now ?? systemClock;
  const limits = { ...DEFAULT_AUTH_LIMITS, ...options.limits };

  return {
    config: options.config,
    database: options.database,
    db: options.database.db,
    cipher: options.cipher,
    keyring: options.keyring,
    keys,
    mailer: options.mailer,
    now,
    limits,
    limiters: createAuthLimiters(app, limits),
    sessions: new SessionStore(options.database.db, keys.csrf, now),
    passwordWork: new PasswordWork(options.passwordConcurrency),
    demoShopId: options.demoShopId ?? null,
  };
}
