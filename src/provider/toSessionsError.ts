import { clientCodeOf } from '../contract/errors.js';
import { isSessionsError, SessionsError, type SessionsErrorCode } from './SessionsError.js';

// What fetch rejects with when the network fails: Chromium, Firefox, Safari, Node (undici).
const FETCH_FAILURE = /failed to fetch|networkerror|load failed|fetch failed|network request failed/i;

// A foreign message longer than this is cut: it is for developers, and a hostile backend could send megabytes.
const MAX_FOREIGN_MESSAGE = 300;

function statusToCode(status: number): SessionsErrorCode {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404 || status === 410) return 'NOT_FOUND';
  if (status === 408 || status === 502 || status === 503 || status === 504) return 'NETWORK';
  if (status === 429) return 'RATE_LIMITED';
  return 'UNKNOWN';
}

const codeFromString = clientCodeOf;

/** Reads Retry-After as seconds, from a number, a numeric string or an HTTP date. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds) : undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function readHeader(headers: unknown, name: string): string | undefined {
  const record = asRecord(headers);
  if (!record) return undefined;
  if (typeof record.get === 'function') {
    const value: unknown = (record.get as (n: string) => unknown).call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  const value = record[name] ?? record[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

function foreignMessage(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.length > MAX_FOREIGN_MESSAGE ? `${value.slice(0, MAX_FOREIGN_MESSAGE)}…` : value;
}

/**
 * Turns anything a provider rejected with (or threw) into a `SessionsError`: an HTTP-ish error with
 * `status` / `statusCode` / `response.status`, a body with a `code`, a fetch `Response`, an AbortError
 * or TimeoutError, a TypeError from fetch, a string, or nothing at all.
 */
export function toSessionsError(value: unknown): SessionsError {
  if (isSessionsError(value)) return value;

  if (typeof value === 'string') {
    const code = codeFromString(value);
    return new SessionsError(code ?? 'UNKNOWN', code ? undefined : foreignMessage(value), { cause: value });
  }

  const record = asRecord(value);
  if (!record) return new SessionsError('UNKNOWN', undefined, { cause: value });

  const name = typeof record.name === 'string' ? record.name : '';
  const message = foreignMessage(record.message);
  if (name === 'AbortError' || name === 'TimeoutError') {
    return new SessionsError('NETWORK', 'The request was cancelled or timed out.', { cause: value });
  }
  if (value instanceof TypeError && FETCH_FAILURE.test(value.message)) {
    return new SessionsError('NETWORK', undefined, { cause: value });
  }

  // Some clients nest the server's answer: Better Auth's `{ error: { status, code, message } }`,
  // axios' `{ response: { status, data: { code } } }`, a body under `body` or `data`.
  const nested = asRecord(record.error);
  const response = asRecord(record.response);
  const body = asRecord(record.body) ?? asRecord(record.data) ?? asRecord(response?.data);
  const status =
    numberOrUndefined(record.status) ??
    numberOrUndefined(record.statusCode) ??
    numberOrUndefined(nested?.status) ??
    numberOrUndefined(response?.status);
  const code =
    codeFromString(record.code) ??
    codeFromString(nested?.code) ??
    codeFromString(body?.code) ??
    (status === undefined ? undefined : statusToCode(status));
  const retryAfter =
    parseRetryAfter(record.retryAfter) ??
    parseRetryAfter(body?.retryAfter) ??
    parseRetryAfter(readHeader(record.headers, 'Retry-After')) ??
    parseRetryAfter(readHeader(response?.headers, 'Retry-After'));

  return new SessionsError(
    code ?? 'UNKNOWN',
    foreignMessage(nested?.message) ?? foreignMessage(body?.message) ?? message,
    { status, retryAfter, cause: value },
  );
}
