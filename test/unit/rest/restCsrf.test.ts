import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import type { RestSessionsProviderOptions } from '../../../src/rest/restTransport.js';
import { fakeFetch, type SentRequest } from './fakeFetch.js';

/** A server doing double-submit CSRF: a POST without the right X-XSRF-TOKEN is 403 FORBIDDEN. */
const csrfServer = (expected: string, header = 'X-XSRF-TOKEN') =>
  fakeFetch((request: SentRequest) =>
    request.method === 'POST' && request.headers[header] !== expected
      ? { status: 403, body: { code: 'FORBIDDEN', message: 'The CSRF token is missing or does not match.' } }
      : { status: 200, body: { revokedCount: 1 } },
  );

function provider(wire: ReturnType<typeof fakeFetch>, options: Partial<RestSessionsProviderOptions> = {}) {
  return createRestSessionsProvider({ baseUrl: '/api', fetch: wire.fetch, ...options });
}

const HOW_TO_FIX =
  'Pass csrf: () => token (or csrf: { headerName, token }) to send one, or csrf: false for an API that does not authenticate by cookie.';

afterEach(() => {
  vi.unstubAllGlobals();
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom's cookie jar, emptied between tests.
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('REST adapter CSRF: the default reads XSRF-TOKEN and sends X-XSRF-TOKEN on POSTs', () => {
  it('sends the cookie (decoded) in the header on a POST, not on a GET', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the readable cookie a Laravel-style server sets.
    document.cookie = 'XSRF-TOKEN=a%3Db';
    const wire = csrfServer('a=b');
    await expect(provider(wire).revokeOtherSessions()).resolves.toEqual({ revokedCount: 1 });
    await provider(wire)
      .listSessions()
      .catch(() => {});
    expect(wire.sent[0]?.headers['X-XSRF-TOKEN']).toBe('a=b');
    expect(wire.sent[1]?.method).toBe('GET');
    expect(wire.sent[1]?.headers).not.toHaveProperty('X-XSRF-TOKEN');
  });

  it('in a browser without the cookie, the refusal says the cookie is missing and how to fix it', async () => {
    const wire = csrfServer('tok');
    await expect(provider(wire).revokeOtherSessions()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      message:
        'POST /sessions/revoke-others was refused (403) and carried no CSRF token: document.cookie has no ' +
        "XSRF-TOKEN (the server must set it readable, not HttpOnly, for this page's domain; a cookie of a " +
        `cross-origin baseUrl cannot be read here). ${HOW_TO_FIX} The server said: The CSRF token is missing or does not match.`,
    });
  });

  it('outside a browser (no document), the refusal says so and how to fix it', async () => {
    vi.stubGlobal('document', undefined);
    const wire = csrfServer('tok');
    const refusal = provider(wire).revokeSession({ sessionId: 'ses_1' });
    await expect(refusal).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(
        'POST /sessions/ses_1/revoke was refused (403) and carried no CSRF token: there is no document here ' +
          `(not a browser page), so no XSRF-TOKEN cookie can be read. ${HOW_TO_FIX}`,
      ),
    });
    expect(wire.sent[0]?.headers).not.toHaveProperty('X-XSRF-TOKEN');
  });

  it('a Laravel 419 with no token gets the same hint', async () => {
    vi.stubGlobal('document', undefined);
    const wire = fakeFetch({ status: 419, body: { message: 'CSRF token mismatch.' } });
    await expect(provider(wire).signOut()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 419,
      message: expect.stringMatching(
        /^POST \/sessions\/sign-out was refused \(419\) and carried no CSRF token: .* The server said: CSRF token mismatch\.$/,
      ),
    });
  });

  it('a custom cookie and header name', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: Django's readable csrftoken cookie.
    document.cookie = 'csrftoken=dj';
    const wire = csrfServer('dj', 'X-CSRFToken');
    await expect(
      provider(wire, { csrf: { cookieName: 'csrftoken', headerName: 'X-CSRFToken' } }).revokeAllSessions(),
    ).resolves.toEqual({ revokedCount: 1 });
    // biome-ignore lint/suspicious/noDocumentCookie: cleanup of this test's cookie.
    document.cookie = 'csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });
});

describe('REST adapter CSRF: a page with no cookie yet (its rows came with the server-rendered HTML)', () => {
  /** A server like the reference handler: `GET /api/csrf` answers 204 and sets the readable cookie. */
  const handingOutServer = (token: string) =>
    fakeFetch((request: SentRequest) => {
      if (request.method === 'GET' && request.url === '/api/csrf') {
        // biome-ignore lint/suspicious/noDocumentCookie: what the browser does with the answer's Set-Cookie.
        document.cookie = `XSRF-TOKEN=${token}`;
        return { status: 204 };
      }
      return request.method === 'POST' && request.headers['X-XSRF-TOKEN'] !== token
        ? {
            status: 403,
            body: { code: 'FORBIDDEN', message: 'The CSRF token is missing or does not match.' },
          }
        : { status: 200, body: { revokedCount: 1 } };
    });

  it("asks GET {baseUrl}/csrf for the cookie before the first POST, so the page's first sign-out works", async () => {
    const wire = handingOutServer('fresh');
    await expect(provider(wire).revokeOtherSessions()).resolves.toEqual({ revokedCount: 1 });
    expect(wire.sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/csrf',
      'POST /api/sessions/revoke-others',
    ]);
    expect(wire.sent[1]?.headers['X-XSRF-TOKEN']).toBe('fresh');
    // The cookie is there now: the next POST asks nothing first.
    await provider(wire).signOut();
    expect(wire.sent.map((request) => request.url).filter((url) => url === '/api/csrf')).toHaveLength(1);
  });

  it('two POSTs at once ask for the cookie once', async () => {
    const wire = handingOutServer('once');
    const api = provider(wire);
    await Promise.all([api.revokeOtherSessions(), api.revokeSession({ sessionId: 'ses_2' })]);
    expect(wire.sent.filter((request) => request.url === '/api/csrf')).toHaveLength(1);
  });

  it('cookieUrl names another endpoint (Laravel Sanctum), and false never asks', async () => {
    const sanctum = fakeFetch({ status: 204 });
    await provider(sanctum, { csrf: { cookieUrl: '/sanctum/csrf-cookie' } }).signOut();
    expect(sanctum.sent[0]?.url).toBe('/sanctum/csrf-cookie');
    const never = fakeFetch({ status: 204 });
    await provider(never, { csrf: { cookieUrl: false } }).signOut();
    expect(never.sent.map((request) => request.url)).toEqual(['/api/sessions/sign-out']);
  });

  it('a server without the endpoint: the POST still goes, and its refusal says the cookie is missing', async () => {
    const wire = csrfServer('tok');
    await expect(provider(wire).revokeOtherSessions()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('carried no CSRF token: document.cookie has no XSRF-TOKEN'),
    });
    expect(wire.sent.map((request) => request.method)).toEqual(['GET', 'POST']);
  });

  it('asks once for the provider’s life: an endpoint that gives no cookie is not asked before every POST', async () => {
    const wire = csrfServer('tok');
    const api = provider(wire);
    await api.revokeOtherSessions().catch(() => {});
    await api.signOut().catch(() => {});
    expect(wire.sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/csrf',
      'POST /api/sessions/revoke-others',
      'POST /api/sessions/sign-out',
    ]);
  });
});

describe('REST adapter CSRF: other sources, and no hint where it would mislead', () => {
  it('csrf: () => token sends it in X-XSRF-TOKEN, with no document at all', async () => {
    vi.stubGlobal('document', undefined);
    const wire = csrfServer('from-fn');
    await expect(provider(wire, { csrf: () => 'from-fn' }).revokeOtherSessions()).resolves.toEqual({
      revokedCount: 1,
    });
  });

  it('csrf: { headerName, token } (Rails: a <meta> tag in X-CSRF-Token)', async () => {
    const wire = csrfServer('meta', 'X-CSRF-Token');
    const csrf = { headerName: 'X-CSRF-Token', token: async () => 'meta' };
    await expect(provider(wire, { csrf }).revokeOtherSessions()).resolves.toEqual({ revokedCount: 1 });
  });

  it('a token function that gives none: the refusal says so', async () => {
    const wire = csrfServer('tok');
    await expect(provider(wire, { csrf: () => undefined }).revokeOtherSessions()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('carried no CSRF token: the csrf token function returned none.'),
    });
  });

  it.each([
    ['csrf: false', { csrf: false as const }],
    ['a token that was sent (and is wrong)', { csrf: () => 'stale' }],
    ['the header given through `headers`', { headers: { 'x-xsrf-token': 'stale' } }],
  ])('%s: the server’s own answer, no CSRF hint', async (_what, options) => {
    vi.stubGlobal('document', undefined);
    const wire = csrfServer('tok');
    await expect(provider(wire, options).revokeOtherSessions()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'The CSRF token is missing or does not match.',
    });
  });

  it('a 403 REAUTH_REQUIRED without a token is about freshness, not CSRF', async () => {
    vi.stubGlobal('document', undefined);
    const wire = fakeFetch({ status: 403, body: { code: 'REAUTH_REQUIRED', message: 'Not fresh' } });
    await expect(provider(wire).revokeOtherSessions()).rejects.toMatchObject({
      code: 'REAUTH_REQUIRED',
      message: 'Not fresh',
    });
  });
});
