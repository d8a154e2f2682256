import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { configErrorOf, PRODUCTION_ENV } from '../support/config.js';
import { MAIN_JS, runNode } from '../support/process.js';

describe('configuration', () => {
  it('starts on embedded defaults in development', () => {
    const config = loadConfig({});

    expect(config.port).toBe(8080);
    expect(config.database.kind).toBe('embedded');
    expect(config.keyring.kind).toBe('development-file');
    expect(config.securityContact).toBe('mailto:support@kosmatic.com');
  });

  it('accepts a complete production configuration', () => {
    expect(configErrorOf(PRODUCTION_ENV)).toBeNull();
  });

  it.each([
    'DATABASE_URL',
    'PUBLIC_URL',
    'AURAFLOW_ENCRYPTION_KEYS',
    'AURAFLOW_ENCRYPTION_ACTIVE_KEY',
    'AURAFLOW_BLIND_INDEX_KEY',
  ])('refuses production without %s, naming it', (variable) => {
    const error = configErrorOf({ ...PRODUCTION_ENV, [variable]: undefined });

    expect(error?.variable).toBe(variable);
    expect(error?.message).toContain(variable);
  });

  it('refuses a plain-http or loopback public URL in production', () => {
    expect(
      configErrorOf({ ...PRODUCTION_ENV, PUBLIC_URL: 'http://app.example.com' })?.variable,
    ).toBe('PUBLIC_URL');
    expect(configErrorOf({ ...PRODUCTION_ENV, PUBLIC_URL: 'https://localhost' })?.variable).toBe(
      'PUBLIC_URL',
    );
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'everyone'],
    ['SECURITY_CONTACT', 'not a url'],
  ])('names %s when its value %j is malformed', (variable, value) => {
    expect(configErrorOf({ [variable]: value })?.variable).toBe(variable);
  });

  it('asks for the TLS key when only a certificate is given', () => {
    expect(configErrorOf({ TLS_CERT_FILE: './cert.pem' })?.variable).toBe('TLS_KEY_FILE');
  });

  it('never echoes a value in its message', () => {
    const error = configErrorOf({ DATABASE_URL: 'postgres//user:s3cret-canary@host/db' });

    expect(error?.message).not.toContain('s3cret-canary');
  });

  it('reads the trust-proxy setting as a flag, a hop count or a list of ranges', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 173.245.48.0/20' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '173.245.48.0/20',
    ]);
  });

  it('stops the process before listening when a production value is missing', async () => {
    const { DATABASE_URL: _omitted, ...withoutDatabase } = PRODUCTION_ENV;
    const result = await runNode(MAIN_JS, [], { ...withoutDatabase, PORT: '0' });

    expect(result.code).toBe(78);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stdout).not.toContain('running');
  });
});
