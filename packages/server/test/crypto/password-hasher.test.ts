import { argon2i, argon2id, hash, needsRehash, verify } from 'argon2';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_POLICY,
  hashPassword,
  MAX_PASSWORD_BYTES,
  verifyPassword,
} from '../../src/crypto/password-hasher.js';

const PASSWORD = 'correct horse battery staple';
const stored = await hashPassword(PASSWORD);

describe('hashPassword', () => {
  it('stores Argon2id v1.3 at the OWASP minimum, in libargon2 parameter order', () => {
    expect(stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
  });

  it('uses a fresh salt: the same password hashes differently', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(stored);
  });

  it('refuses a policy below the OWASP minimum', async () => {
    const weak = { memoryKiB: 4096, timeCost: 1, parallelism: 1 };

    await expect(hashPassword(PASSWORD, weak)).rejects.toThrow(RangeError);
  });

  it('accepts an OWASP equivalent setting (m=7168, t=5)', async () => {
    const policy = { memoryKiB: 7168, timeCost: 5, parallelism: 1 };

    expect(await hashPassword(PASSWORD, policy)).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password without asking for a rehash', async () => {
    expect(await verifyPassword(stored, PASSWORD)).toEqual({ ok: true, needsRehash: false });
  });

  it('refuses a wrong password', async () => {
    expect(await verifyPassword(stored, `${PASSWORD}!`)).toEqual({ ok: false, needsRehash: false });
  });

  it('accepts Unicode-equivalent spellings of a password (NFKC, NIST SP 800-63B)', async () => {
    const composed = await hashPassword('caf\u00e9-paßwort');

    expect((await verifyPassword(composed, 'cafe\u0301-paßwort')).ok).toBe(true);
  });

  it('flags a right password under a weaker stored hash (m=4096, t=1) for rehash', async () => {
    const weak = await hash(PASSWORD, { type: argon2id, memoryCost: 4096, timeCost: 1 });

    expect(await verifyPassword(weak, PASSWORD)).toEqual({ ok: true, needsRehash: true });
  });

  it('flags a right password under Argon2i for rehash', async () => {
    const legacy = await hash(PASSWORD, { type: argon2i, memoryCost: 19_456, timeCost: 2 });

    expect(await verifyPassword(legacy, PASSWORD)).toEqual({ ok: true, needsRehash: true });
  });

  it('does not flag a hash stronger than the policy', async () => {
    const strong = await hashPassword(PASSWORD, { memoryKiB: 47_104, timeCost: 3, parallelism: 2 });

    expect(await verifyPassword(strong, PASSWORD)).toEqual({ ok: true, needsRehash: false });
  });

  it('flags a default hash when the policy has been raised', async () => {
    const raised = { ...DEFAULT_PASSWORD_POLICY, timeCost: 3 };

    expect(await verifyPassword(stored, PASSWORD, raised)).toEqual({ ok: true, needsRehash: true });
  });

  it('never asks to rehash on a wrong password', async () => {
    const weak = await hash(PASSWORD, { type: argon2id, memoryCost: 4096, timeCost: 1 });

    expect(await verifyPassword(weak, 'wrong')).toEqual({ ok: false, needsRehash: false });
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not a hash'],
    ['a bcrypt hash', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'],
    ['a hash without salt and digest', '$argon2id$v=19$m=19456,t=2,p=1$'],
    ['a missing parameter', stored.replace(',t=2', '')],
    ['a repeated parameter', stored.replace('p=1', 'm=1')],
    ['a trailing comma', stored.replace('p=1', 'p=1,')],
    ['an unknown variant', stored.replace('argon2id', 'argon2x')],
    ['a truncated digest', stored.slice(0, -20)],
    ['absurd parameters', stored.replace('t=2', 't=0')],
  ])('answers ok:false, without throwing, for %s', async (_, malformed) => {
    expect(await verifyPassword(malformed, PASSWORD)).toEqual({ ok: false, needsRehash: false });
  });
});

describe('security: over-long passwords are refused before hashing (DoS guard)', () => {
  // '€' is 3 UTF-8 bytes: 342 of them are 1026 bytes though only 342 characters.
  const overLong = '€'.repeat(342);

  it('hashPassword throws RangeError over 1024 bytes', async () => {
    await expect(hashPassword(overLong)).rejects.toThrow(RangeError);
  });

  it('hashPassword accepts exactly 1024 bytes', async () => {
    expect(await hashPassword('a'.repeat(MAX_PASSWORD_BYTES))).toMatch(/^\$argon2id\$/);
  });

  it('verifyPassword answers ok:false over 1024 bytes, even against its own hash', async () => {
    const ownHash = await hash(overLong, { type: argon2id, memoryCost: 19_456, timeCost: 2 });

    expect(await verifyPassword(ownHash, overLong)).toEqual({ ok: false, needsRehash: false });
  });
});

describe('argon2@0.45.1 behaviour this module relies on', () => {
  it('verifies the m,t,p order we store and the m,p,t order it writes', async () => {
    const reordered = stored.replace('m=19456,t=2,p=1', 'm=19456,p=1,t=2');

    expect(await verify(stored, PASSWORD)).toBe(true);
    expect(await verify(reordered, PASSWORD)).toBe(true);
  });

  it('writes m,p,t itself, which is why hashPassword reorders', async () => {
    const raw = await hash(PASSWORD, { type: argon2id, memoryCost: 19_456, timeCost: 2 });

    expect(raw).toMatch(/^\$argon2id\$v=19\$m=19456,p=\d+,t=2\$/);
  });

  it('needsRehash flags a stronger hash too, which is why we compare parameters ourselves', () => {
    const policy = { memoryCost: 19_456, timeCost: 1, parallelism: 1 };

    expect(needsRehash(stored, policy)).toBe(true);
  });
});
