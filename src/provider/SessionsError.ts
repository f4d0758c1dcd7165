import { CLIENT_ERROR_CODES, type ClientErrorCode } from '../contract/errors.js';

/**
 * The one error type the kit deals in. Its `code` is a closed set (the contract's client codes); each
 * code maps 1:1 to a message key, so what the user reads never depends on a backend's wording.
 */
export const SESSIONS_ERROR_CODES = CLIENT_ERROR_CODES;

export type SessionsErrorCode = ClientErrorCode;

export interface SessionsErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** Seconds to wait before trying again (RATE_LIMITED). */
  retryAfter?: number;
  cause?: unknown;
}

// A registered symbol, so errors from two copies of the kit (two bundles, a test double) still match.
const BRAND = Symbol.for('profilekit.SessionsError');

const DEFAULT_MESSAGES: Record<SessionsErrorCode, string> = {
  NETWORK: 'The server could not be reached.',
  UNAUTHORIZED: 'You are signed out.',
  REAUTH_REQUIRED: 'Please confirm your password to continue.',
  INVALID_PASSWORD: 'The password is incorrect.',
  NOT_FOUND: 'That session no longer exists.',
  RATE_LIMITED: 'Too many attempts. Try again later.',
  FORBIDDEN: 'You are not allowed to do that.',
  INVALID_RESPONSE: 'The server sent a response the page could not read.',
  UNKNOWN: 'Something went wrong.',
};

export class SessionsError extends Error {
  override readonly name = 'SessionsError';
  readonly code: SessionsErrorCode;
  readonly status?: number;
  readonly retryAfter?: number;
  readonly [BRAND] = true;

  constructor(code: SessionsErrorCode, message?: string, options: SessionsErrorOptions = {}) {
    super(
      message || DEFAULT_MESSAGES[code],
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

/** True for a `SessionsError` from any copy of the kit. */
export function isSessionsError(value: unknown): value is SessionsError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}
