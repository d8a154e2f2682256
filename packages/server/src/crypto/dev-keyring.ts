import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import {
  buildKeyring,
  generateKeyId,
  generateKeyMaterial,
  type KeyEntry,
  type Keyring,
  KeyringError,
  type KeyringLabels,
} from './keyring.js';

/** The development keyring file, as written and read. */
interface DevKeyringFile {
  activeKeyId: string;
  keys: Record<string, string>;
  blindIndexKey: string;
}

/**
 * For the embedded local default only: loads the development keyring from `filePath`, or, if
 * the file does not exist, creates it with fresh keys (directories as needed, mode 0600,
 * written to a temporary file and then published under its name in one step).
 *
 * File format: `{ "activeKeyId": "<id>", "keys": { "<id>": "<base64>" }, "blindIndexKey":
 * "<base64>" }`. Deleting the file makes every value encrypted under it unreadable. `created`
 * is true when this call wrote the file; the caller announces the development keys with a
 * warning. Throws KeyringError (naming the file and field) when the file is not a valid keyring.
 */
export function loadOrCreateDevKeyring(filePath: string): { keyring: Keyring; created: boolean } {
  const existing = readDevKeyring(filePath);
  if (existing !== undefined) return { keyring: existing, created: false };

  const contents = freshContents();
  if (publishExclusively(filePath, `${JSON.stringify(contents, null, 2)}\n`)) {
    return { keyring: toKeyring(contents, filePath), created: true };
  }

  // Another process created the file between our read and our publish: use its keys.
  const winner = readDevKeyring(filePath);
  if (winner === undefined) throw new KeyringError(filePath, 'vanished while being created');
  return { keyring: winner, created: false };
}

function freshContents(): DevKeyringFile {
  const keyId = generateKeyId();

  return {
    activeKeyId: keyId,
    keys: { [keyId]: generateKeyMaterial() },
    blindIndexKey: generateKeyMaterial(),
  };
}

function readDevKeyring(filePath: string): Keyring | undefined {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }

  return toKeyring(parseContents(text, filePath), filePath);
}

function parseContents(text: string, filePath: string): DevKeyringFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text, which holds keys: it is not passed on.
    throw new KeyringError(filePath, 'is not valid JSON');
  }
  if (!isDevKeyringFile(value)) {
    const shape = 'must hold { "activeKeyId", "keys": { id: base64 }, "blindIndexKey" } strings';
    throw new KeyringError(filePath, shape);
  }

  return value;
}

function isDevKeyringFile(value: unknown): value is DevKeyringFile {
  return (
    isRecord(value) &&
    typeof value.activeKeyId === 'string' &&
    typeof value.blindIndexKey === 'string' &&
    isRecord(value.keys) &&
    Object.values(value.keys).every((key) => typeof key === 'string')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toKeyring(contents: DevKeyringFile, filePath: string): Keyring {
  const labels: KeyringLabels = {
    keys: `"keys" in ${filePath}`,
    activeKeyId: `"activeKeyId" in ${filePath}`,
    blindIndexKey: `"blindIndexKey" in ${filePath}`,
  };
  const entries: KeyEntry[] = Object.entries(contents.keys).map(([keyId, encodedKey]) => ({
    keyId,
    encodedKey,
  }));

  return buildKeyring(entries, contents.activeKeyId, contents.blindIndexKey, labels);
}

/**
 * Writes `text` to a private temporary file beside `filePath`, then publishes it under
 * `filePath` only if nothing is there yet. A hard link publishes atomically and, unlike rename,
 * never replaces a file another process published first (which would orphan the keys that
 * process is already using). Returns false if the file already existed.
 */
function publishExclusively(filePath: string, text: string): boolean {
  const directory = path.dirname(filePath);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const name = `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`;
  const temporary = path.join(directory, name);
  writePrivateFile(temporary, text);
  try {
    return linkOrRename(temporary, filePath);
  } finally {
    removeIfPresent(temporary);
  }
}

function writePrivateFile(filePath: string, text: string): void {
  const fd = openSync(filePath, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600); // the umask may have narrowed the mode, never widened it; be explicit
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Hard links are missing on some file systems (FAT, some network shares): rename there. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function linkOrRename(temporary: string, filePath: string): boolean {
  try {
    linkSync(temporary, filePath);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
  }

  renameSync(temporary, filePath);
  return true;
}

function removeIfPresent(filePath: string): void {
  try {
    unlinkSync(filePath);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;

  return typeof error.code === 'string' ? error.code : undefined;
}
