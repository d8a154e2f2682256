import { ConfigError, loadConfig } from '../../src/config/config.js';
import { testKeys } from './keyring.js';

/** A complete production environment; tests remove or change one variable at a time. */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://auraflow_app@db.internal:5432/auraflow',
  PUBLIC_URL: 'https://app.example.com',
  SMTP_URL: 'smtps://mailer:s3cret-canary@smtp.example.com:465',
  MAIL_FROM: 'Auraflow <no-reply@example.com>',
  ...testKeys().env,
};

/** The ConfigError `env` causes, or null when it is accepted. */
export function configErrorOf(env: Record<string, string | undefined>): ConfigError | null {
  try {
    loadConfig(env);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}
