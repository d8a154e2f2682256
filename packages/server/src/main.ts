#!/usr/bin/env node
import { ConfigError, loadConfig } from './config/config.js';
import { KeyringError } from './crypto/keyring.js';
import { MigrationError } from './db/migrator.js';
import { UnsafeRuntimeRoleError } from './db/runtime-role-check.js';
import { createLogger } from './logging/logger.js';
import { startServer } from './server.js';

/** Entry point: `npm start`. Configuration problems stop the process with a readable message. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`auraflow: configuration error: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }

  const logger = createLogger({ level: config.logLevel });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    const message = describeStartError(error);
    logger.fatal({ err: error }, message);
    process.stderr.write(`auraflow: ${message}\n`);
    process.exit(1);
  }

  const demo = server.demo === null ? '' : `  Demo store:        ${server.demo.url}\n`;
  process.stdout.write(
    `Auraflow is running.\n  API and dashboard: ${server.urls.join(', ')}\n` +
      `  Public URL:        ${config.publicUrl.origin}\n${demo}`,
  );

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * Messages of our own start-up errors are written for operators and carry no secrets; other
 * errors (a driver's, say) may quote data, so only their type and code are shown.
 */
function describeStartError(error: unknown): string {
  const ours = [UnsafeRuntimeRoleError, MigrationError, KeyringError];
  if (ours.some((kind) => error instanceof kind) && error instanceof Error) return error.message;

  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
  if (['ECONNREFUSED', 'ENOTFOUND', '28P01', '3D000', '28000'].includes(code)) {
    return `cannot connect to the database (${code}); check DATABASE_URL`;
  }
  const type = error instanceof Error ? error.name : typeof error;
  return `start failed (${type}, code ${code}); see the log for the stack`;
}

await main();
