/**
 * Codes of the server's error registry (docs/errors.md) that the dashboard branches on, plus two
 * of its own for failures that never reach the server's registry. Any other code is still shown
 * by its message; this list only keeps the branches free of typos.
 */
export type ErrorCode =
  | 'AUTH_SIGN_IN_FAILED'
  | 'AUTH_SESSION_REQUIRED'
  | 'AUTH_SIGN_IN_STEP_INVALID'
  | 'AUTH_CODE_INVALID'
  | 'AUTH_CODE_EXPIRED'
  | 'AUTH_CSRF_FAILED'
  | 'AUTH_LINK_INVALID'
  | 'AUTH_MFA_ENROLMENT_REQUIRED'
  | 'AUTH_TOTP_ENROLMENT_NOT_STARTED'
  | 'AUTH_CURRENT_PASSWORD_INCORRECT'
  | 'ACCOUNT_EMAIL_INVALID'
  | 'ACCOUNT_EMAIL_NOT_VERIFIED'
  | 'ACCOUNT_PASSWORD_TOO_SHORT'
  | 'ACCOUNT_PASSWORD_TOO_LONG'
  | 'ACCOUNT_PASSWORD_COMMON'
  | 'ACCOUNT_PASSWORD_CONTAINS_EMAIL'
  | 'ACCOUNT_SHOP_NOT_FOUND'
  | 'ACCOUNT_ROLE_FORBIDDEN'
  | 'ACCOUNT_LAST_OWNER'
  | 'ACCOUNT_MEMBER_NOT_FOUND'
  | 'ACCOUNT_INVITATION_INVALID'
  | 'ACCOUNT_INVITATION_EMAIL_MISMATCH'
  | 'ROUTE_NOT_FOUND'
  | 'RATE_LIMITED'
  | ClientErrorCode;

/** Failures on the way to the server or in its answer, which carry no registry code. */
export type ClientErrorCode = 'CLIENT_NETWORK' | 'CLIENT_UNEXPECTED_RESPONSE';

const CLIENT_MESSAGES: Readonly<Record<ClientErrorCode, string>> = {
  CLIENT_NETWORK: 'Auraflow could not be reached. Check your connection and try again.',
  CLIENT_UNEXPECTED_RESPONSE:
    'Auraflow answered in a way this page does not understand. Reload the page and try again.',
};

/**
 * An error answer of the API: `code` is stable and is what code branches on; `message` is the
 * registry's text for a person, shown as is (it never holds anything the user typed).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static client(code: ClientErrorCode, status = 0): ApiError {
    return new ApiError(status, code, CLIENT_MESSAGES[code]);
  }

  is(...codes: readonly ErrorCode[]): boolean {
    return codes.some((code) => code === this.code);
  }
}

/** Any thrown value as an ApiError, so screens have one kind of error to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;

  return ApiError.client('CLIENT_UNEXPECTED_RESPONSE');
}
