/**
 * The registry of stable error codes. Every error the API returns is one of these: the code is
 * a contract with clients, the message is written for a person and never carries request data.
 * Codes follow `<AREA>_<PROBLEM>`.
 */
export const ERROR_REGISTRY = {
  REQUEST_INVALID: {
    status: 400,
    message: 'The request is not valid. Check the fields against the API documentation.',
  },
  REQUEST_MALFORMED_JSON: {
    status: 400,
    message: 'The request body is not valid JSON.',
  },
  REQUEST_BODY_TOO_LARGE: {
    status: 413,
    message: 'The request body is larger than this endpoint accepts.',
  },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'The Content-Type of the request is not accepted by this endpoint.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    message: 'There is nothing at this address. Check the path.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'This address does not accept that method; the Allow header lists the ones it does.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests. Wait a moment and try again.',
  },
  COLLECT_FIELD_NOT_ALLOWED: {
    status: 400,
    message: 'The payload holds a field that may not be sent. Only derived scores are accepted.',
  },
  COLLECT_FIELD_MISSING: {
    status: 400,
    message: 'The payload lacks a required field.',
  },
  COLLECT_SITE_KEY_INVALID: {
    status: 400,
    message: 'The site key is not in the expected form (sk_ followed by 22 characters).',
  },
  COLLECT_SITE_KEY_UNKNOWN: {
    status: 404,
    message: 'No shop has this site key. Check the app embed settings of the store.',
  },
  COLLECT_ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: "The page's origin is not one of this shop's registered storefront domains.",
  },
  COLLECT_ID_INVALID: {
    status: 400,
    message: 'The visitor or session id is not a 22-character random id.',
  },
  COLLECT_TAXONOMY_VERSION_UNKNOWN: {
    status: 400,
    message: 'The taxonomy version is not one this server accepts. Update the storefront script.',
  },
  COLLECT_BATCH_INVALID: {
    status: 400,
    message: 'The batch must hold 1 to 20 snapshots with increasing sequence numbers.',
  },
  COLLECT_PROBABILITIES_INVALID: {
    status: 400,
    message:
      'Probabilities must cover exactly the taxonomy archetypes, each in 0..1, summing to 1.',
  },
  COLLECT_CONFIDENCE_INVALID: {
    status: 400,
    message: 'Confidence must be a number from 0 to 1.',
  },
  AUTH_SIGN_IN_FAILED: {
    status: 401,
    message:
      'The email address or password was not accepted. Check both and try again; after many ' +
      'attempts the account is locked and an unlock link is emailed.',
  },
  AUTH_SESSION_REQUIRED: {
    status: 401,
    message: 'You are not signed in, or your session or sign-in attempt has expired. Sign in.',
  },
  AUTH_SIGN_IN_STEP_INVALID: {
    status: 409,
    message: 'This is not the sign-in step expected now. Continue with the current step.',
  },
  AUTH_CODE_INVALID: {
    status: 401,
    message: 'The code was not accepted. Check it and try again, or use another method.',
  },
  AUTH_CODE_EXPIRED: {
    status: 410,
    message: 'There is no valid code: it expired, was used, or was tried too often. Request one.',
  },
  AUTH_METHOD_NOT_AVAILABLE: {
    status: 403,
    message: 'This second factor is not set up for the account. Choose another method.',
  },
  AUTH_AUTHENTICATOR_APP_REQUIRED: {
    status: 403,
    message: 'A shop you belong to requires the authenticator app; emailed codes are not enough.',
  },
  AUTH_MFA_ENROLMENT_REQUIRED: {
    status: 403,
    message: 'Set up the authenticator app first: a shop you belong to requires it.',
  },
  AUTH_TOTP_ENROLMENT_NOT_STARTED: {
    status: 409,
    message: 'No authenticator set-up is in progress. Start the set-up again.',
  },
  AUTH_CSRF_FAILED: {
    status: 403,
    message: 'The request did not come from the Auraflow dashboard. Reload the page and retry.',
  },
  AUTH_LINK_INVALID: {
    status: 400,
    message: 'The link is not valid: it expired or was already used. Request a new one.',
  },
  AUTH_CURRENT_PASSWORD_INCORRECT: {
    status: 403,
    message: 'The current password was not accepted. Check it and try again.',
  },
  ACCOUNT_EMAIL_INVALID: {
    status: 400,
    message: 'The email address is not valid. Check it and try again.',
  },
  ACCOUNT_EMAIL_NOT_VERIFIED: {
    status: 403,
    message: 'Verify your email address first; a new verification link has been sent.',
  },
  ACCOUNT_PASSWORD_TOO_SHORT: {
    status: 400,
    message: 'The password is too short: use at least 12 characters.',
  },
  ACCOUNT_PASSWORD_TOO_LONG: {
    status: 400,
    message: 'The password is too long: use at most 1,024 bytes.',
  },
  ACCOUNT_PASSWORD_COMMON: {
    status: 400,
    message: 'This password is too common or has appeared in breaches. Choose another one.',
  },
  ACCOUNT_PASSWORD_CONTAINS_EMAIL: {
    status: 400,
    message: 'The password contains your email address or the product name. Choose another one.',
  },
  ACCOUNT_SHOP_NOT_FOUND: {
    status: 404,
    message: 'You are not a member of this shop, or it does not exist.',
  },
  ACCOUNT_ROLE_FORBIDDEN: {
    status: 403,
    message: 'Your role in this shop does not allow this. Ask an owner.',
  },
  ACCOUNT_LAST_OWNER: {
    status: 409,
    message: 'A shop needs at least one owner. Make someone else an owner first.',
  },
  ACCOUNT_ALREADY_MEMBER: {
    status: 409,
    message: 'This person is already a member of the shop.',
  },
  ACCOUNT_INVITATION_INVALID: {
    status: 400,
    message: 'The invitation is not valid: it expired, was withdrawn or was already accepted.',
  },
  ACCOUNT_INVITATION_EMAIL_MISMATCH: {
    status: 403,
    message: 'The invitation was sent to another email address. Sign in with that address.',
  },
  ACCOUNT_INVITATION_NOT_FOUND: {
    status: 404,
    message: 'There is no pending invitation with this id in the shop.',
  },
  ACCOUNT_MEMBER_NOT_FOUND: {
    status: 404,
    message: 'There is no member with this id in the shop.',
  },
  ACCOUNT_DEVICE_NOT_FOUND: {
    status: 404,
    message: 'There is no recognised device with this id on your account.',
  },
  ACCOUNT_SESSION_NOT_FOUND: {
    status: 404,
    message: 'There is no session with this id on your account.',
  },
  ACCOUNT_TOTP_REQUIRED_FOR_POLICY: {
    status: 409,
    message: 'Set up the authenticator app yourself before requiring it for every member.',
  },
  EMAIL_UNAVAILABLE: {
    status: 503,
    message: 'The email could not be sent right now. Try again in a few minutes.',
  },
  DB_UNAVAILABLE: {
    status: 503,
    message: 'The database cannot be reached right now. Try again shortly.',
  },
  DB_MIGRATIONS_PENDING: {
    status: 503,
    message: 'The database schema is behind this release. Run `auraflow migrate`.',
  },
  INTERNAL: {
    status: 500,
    message: 'Something went wrong on our side. It has been logged; try again later.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_REGISTRY;

/** An error with a registered code; the only kind of error whose code reaches a client. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    options?: { cause?: unknown },
  ) {
    super(ERROR_REGISTRY[code].message, options);
    this.name = 'AppError';
    this.status = ERROR_REGISTRY[code].status;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(code: ErrorCode): ErrorBody {
  return { error: { code, message: ERROR_REGISTRY[code].message } };
}
