import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, totpCode, totpUri } from '../../src/auth/totp.js';

/**
 * RFC 6238 Appendix B: the SHA-1 test vectors (8 digits, 30-second steps, T0 = 0) for the
 * ASCII secret "12345678901234567890", computed with the function sign-in uses.
 */
const SECRET = new TextEncoder().encode('12345678901234567890');

describe('TOTP against the RFC 6238 Appendix B vectors (SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at T = %i gives %s', async (time, expected) => {
    expect(await totpCode(SECRET, time, 8)).toBe(expected);
  });
});

describe('matching a code', () => {
  const secret = newTotpSecret();
  const at = 1_700_000_000;
  const step = Math.floor(at / 30);

  it('accepts the current step and one step of drift either way, returning the step', async () => {
    for (const drift of [-1, 0, 1]) {
      const code = await totpCode(secret, at + drift * 30);
      expect(await matchTotp(secret, code, at)).toBe(step + drift);
    }
  });

  it('refuses two steps of drift, malformed codes and another secret', async () => {
    expect(await matchTotp(secret, await totpCode(secret, at - 60), at)).toBeNull();
    expect(await matchTotp(secret, await totpCode(secret, at + 60), at)).toBeNull();
    expect(await matchTotp(secret, '12345', at)).toBeNull();
    expect(await matchTotp(secret, '1234567', at)).toBeNull();
    expect(await matchTotp(newTotpSecret(), await totpCode(secret, at), at)).toBeNull();
  });

  it('makes 160-bit base32 secrets and an otpauth URI apps read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'ada@example.com'));

    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Auraflow');
    // Omitted parameters mean the defaults authenticator apps assume: 30 s, 6 digits, SHA-1.
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
  });
});
