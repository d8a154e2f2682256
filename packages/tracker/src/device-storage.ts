import { removeVisitorId } from './identity.js';

/** sessionStorage: the current session's raw signals, ids and counters (see signals-store). */
export const SESSION_KEY = 'af_s';
/** sessionStorage: scores waiting for the collect API to acknowledge them (see transport). */
export const QUEUE_KEY = 'af_q';
/** localStorage: the last derived classification, the only thing kept across sessions. */
export const DERIVED_KEY = 'af_d';

// The storage getters themselves throw when the browser blocks storage, so they are only
// touched inside try blocks; `local` picks localStorage, otherwise sessionStorage.

/** The parsed JSON value under `key`, or null when absent, unreadable or blocked. */
export function readStored(local: boolean, key: string): unknown {
  try {
    return JSON.parse((local ? localStorage : sessionStorage).getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** Stores `value` as JSON; a full or blocked storage only costs the tracker its memory. */
export function writeStored(local: boolean, key: string, value: unknown): void {
  try {
    (local ? localStorage : sessionStorage).setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the tracker keeps working from memory for this page.
  }
}

/** Removes everything the tracker ever put on the device: the consent-withdrawal path. */
export function clearTrackerData(): void {
  try {
    removeVisitorId();
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(QUEUE_KEY);
    localStorage.removeItem(DERIVED_KEY);
  } catch {
    // Storage blocked: then nothing of ours can be in it either.
  }
}
