/**
 * Field encryption, blind indexes, password hashing and the keyring they use. The AES-GCM
 * primitive with a caller-chosen nonce (`aes-gcm.ts`) is deliberately not exported here.
 */
export { type BlindIndexScope, blindIndex, normaliseEmail } from './blind-index.js';
export {
  CIPHERTEXT_VERSION,
  CiphertextFormatError,
  KEY_ID_LENGTH_OFFSET,
  KEY_ID_OFFSET,
  keyIdOf,
  MAX_KEY_ID_BYTES,
  NONCE_BYTES,
  TAG_BYTES,
  VERSION_OFFSET,
} from './ciphertext-format.js';
export { loadOrCreateDevKeyring } from './dev-keyring.js';
export {
  DecryptionError,
  FieldCipher,
  type FieldContext,
  UnknownKeyError,
} from './field-cipher.js';
export {
  generateKeyId,
  generateKeyMaterial,
  type Keyring,
  KeyringError,
  type KeyringSource,
  parseKeyring,
} from './keyring.js';
export {
  DEFAULT_PASSWORD_POLICY,
  hashPassword,
  MAX_PASSWORD_BYTES,
  type PasswordPolicy,
  type PasswordVerification,
  verifyPassword,
} from './password-hasher.js';
