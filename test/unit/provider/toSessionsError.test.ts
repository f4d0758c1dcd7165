import { describe, expect, it } from 'vitest';
import { isSessionsError, SESSIONS_ERROR_CODES, SessionsError } from '../../../src/provider/SessionsError.js';
import { parseRetryAfter, toSessionsError } from '../../../src/provider/toSessionsError.js';

describe('toSessionsError', () => {
  it.each([
    [{ status: 401 }, 'UNAUTHORIZED'],
    [{ status: 403 }, 'FORBIDDEN'],
    [{ status: 404 }, 'NOT_FOUND'],
    [{ status: 410 }, 'NOT_FOUND'],
    [{ status: 408 }, 'NETWORK'],
    [{ status: 429 }, 'RATE_LIMITED'],
    [{ status: 500 }, 'UNKNOWN'],
    [{ status: 502 }, 'NETWORK'],
    [{ status: 503 }, 'NETWORK'],
    [{ status: 504 }, 'NETWORK'],
    [{ statusCode: 401 }, 'UNAUTHORIZED'],
    [{ response: { status: 404, data: {} } }, 'NOT_FOUND'],
    [{ response: { status: 400, data: { code: 'INVALID_PASSWORD' } } }, 'INVALID_PASSWORD'],
    [{ error: { status: 403, code: 'SESSION_NOT_FRESH', message: 'fresh login' } }, 'REAUTH_REQUIRED'],
    // Better Auth's sign-in: a wrong password under 401, which is not "signed out".
    [{ error: { status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' } }, 'INVALID_PASSWORD'],
    [{ status: 400, body: { code: 'INVALID_PASSWORD' } }, 'INVALID_PASSWORD'],
    [{ status: 403, code: 'REAUTH_REQUIRED' }, 'REAUTH_REQUIRED'],
    [{ status: 200, code: 'INVALID_RESPONSE' }, 'INVALID_RESPONSE'],
    ['NOT_FOUND', 'NOT_FOUND'],
    ['something odd happened', 'UNKNOWN'],
    [null, 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
    [42, 'UNKNOWN'],
  ])('%j → %s', (input, code) => {
    expect(toSessionsError(input).code).toBe(code);
  });

  it('reaches every code of the closed set', () => {
    const reached = new Set([401, 403, 404, 429, 500, 503].map((status) => toSessionsError({ status }).code));
    for (const code of ['REAUTH_REQUIRED', 'INVALID_PASSWORD', 'INVALID_RESPONSE']) {
      reached.add(toSessionsError({ code }).code);
    }
    expect([...reached].sort()).toEqual([...SESSIONS_ERROR_CODES].sort());
  });

  it('maps aborts, timeouts and fetch TypeErrors to NETWORK, other TypeErrors to UNKNOWN', () => {
    expect(toSessionsError(new DOMException('aborted', 'AbortError')).code).toBe('NETWORK');
    expect(toSessionsError(new DOMException('slow', 'TimeoutError')).code).toBe('NETWORK');
    expect(toSessionsError(Object.assign(new Error('x'), { name: 'AbortError' })).code).toBe('NETWORK');
    for (const message of [
      'Failed to fetch',
      'fetch failed',
      'Load failed',
      'NetworkError when attempting to fetch resource.',
    ]) {
      expect(toSessionsError(new TypeError(message)).code).toBe('NETWORK');
    }
    expect(toSessionsError(new TypeError("Cannot read properties of undefined (reading 'x')")).code).toBe(
      'UNKNOWN',
    );
  });

  it('returns an existing SessionsError as it is', () => {
    const error = new SessionsError('FORBIDDEN');
    expect(toSessionsError(error)).toBe(error);
  });

  it('keeps the status, the cause and a short foreign message', () => {
    const cause = { status: 500, message: 'x'.repeat(5_000) };
    const error = toSessionsError(cause);
    expect(error.status).toBe(500);
    expect(error.cause).toBe(cause);
    expect(error.message.length).toBeLessThanOrEqual(301);
  });

  it('reads Retry-After from a number, a Headers object, a plain record and an HTTP date', () => {
    expect(toSessionsError({ status: 429, retryAfter: 12 }).retryAfter).toBe(12);
    expect(toSessionsError({ status: 429, headers: new Headers({ 'Retry-After': '30' }) }).retryAfter).toBe(
      30,
    );
    expect(toSessionsError({ status: 429, headers: { 'retry-after': '7' } }).retryAfter).toBe(7);
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(-5)).toBeUndefined();
  });
});

describe('isSessionsError', () => {
  it('recognises the brand from any copy of the kit, and nothing else', () => {
    const foreign = { [Symbol.for('profilekit.SessionsError')]: true, code: 'NETWORK' };
    expect(isSessionsError(foreign)).toBe(true);
    expect(isSessionsError(new Error('x'))).toBe(false);
    expect(isSessionsError({ code: 'NETWORK' })).toBe(false);
  });
});
