import { ApiError } from './api-error.js';
import { JsonReader } from './json-reader.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const CSRF_HEADER = 'x-csrf-token';
const SESSION_PATH = '/v1/auth/session';

/**
 * The latest CSRF token the API handed out. It changes whenever the session token does (every
 * sign-in step, password change, enrolment), so every answer that carries one replaces it.
 * Kept in memory only: a reload fetches it again from `GET /v1/auth/session`.
 */
let csrfToken: string | null = null;

const sessionLostListeners = new Set<() => void>();

/** Called when an authenticated request finds the session gone (expired, revoked, ended). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export function forgetCsrfToken(): void {
  csrfToken = null;
}

/** Sends a request and reads its JSON answer with `read`. */
export async function requestJson<T>(
  method: Method,
  path: string,
  read: (body: JsonReader) => T,
  body?: unknown,
): Promise<T> {
  const json = await request(method, path, body);

  return read(JsonReader.of(json));
}

/** Sends a request whose success carries nothing the caller needs (202, 204). */
export async function requestVoid(method: Method, path: string, body?: unknown): Promise<void> {
  await request(method, path, body);
}

async function request(method: Method, path: string, body: unknown): Promise<unknown> {
  try {
    return await send(method, path, body);
  } catch (error) {
    // A stale token (another tab signed in again) earns one retry with a fresh one, as the
    // API documents for AUTH_CSRF_FAILED.
    if (!(error instanceof ApiError) || !error.is('AUTH_CSRF_FAILED') || method === 'GET') {
      throw error;
    }
    await send('GET', SESSION_PATH, undefined).catch(() => null);
    return send(method, path, body);
  }
}

async function send(method: Method, path: string, body: unknown): Promise<unknown> {
  const response = await fetchOrFail(method, path, body);
  const json = await readJson(response);
  if (!response.ok) throw errorOf(response.status, json, path);

  rememberCsrfToken(json);
  return json;
}

async function fetchOrFail(method: Method, path: string, body: unknown): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken !== null) headers.set(CSRF_HEADER, csrfToken);

  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw ApiError.client('CLIENT_NETWORK');
  }
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204 || !type.includes('application/json')) return null;

  try {
    const json: unknown = await response.json();
    return json;
  } catch {
    throw ApiError.client('CLIENT_UNEXPECTED_RESPONSE', response.status);
  }
}

function errorOf(status: number, json: unknown, path: string): ApiError {
  const error = registryError(status, json);
  if (error.is('AUTH_SESSION_REQUIRED') && path !== SESSION_PATH) {
    csrfToken = null;
    for (const listener of sessionLostListeners) listener();
  }

  return error;
}

/** `{ "error": { "code", "message" } }`, the one error shape of the API (docs/errors.md). */
function registryError(status: number, json: unknown): ApiError {
  try {
    const error = JsonReader.of(json).object('error');
    return new ApiError(status, error.string('code'), error.string('message'));
  } catch {
    return ApiError.client('CLIENT_UNEXPECTED_RESPONSE', status);
  }
}

function rememberCsrfToken(json: unknown): void {
  if (typeof json !== 'object' || json === null || !('csrfToken' in json)) return;

  const token = json.csrfToken;
  if (typeof token === 'string') csrfToken = token;
}
