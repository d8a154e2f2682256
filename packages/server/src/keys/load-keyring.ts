import type { KeyringConfig } from '../config/config.js';
import { loadOrCreateDevKeyring } from '../crypto/dev-keyring.js';
import { type Keyring, parseKeyring } from '../crypto/keyring.js';
import type { Logger } from '../logging/logger.js';

/**
 * The keyring from the environment, or in local development a generated one kept in a file
 * outside the data folder. Announced with a warning, since such keys protect nothing real.
 */
export async function loadKeyring(config: KeyringConfig, logger: Logger): Promise<Keyring> {
  if (config.kind === 'environment') {
    return parseKeyring({
      encryptionKeys: config.encryptionKeys,
      activeKeyId: config.activeKeyId,
      blindIndexKey: config.blindIndexKey,
    });
  }

  const { keyring, created } = await loadOrCreateDevKeyring(config.filePath);
  logger.warn(
    { keyringFile: config.filePath, created },
    'using a development keyring from a local file; set AURAFLOW_ENCRYPTION_KEYS, ' +
      'AURAFLOW_ENCRYPTION_ACTIVE_KEY and AURAFLOW_BLIND_INDEX_KEY for real data',
  );
  return keyring;
}
