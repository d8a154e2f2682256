import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../src/crypto/field-cipher.js';
import { createShop } from '../../src/shops/shop-repository.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { testKeys } from '../support/keyring.js';
import { captureLogs } from '../support/logs.js';

/**
 * Canary secrets are planted in every place a request or the key material can carry them; none
 * may appear in a log line or in a response.
 */
const canaryKey = Buffer.from('canary-key-material-0123456789ab');
const canaryKeyText = canaryKey.toString('base64');
const canaryPlaintext = 'canary-plaintext-6f1d2c';
const canaryToken = 'canary-token-91ab7e';
const canaryIp = '203.0.113.77';

const logs = captureLogs('trace');
let testApp: TestApp;
const responses: string[] = [];

beforeAll(async () => {
  const keys = testKeys(['canary'], 'canary', { canary: canaryKey });
  testApp = await buildTestApp({
    logger: logs.logger,
    env: { TRUST_PROXY: 'true', LOG_LEVEL: 'trace' },
    keys,
    extend: (app) => {
      app.post('/test/fail', async () => {
        throw new Error(`failed for ${canaryPlaintext} with ${canaryToken}`);
      });
    },
  });
  const cipher = new FieldCipher(keys.keyring);
  await createShop(testApp.database, cipher, { name: canaryPlaintext, origins: [] });
  logs.logger.info({ keyring: keys.keyring, cipher }, 'objects holding keys, logged by mistake');

  for (const url of ['/healthz', `/healthz?token=${canaryToken}`, '/test/fail', '/nope']) {
    const post = url === '/test/fail';
    const response = await testApp.app.inject({
      method: post ? 'POST' : 'GET',
      url,
      headers: {
        authorization: `Bearer ${canaryToken}`,
        cookie: `session=${canaryToken}`,
        'x-forwarded-for': canaryIp,
        'content-type': 'application/json',
      },
      ...(post ? { payload: { password: canaryPlaintext, token: canaryToken } } : {}),
    });
    responses.push(response.body, JSON.stringify(response.headers));
  }
});
afterAll(async () => {
  await testApp.close();
});

describe('secrets never reach the logs', () => {
  it('logged every request (the capture works)', () => {
    const routes = logs.entries().filter((entry) => entry['msg'] === 'request completed');
    expect(routes.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['the encryption key (base64)', canaryKeyText],
    ['the encryption key (hex)', canaryKey.toString('hex')],
    ['the encryption key (bytes)', Array.from(canaryKey).join(',')],
    ['a decrypted plaintext', canaryPlaintext],
    ['a token from headers, cookies, query strings and bodies', canaryToken],
    ['the client IP address', canaryIp],
  ])('contains no trace of %s', (_label, canary) => {
    for (const line of logs.lines()) expect(line).not.toContain(canary);
  });

  it('returns no secret in any response either', () => {
    for (const text of responses) {
      expect(text).not.toContain(canaryToken);
      expect(text).not.toContain(canaryPlaintext);
      expect(text).not.toContain(canaryKeyText);
    }
  });

  it('logs requests by the allow-list of fields only', () => {
    const entry = logs.entries().find((line) => line['msg'] === 'request completed');

    expect(Object.keys(entry ?? {}).sort()).toEqual(
      ['durationMs', 'level', 'method', 'msg', 'reqId', 'route', 'status', 'time'].sort(),
    );
  });
});
