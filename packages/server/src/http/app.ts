import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  type AccountAccess,
  type AccountSettings,
  registerAccountRoutes,
} from '../accounts/register-account-routes.js';
import { registerArchetypeMixRoutes } from '../collect/archetype-mix-routes.js';
import { registerCollectRoutes } from '../collect/collect-routes.js';
import { CollectWriter } from '../collect/collect-writer.js';
import { RollupFolder } from '../collect/rollup-folder.js';
import { ShopDirectory } from '../collect/shop-directory.js';
import type { Config, TrustProxy } from '../config/config.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Keyring } from '../crypto/keyring.js';
import { registerDashboardRoutes } from '../dashboard/dashboard-routes.js';
import type { Database } from '../db/database.js';
import { createMailer, type Mailer } from '../email/mailer.js';
import { registerHealthRoutes } from '../health/health-routes.js';
import type { Logger } from '../logging/logger.js';
import { registerTrackerAssetRoutes } from '../tracker-assets/tracker-asset-routes.js';
import { registerWellKnownRoutes } from '../well-known/well-known-routes.js';
import { registerErrorHandling } from './error-handling.js';
import { registerRequestLog } from './request-log.js';
import { registerSecurityHeaders } from './security-headers.js';

/** Largest request body any route accepts unless it sets a smaller limit of its own. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface TlsMaterial {
  readonly cert: Buffer;
  readonly key: Buffer;
}

export interface AppOptions {
  readonly config: Config;
  readonly database: Database;
  readonly cipher: FieldCipher;
  readonly logger: Logger;
  readonly tls?: TlsMaterial | null;
  /** The tracker build to serve at /t/ (defaults to packages/tracker/dist). */
  readonly trackerDistDir?: string;
  /** The dashboard build to serve at / (defaults to packages/dashboard/dist). */
  readonly dashboardDistDir?: string;
  readonly startedAt?: Date;
  /** The keyring, for the blind indexes and derived keys of merchant accounts. */
  readonly keyring: Keyring;
  /** Outgoing mail; defaults to `createMailer(config, null)` (in-memory outbox without SMTP). */
  readonly mailer?: Mailer;
  /** Clock, limits and demo shop of the account system. */
  readonly accounts?: AccountSettings;
}

/**
 * Builds the HTTP application without listening: tests inject requests into it, the entry point
 * listens. Plugins that shape every response (headers, errors, logging) come before the routes.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database, logger } = options;
  const tls = options.tls ?? null;
  // Typed as Fastify's logger interface so the instance keeps Fastify's default generics.
  const baseLogger: FastifyBaseLogger = logger;

  const app = Fastify({
    loggerInstance: baseLogger,
    // Fastify's own request lines log the URL with its query string; ours (request-log.ts) don't.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    return503OnClosing: true,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    serverFactory: (handler) => createServer(handler, tls),
  });

  registerErrorHandling(app);
  registerRequestLog(app);
  await registerSecurityHeaders(app, { httpsOnly: config.publicUrl.protocol === 'https:' });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(rateLimit, { global: false });
  // No cookie secret: the cookies that need integrity (device) are signed by accounts itself.
  await app.register(cookie);
  const access = await registerAccounts(app, options);
  await registerHealthRoutes(app, database);
  await registerTrackerAssetRoutes(app, options.trackerDistDir);
  await registerDashboardRoutes(app, options.dashboardDistDir);
  const rollups = new RollupFolder(database, logger);
  app.addHook('onClose', () => rollups.drain());
  await registerCollectRoutes(app, {
    rollups,
    writer: new CollectWriter(database),
    shops: new ShopDirectory(database, options.cipher),
    trustCloudflareGeo: config.geoFromCloudflareHeaders,
    limits: config.collectLimits,
  });
  registerArchetypeMixRoutes(app, { database, access });
  await registerWellKnownRoutes(app, {
    contact: config.securityContact,
    publicUrl: config.publicUrl,
    startedAt: options.startedAt ?? new Date(),
  });

  return app;
}

/**
 * Merchant accounts, first of the routes: its CSRF hook must see every later `/v1/` route.
 * Returns what other routes use to authorise a merchant.
 */
async function registerAccounts(app: FastifyInstance, options: AppOptions): Promise<AccountAccess> {
  const mailer = options.mailer ?? createMailer(options.config, null);
  if (options.mailer === undefined) app.addHook('onClose', () => mailer.close());
  return registerAccountRoutes(app, {
    config: options.config,
    database: options.database,
    cipher: options.cipher,
    keyring: options.keyring,
    mailer,
    ...options.accounts,
  });
}

/** TLS 1.2 and 1.3 only: older versions are refused during the handshake. */
function createServer(handler: http.RequestListener, tls: TlsMaterial | null): http.Server {
  if (tls === null) return http.createServer(handler);

  return https.createServer(
    { cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' },
    handler,
  );
}

type ProxyTrust = boolean | string[] | ((address: string, hop: number) => boolean);

/** A hop count trusts that many proxies nearest to the server. */
function fastifyTrustProxy(trust: TrustProxy): ProxyTrust {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}
