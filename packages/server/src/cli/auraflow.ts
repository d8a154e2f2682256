#!/usr/bin/env node
import { ConfigError } from '../config/config.js';
import { KeyringError } from '../crypto/keyring.js';
import { MigrationError } from '../db/migrator.js';
import { ProvisionError } from '../db/provision.js';
import { runCli, UsageError } from './run-cli.js';

/** Errors whose messages are written for operators and hold no secrets. */
const KNOWN_ERRORS = [UsageError, ConfigError, KeyringError, MigrationError, ProvisionError];

async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2), process.env, (line) =>
      process.stdout.write(`${line}\n`),
    );
  } catch (error) {
    const known = KNOWN_ERRORS.some((kind) => error instanceof kind) && error instanceof Error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
    process.stderr.write(`auraflow: ${known ? error.message : `failed (code ${code})`}\n`);
    process.exitCode = error instanceof UsageError ? 64 : 1;
  }
}

await main();
