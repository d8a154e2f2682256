import { randomBytes } from 'node:crypto';
import { type Keyring, parseKeyring } from '../../src/crypto/keyring.js';

export interface TestKeys {
  readonly keyring: Keyring;
  /** The same keys in environment form, for configs and child processes. */
  readonly env: Record<string, string>;
}

/** A keyring of fresh random keys; `material` lets a test plant known (canary) key bytes. */
export function testKeys(
  ids: readonly string[] = ['k1'],
  active: string = ids[0] ?? 'k1',
  material: Readonly<Record<string, Buffer>> = {},
): TestKeys {
  const pairs = ids.map((id) => `${id}:${(material[id] ?? randomBytes(32)).toString('base64')}`);
  const env = {
    AURAFLOW_ENCRYPTION_KEYS: pairs.join(','),
    AURAFLOW_ENCRYPTION_ACTIVE_KEY: active,
    AURAFLOW_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  const keyring = parseKeyring({
    encryptionKeys: env.AURAFLOW_ENCRYPTION_KEYS,
    activeKeyId: env.AURAFLOW_ENCRYPTION_ACTIVE_KEY,
    blindIndexKey: env.AURAFLOW_BLIND_INDEX_KEY,
  });
  return { keyring, env };
}
