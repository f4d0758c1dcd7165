/**
 * The kit's own copy of the contract's words (src/contract): the kit checks other people's servers, so
 * it keeps an independent copy rather than trusting the code it checks. test/types/contractCopy.test-d.ts
 * ties each one to src/contract at compile time: a word changed on one side only fails the type check.
 */

/** Every code a server may send in `{ code, message }`. */
export const SERVER_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'REAUTH_REQUIRED',
  'NOT_FOUND',
  'INVALID_PASSWORD',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'UNKNOWN',
] as const;

/** The status each code goes with (UNKNOWN: 400 for refused input; 413 and 5xx also carry it). */
export const CODE_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  REAUTH_REQUIRED: 403,
  NOT_FOUND: 404,
  INVALID_PASSWORD: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  UNKNOWN: 400,
} as const;

/** The `event:` names of the live stream. */
export const EVENT_NAMES = {
  connected: 'connected',
  started: 'session.started',
  ended: 'session.ended',
  signedOut: 'signed-out',
} as const;

/** Why a session ended: `cause` in `session.ended` and `signed-out`. */
export const END_CAUSES = [
  'revoked',
  'revoked-others',
  'revoked-all',
  'signed-out',
  'admin',
  'host',
  'expired',
  'session-limit',
  'not-me',
] as const;

/** What an activity entry says happened: `kind` in `GET /sessions/activity`. */
export const ACTIVITY_KINDS = [
  'signed-in',
  'sign-in-failed',
  'confirmation-failed',
  'reauthenticated',
  'signed-out',
  'revoked',
  'expired',
  'session-limit',
  'not-me',
] as const;

/** Ceilings a server's own policy must stay under. */
export const LIMITS = {
  maxWrongPasswordsPerSession: 10,
  maxStreamsPerSession: 32,
  maxAdminPageSize: 1000,
  defaultAdminPageSize: 50,
  maxActivityPageSize: 100,
} as const;

/** Actions that may ask for the password, as a policy names them. */
export const CONFIRMABLE = ['revokeSession', 'revokeOtherSessions', 'revokeAllSessions'] as const;
