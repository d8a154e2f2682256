import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

const YEAR_MS = 365 * 86_400_000;
let testApp: TestApp;

beforeAll(async () => {
  testApp = await buildTestApp({
    env: { PUBLIC_URL: 'https://app.example.com', SECURITY_CONTACT: 'mailto:sec@example.com' },
  });
});
afterAll(async () => {
  await testApp.close();
});

function fields(body: string): Array<[string, string]> {
  return body
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const colon = line.indexOf(': ');
      return [line.slice(0, colon), line.slice(colon + 2)];
    });
}

describe('/.well-known/security.txt (RFC 9116)', () => {
  it('is plain UTF-8 text', async () => {
    const response = await testApp.app.inject({ url: '/.well-known/security.txt' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('has the configured Contact and exactly one Expires, in the future and under a year', async () => {
    const response = await testApp.app.inject({ url: '/.well-known/security.txt' });
    const all = fields(response.body);
    const expires = all.filter(([name]) => name === 'Expires');
    const expiresAt = Date.parse(expires[0]?.[1] ?? '');

    expect(all).toContainEqual(['Contact', 'mailto:sec@example.com']);
    expect(expires).toHaveLength(1);
    expect(expiresAt).toBeGreaterThan(Date.now());
    expect(expiresAt - Date.now()).toBeLessThan(YEAR_MS);
  });

  it('names its Canonical address, a Policy, and Preferred-Languages', async () => {
    const response = await testApp.app.inject({ url: '/.well-known/security.txt' });
    const all = new Map(fields(response.body));

    expect(all.get('Canonical')).toBe('https://app.example.com/.well-known/security.txt');
    expect(all.get('Policy')).toBe('https://app.example.com/security');
    expect(all.get('Preferred-Languages')).toBe('en');
    for (const name of all.keys()) {
      expect(['Contact', 'Expires', 'Canonical', 'Policy', 'Preferred-Languages']).toContain(name);
    }
  });

  it('points its Policy at a served page that describes the controls', async () => {
    const response = await testApp.app.inject({ url: '/security' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('row-level security');
    expect(response.body).toContain('AES-256-GCM');
    expect(response.body).toContain('mailto:sec@example.com');
    expect(response.body).not.toContain('<script');
  });

  it('defaults its Contact to the Auraflow security mailbox', async () => {
    const plain = await buildTestApp();
    const response = await plain.app.inject({ url: '/.well-known/security.txt' });
    await plain.close();

    expect(response.body).toContain('Contact: mailto:support@kosmatic.com\n');
  });
});
