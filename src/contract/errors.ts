/**
 * The contract's error words: what a server sends in `{ code, message }`, with which status, and how a
 * client reads an answer whose body names no code it knows. docs/rest-contract.md, "Errors".
 */

/** Every code a server of the contract may send. */
export const SERVER_ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'REAUTH_REQUIRED',
  'NOT_FOUND',
  'INVALID_PASSWORD',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'UNKNOWN',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/**
 * The status each code goes with. UNKNOWN is 400 for input the server refuses (413 for a body too large)
 * and 500 for its own failure; REAUTH_REQUIRED shares 403 with FORBIDDEN, so it needs its code.
 */
export const ERROR_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  REAUTH_REQUIRED: 403,
  NOT_FOUND: 404,
  INVALID_PASSWORD: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  UNKNOWN: 400,
} as const satisfies Record<ServerErrorCode, number>;

/**
 * The codes a client deals in: the server's, but UNAVAILABLE, which a client reads as NETWORK (the
 * service cannot be reached: try again), plus its own verdicts NETWORK and INVALID_RESPONSE.
 */
export const CLIENT_ERROR_CODES = [
  'NETWORK',
  'UNAUTHORIZED',
  'REAUTH_REQUIRED',
  'INVALID_PASSWORD',
  'NOT_FOUND',
  'RATE_LIMITED',
  'FORBIDDEN',
  'INVALID_RESPONSE',
  'UNKNOWN',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/**
 * Codes other backends send that mean one of ours, upper-cased. The contract's own UNAVAILABLE is one;
 * Better Auth answers SESSION_NOT_FRESH when a sensitive action needs a recent sign-in, and its sign-in
 * answers a wrong password with INVALID_EMAIL_OR_PASSWORD under 401 (which alone would read as "signed
 * out"); Laravel's password.confirm middleware answers "password_confirmation_required".
 */
export const ERROR_CODE_ALIASES: Readonly<Record<string, ClientErrorCode>> = {
  UNAVAILABLE: 'NETWORK',
  SESSION_NOT_FRESH: 'REAUTH_REQUIRED',
  PASSWORD_CONFIRMATION_REQUIRED: 'REAUTH_REQUIRED',
  SESSION_NOT_FOUND: 'NOT_FOUND',
  INCORRECT_PASSWORD: 'INVALID_PASSWORD',
  INVALID_EMAIL_OR_PASSWORD: 'INVALID_PASSWORD',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
};

/**
 * Statuses this contract gives a meaning of its own, read when the body names no known code. They are
 * promises of this HTTP contract, not facts about every backend a provider might wrap: elsewhere a 422
 * can be any validation failure.
 */
export const CONTRACT_STATUS_CODES: Readonly<Record<number, ClientErrorCode>> = {
  // Laravel answers a CSRF token mismatch with 419 "Page Expired", where the contract says 403.
  419: 'FORBIDDEN',
  // The contract's only validated input is the password; Laravel's abort(422, 'INVALID_PASSWORD') and
  // its ValidationException send `{ message }` with no `code`.
  422: 'INVALID_PASSWORD',
  // Laravel's password.confirm middleware answers 423 Locked: a fresh password confirmation is needed.
  423: 'REAUTH_REQUIRED',
};

/** The body of every error answer. */
export interface ErrorBody {
  code: ServerErrorCode;
  /** For logs: the UI shows its own translated text per code. */
  message: string;
}

/** A code the client knows, from a server's code in any case or one of the aliases above. */
export function clientCodeOf(value: unknown): ClientErrorCode | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase();
  return (CLIENT_ERROR_CODES as readonly string[]).includes(upper)
    ? (upper as ClientErrorCode)
    : ERROR_CODE_ALIASES[upper];
}
