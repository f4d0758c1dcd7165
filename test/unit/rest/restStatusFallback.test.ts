import { describe, expect, it } from 'vitest';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import { fakeFetch } from './fakeFetch.js';

/** The provider a host builds, with a fake `fetch` answering every request with `status` and `body`. */
function answering(status: number, body?: unknown, headers?: Record<string, string>) {
  const { fetch } = fakeFetch({ status, body, headers });
  return createRestSessionsProvider({ baseUrl: '/api', fetch, csrf: () => 'tok' });
}

describe('REST adapter: a body without a known code falls back on the status, as the contract says', () => {
  it.each([
    ['422 with no body', 'INVALID_PASSWORD', 422, undefined],
    ['422 with an empty object', 'INVALID_PASSWORD', 422, {}],
    // Laravel: abort_unless(Hash::check(…), 422, 'INVALID_PASSWORD') sends the text as `message`.
    ['422 from Laravel abort()', 'INVALID_PASSWORD', 422, { message: 'INVALID_PASSWORD' }],
    // Laravel: a ValidationException on `password`.
    [
      '422 from a Laravel ValidationException',
      'INVALID_PASSWORD',
      422,
      {
        message: 'The password field is required.',
        errors: { password: ['The password field is required.'] },
      },
    ],
    ['422 with a code the kit does not know', 'INVALID_PASSWORD', 422, { code: 'E_VALIDATION' }],
    // Laravel's password.confirm middleware, verbatim.
    ['423 from password.confirm', 'REAUTH_REQUIRED', 423, { message: 'Password confirmation required.' }],
    ['423 with no body', 'REAUTH_REQUIRED', 423, undefined],
    // Laravel's TokenMismatchException ("Page Expired").
    ['419 from a Laravel CSRF mismatch', 'FORBIDDEN', 419, { message: 'CSRF token mismatch.' }],
    ['401 with no code', 'UNAUTHORIZED', 401, { message: 'Unauthenticated.' }],
    ['403 with no code', 'FORBIDDEN', 403, undefined],
    ['404 with no code', 'NOT_FOUND', 404, { message: 'Not Found' }],
    ['410 with no code', 'NOT_FOUND', 410, undefined],
    ['429 with no code', 'RATE_LIMITED', 429, undefined],
    ['408 with no code', 'NETWORK', 408, undefined],
    ['503 with no code', 'NETWORK', 503, '<html>down</html>'],
    ['500 with no code', 'UNKNOWN', 500, undefined],
    ['400 with no code', 'UNKNOWN', 400, undefined],
  ])('%s → %s', async (_what, code, status, body) => {
    await expect(answering(status, body).revokeSession({ sessionId: 'ses_1' })).rejects.toMatchObject({
      name: 'SessionsError',
      code,
      status,
    });
  });

  it.each([
    ['a known code over the status', 'REAUTH_REQUIRED', 403, { code: 'REAUTH_REQUIRED' }],
    ['a known code in any case', 'REAUTH_REQUIRED', 403, { code: 'reauth_required' }],
    ['an alias (Better Auth)', 'REAUTH_REQUIRED', 403, { code: 'SESSION_NOT_FRESH' }],
    ['an explicit UNKNOWN, even on 422', 'UNKNOWN', 422, { code: 'UNKNOWN' }],
    ['a known code on 422', 'NOT_FOUND', 422, { code: 'NOT_FOUND' }],
  ])('trusts %s → %s', async (_what, code, status, body) => {
    await expect(answering(status, body).revokeSession({ sessionId: 'ses_1' })).rejects.toMatchObject({
      code,
      status,
    });
  });

  it("keeps the server's message for logs", async () => {
    await expect(
      answering(422, { message: 'The password is not correct.' }).reauthenticate({ password: 'x' }),
    ).rejects.toThrow('The password is not correct.');
  });

  it('reads Retry-After from the header, else from the body', async () => {
    await expect(
      answering(429, { code: 'RATE_LIMITED' }, { 'Retry-After': '42' }).revokeOtherSessions({
        password: 'x',
      }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 42 });
    await expect(
      answering(429, { code: 'RATE_LIMITED', retryAfter: 7 }).revokeOtherSessions({ password: 'x' }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });
  });
});
