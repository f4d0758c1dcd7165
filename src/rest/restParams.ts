import { SessionsError } from '../provider/SessionsError.js';

/**
 * Checks of how a REST provider method was called, made before any request goes out. A wrong call
 * (`revokeSession('ses_1')` instead of `revokeSession({ sessionId: 'ses_1' })`) used to reach the server
 * as `/sessions/undefined/revoke` and come back as a puzzling NOT_FOUND; now it rejects at once with a
 * message that says what was expected and how to call it. A rejection, never a throw (the contract:
 * a provider rejects), and a `SessionsError` like every other rejection, with code UNKNOWN and no
 * `status` since no request was made — the same shape `callProvider` gives a missing method.
 */

type Params = Record<string, unknown>;

// An id echoed back in a message is cut: it is opaque and harmless, but the message should stay short.
const MAX_ECHOED = 40;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function keysOf(params: Params): string {
  const keys = Object.keys(params);
  return keys.length === 0 ? '{}' : `{ ${keys.join(', ')} }`;
}

/** How to write the call that was meant, when the intent is clear. */
export type CallHint = (value: unknown) => string | undefined;

/**
 * A hint for a method whose one required param is an id: `revokeSession('ses_1')` →
 * `revokeSession({ sessionId: 'ses_1' })`. Ids are opaque and not credentials, so echoing one is safe.
 */
export const idHint =
  (method: string, key: string): CallHint =>
  (value) => {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const text = String(value);
    const shown = text.length > MAX_ECHOED ? `${text.slice(0, MAX_ECHOED)}…` : text;
    return `${method}({ ${key}: '${shown}' })`;
  };

/** A hint for a method whose string argument is most likely a password: never echo it. */
export const passwordHint =
  (method: string): CallHint =>
  (value) =>
    typeof value === 'string' ? `${method}({ password })` : undefined;

/** The params object, or a rejection-ready error when the method was not called with one. */
export function readParams(
  method: string,
  expected: string,
  value: unknown,
  { optional = false, hint }: { optional?: boolean; hint?: CallHint } = {},
): Params {
  if (value === undefined && optional) return {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Params;
  const fix = hint?.(value);
  throw new SessionsError(
    'UNKNOWN',
    `${method} expects ${expected}, got ${describe(value)}${fix ? ` — call ${fix}` : ''}.`,
  );
}

function wrongField(method: string, expected: string, params: Params, problem: string): SessionsError {
  return new SessionsError('UNKNOWN', `${method} expects ${expected}: ${problem} (got ${keysOf(params)}).`);
}

/** A required id: a non-empty string. Missing, empty or not a string rejects before any request. */
export function requireId(method: string, expected: string, params: Params, key: string): string {
  const value = params[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  const problem =
    value === undefined
      ? `${key} is missing`
      : typeof value === 'string'
        ? `${key} is an empty string`
        : `${key} must be a string, got ${describe(value)}`;
  throw wrongField(method, expected, params, problem);
}

/**
 * An optional string param. `undefined`, `null` and `''` all mean "not given" (and are left out of the
 * request, never sent as `undefined`); anything else that is not a string rejects.
 */
export function optionalString(method: string, expected: string, params: Params, key: string) {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  throw wrongField(method, expected, params, `${key} must be a string, got ${describe(value)}`);
}

/**
 * A password: a string when given (an empty one is sent, and the server answers INVALID_PASSWORD);
 * required for `reauthenticate`. Never echoed.
 */
export function readPassword(
  method: string,
  expected: string,
  params: Params,
  required: boolean,
): string | undefined {
  const value = params.password;
  if (typeof value === 'string') return value;
  if (value === undefined && !required) return undefined;
  const problem =
    value === undefined ? 'password is missing' : `password must be a string, got ${describe(value)}`;
  throw wrongField(method, expected, params, problem);
}

/** The caller's AbortSignal, if any. Something else under `signal` would make fetch throw a TypeError. */
export function optionalSignal(method: string, expected: string, params: Params): AbortSignal | undefined {
  const value = params.signal;
  if (value === undefined || value === null) return undefined;
  // Duck-typed: a signal from another realm (jsdom, an iframe) is still a signal to fetch.
  const signal = value as Partial<AbortSignal>;
  if (typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function') {
    return value as AbortSignal;
  }
  throw wrongField(method, expected, params, `signal must be an AbortSignal, got ${describe(value)}`);
}

/** A positive integer when given (the admin page size); absent means the server's default. */
export function optionalPositiveInteger(method: string, expected: string, params: Params, key: string) {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw wrongField(
    method,
    expected,
    params,
    `${key} must be a positive integer, got ${typeof value === 'number' ? value : describe(value)}`,
  );
}

/**
 * An answer's envelope: an object whose `field` is a list (the entries themselves are checked where the
 * kit reads them). Anything else is INVALID_RESPONSE, naming the request.
 */
export function requireListField<Result>(body: unknown, field: string, request: string): Result {
  if (!Array.isArray((body as Record<string, unknown> | null)?.[field])) {
    throw new SessionsError('INVALID_RESPONSE', `${request} did not answer { ${field}: [...] }.`);
  }
  return body as Result;
}
