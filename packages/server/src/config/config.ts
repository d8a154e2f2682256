import path from 'node:path';
import { z } from 'zod';

/** A configuration problem found at start; the message names the variable, never its value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export type TrustProxy = boolean | number | string[];

export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

/** Where the field-encryption keyring comes from. */
export type KeyringConfig =
  | {
      readonly kind: 'environment';
      readonly encryptionKeys: string;
      readonly activeKeyId: string;
      readonly blindIndexKey: string;
    }
  | { readonly kind: 'development-file'; readonly filePath: string };

export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolMax: number }
  | { readonly kind: 'embedded'; readonly dataDir: string };

export interface Config {
  readonly environment: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: URL;
  readonly database: DatabaseConfig;
  /** Local state of a run (the embedded database, the demo shop's record). */
  readonly dataDir: string;
  /** The local demo store, on its own origin; null when switched off (always in production). */
  readonly demoStore: { readonly port: number } | null;
  /** Owner-role connection for migrations and maintenance on real PostgreSQL. */
  readonly databaseOwnerUrl: string | null;
  readonly keyring: KeyringConfig;
  readonly securityContact: string;
  readonly tls: TlsFiles | null;
  readonly trustProxy: TrustProxy;
  /** Take country and region from Cloudflare's visitor-location headers (only behind Cloudflare). */
  readonly geoFromCloudflareHeaders: boolean;
  /** Collect API limits per minute: per client address and per shop. */
  readonly collectLimits: {
    readonly perSourcePerMinute: number;
    readonly perSiteKeyPerMinute: number;
  };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** SMTP server for outgoing mail; `null` sends mail to the development outbox instead. */
  readonly smtpUrl: string | null;
  /** The `From` of outgoing mail: `Name <address>` or a bare address. */
  readonly mailFrom: string;
}

type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ENVIRONMENTS = ['development', 'test', 'production'] as const;

/**
 * Reads and validates the configuration. Every problem is a {@link ConfigError} naming the
 * variable. In production every development default is refused: the database, the keyring and
 * the public URL must be given explicitly.
 */
export function loadConfig(env: Environment, cwd: string = process.cwd()): Config {
  const environment = readEnum(env, 'NODE_ENV', ENVIRONMENTS, 'development');
  const production = environment === 'production';
  const port = readPort(env, 'PORT', 8080);

  return {
    environment,
    host: readString(env, 'HOST') ?? '127.0.0.1',
    port,
    publicUrl: readPublicUrl(env, port, production),
    database: readDatabase(env, cwd, production),
    dataDir: path.resolve(cwd, readString(env, 'AURAFLOW_DATA_DIR') ?? '.auraflow'),
    demoStore: readDemoStore(env, production),
    databaseOwnerUrl: readPostgresUrl(env, 'DATABASE_OWNER_URL'),
    keyring: readKeyring(env, cwd, production),
    securityContact: readContact(env),
    tls: readTls(env, cwd),
    trustProxy: readTrustProxy(env),
    geoFromCloudflareHeaders: readBoolean(env, 'GEO_FROM_CLOUDFLARE_HEADERS', false),
    collectLimits: {
      perSourcePerMinute: readCount(env, 'COLLECT_LIMIT_PER_SOURCE', 120),
      perSiteKeyPerMinute: readCount(env, 'COLLECT_LIMIT_PER_SHOP', 60_000),
    },
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    smtpUrl: readSmtpUrl(env, production),
    mailFrom: readMailFrom(env, production),
  };
}

function readString(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readEnum<const T extends readonly string[]>(
  env: Environment,
  name: string,
  allowed: T,
  fallback: T[number],
): T[number] {
  const value = readString(env, name);
  if (value === undefined) return fallback;

  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  return match;
}

function readBoolean(env: Environment, name: string, fallback: boolean): boolean {
  const value = readString(env, name);
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ConfigError(name, 'must be true or false');
}

function readCount(env: Environment, name: string, fallback: number): number {
  const value = readString(env, name);
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new ConfigError(name, 'must be a whole number of at least 1');
  }
  return Number(value);
}

function readPort(env: Environment, name: string, fallback: number): number {
  const value = readString(env, name);
  if (value === undefined) return fallback;

  const parsed = z.coerce.number().int().min(0).max(65535).safeParse(value);
  if (!/^\d+$/.test(value) || !parsed.success) {
    throw new ConfigError(name, 'must be a whole number from 0 to 65535');
  }
  return parsed.data;
}

function readPublicUrl(env: Environment, port: number, production: boolean): URL {
  const value = readString(env, 'PUBLIC_URL');
  if (value === undefined) {
    if (production) throw new ConfigError('PUBLIC_URL', 'is required in production');
    return new URL(`http://localhost:${port}`);
  }

  const url = parseUrl('PUBLIC_URL', value, ['http:', 'https:']);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new ConfigError('PUBLIC_URL', 'must be an origin such as https://app.example.com');
  }
  if (production && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', 'must use https in production');
  }
  if (production && isLoopbackHost(url.hostname)) {
    throw new ConfigError('PUBLIC_URL', 'must not be a loopback address in production');
  }
  return url;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}

function parseUrl(name: string, value: string, protocols: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must use ${protocols.map((p) => p.slice(0, -1)).join(' or ')}`);
  }
  return url;
}

function readPostgresUrl(env: Environment, name: string): string | null {
  const value = readString(env, name);
  if (value === undefined) return null;

  parseUrl(name, value, ['postgres:', 'postgresql:']);
  return value;
}

function readDatabase(env: Environment, cwd: string, production: boolean): DatabaseConfig {
  const url = readPostgresUrl(env, 'DATABASE_URL');
  if (url !== null) {
    return { kind: 'postgres', url, poolMax: readPoolMax(env) };
  }
  if (production) {
    throw new ConfigError(
      'DATABASE_URL',
      'is required in production (embedded PGlite is local-only)',
    );
  }

  const dataDir = path.resolve(cwd, readString(env, 'AURAFLOW_DATA_DIR') ?? '.auraflow');
  return { kind: 'embedded', dataDir };
}

function readDemoStore(env: Environment, production: boolean): { port: number } | null {
  const value = readString(env, 'DEMO_PORT');
  if (value === 'off') return null;
  if (production) {
    if (value === undefined) return null;
    throw new ConfigError('DEMO_PORT', 'must be off (or unset) in production');
  }
  return { port: readPort(env, 'DEMO_PORT', 8081) };
}

function readPoolMax(env: Environment): number {
  const value = readString(env, 'DATABASE_POOL_MAX');
  if (value === undefined) return 10;

  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 200) {
    throw new ConfigError('DATABASE_POOL_MAX', 'must be a whole number from 1 to 200');
  }
  return parsed;
}

const KEYRING_VARIABLES = [
  'AURAFLOW_ENCRYPTION_KEYS',
  'AURAFLOW_ENCRYPTION_ACTIVE_KEY',
  'AURAFLOW_BLIND_INDEX_KEY',
] as const;

function readKeyring(env: Environment, cwd: string, production: boolean): KeyringConfig {
  const [keys, active, blind] = KEYRING_VARIABLES.map((name) => readString(env, name));
  if (keys !== undefined && active !== undefined && blind !== undefined) {
    return { kind: 'environment', encryptionKeys: keys, activeKeyId: active, blindIndexKey: blind };
  }

  const missing = KEYRING_VARIABLES.find((name) => readString(env, name) === undefined);
  const anyGiven = keys !== undefined || active !== undefined || blind !== undefined;
  if ((production || anyGiven) && missing !== undefined) {
    const why = production
      ? 'is required in production'
      : 'is required with the other key variables';
    throw new ConfigError(missing, why);
  }

  const filePath = readString(env, 'AURAFLOW_DEV_KEYRING_FILE') ?? '.auraflow-dev-keyring.json';
  return { kind: 'development-file', filePath: path.resolve(cwd, filePath) };
}

function readContact(env: Environment): string {
  const value = readString(env, 'SECURITY_CONTACT') ?? 'mailto:support@kosmatic.com';
  const url = parseUrl('SECURITY_CONTACT', value, ['mailto:', 'https:', 'tel:']);
  return url.href;
}

function readTls(env: Environment, cwd: string): TlsFiles | null {
  const certFile = readString(env, 'TLS_CERT_FILE');
  const keyFile = readString(env, 'TLS_KEY_FILE');
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined)
    throw new ConfigError('TLS_CERT_FILE', 'is required with TLS_KEY_FILE');
  if (keyFile === undefined)
    throw new ConfigError('TLS_KEY_FILE', 'is required with TLS_CERT_FILE');

  return { certFile: path.resolve(cwd, certFile), keyFile: path.resolve(cwd, keyFile) };
}

function readSmtpUrl(env: Environment, production: boolean): string | null {
  const value = readString(env, 'SMTP_URL');
  if (value === undefined) {
    if (production) {
      throw new ConfigError('SMTP_URL', 'is required in production (mail would not be sent)');
    }
    return null;
  }

  parseUrl('SMTP_URL', value, ['smtp:', 'smtps:']);
  return value;
}

// A display name and an address in angle brackets, or a bare address; no line breaks, which
// would let a value inject mail headers.
const MAIL_FROM = /^([^\r\n<>@]{0,100}<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function readMailFrom(env: Environment, production: boolean): string {
  const value = readString(env, 'MAIL_FROM');
  if (value === undefined) {
    if (production) throw new ConfigError('MAIL_FROM', 'is required in production');
    return 'Auraflow <no-reply@localhost>';
  }
  if (!MAIL_FROM.test(value)) {
    throw new ConfigError('MAIL_FROM', 'must be an address or "Name <address>"');
  }
  return value;
}

const CIDR_OR_ADDRESS = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

function readTrustProxy(env: Environment): TrustProxy {
  const value = readString(env, 'TRUST_PROXY');
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);

  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => !CIDR_OR_ADDRESS.test(entry))) {
    throw new ConfigError(
      'TRUST_PROXY',
      'must be true, false, a hop count, or a comma-separated list of addresses or CIDR ranges',
    );
  }
  return entries;
}
