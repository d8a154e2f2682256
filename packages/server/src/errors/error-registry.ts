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

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_REGISTRY, value);
}
