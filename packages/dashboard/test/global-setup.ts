import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

/**
 * Builds the dashboard once per run, before any test file starts a server (each server reads
 * dist/ at start). Always, not only when dist/ is missing: a stale build would test old pages.
 * It takes about a second.
 */
export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      root: PACKAGE_DIR,
      configFile: `${PACKAGE_DIR}vite.config.ts`,
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
}
