import { describe, expect, it } from 'vitest';
import { createRestAdminSessionsProvider } from '../../../src/rest/createRestAdminSessionsProvider.js';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import { fakeFetch } from './fakeFetch.js';

const LIST = { status: 200, body: { sessions: [{ id: 'ses_1' }], currentSessionId: 'ses_1' } };

function user() {
  const wire = fakeFetch(LIST);
  return {
    ...wire,
    provider: createRestSessionsProvider({ baseUrl: '/api', fetch: wire.fetch, csrf: false }),
  };
}
function admin() {
  const wire = fakeFetch((request) =>
    request.url.startsWith('/api/admin/sessions?') || request.url === '/api/admin/sessions'
      ? { status: 200, body: { sessions: [], nextCursor: null, total: 0 } }
      : { status: 200, body: { revokedCount: 2 } },
  );
  return {
    ...wire,
    provider: createRestAdminSessionsProvider({ baseUrl: '/api', fetch: wire.fetch, csrf: false }),
  };
}

/**
 * Calls `call` and checks the contract for a wrong call: a rejected Promise (never a synchronous throw),
 * a SessionsError whose message says what to do, and no request on the wire.
 */
async function expectWrongCall(
  wire: { calls: { mock: { calls: unknown[] } } },
  call: () => Promise<unknown>,
  message: string,
) {
  let pending: Promise<unknown> | undefined;
  expect(() => {
    pending = call();
  }).not.toThrow();
  await expect(pending).rejects.toMatchObject({ name: 'SessionsError', code: 'UNKNOWN', message });
  expect(wire.calls.mock.calls).toHaveLength(0);
}

describe('REST adapter: listSessions needs no argument', () => {
  it('listSessions() lists, with no signal and no filter', async () => {
    const { provider, sent } = user();
    await expect(provider.listSessions()).resolves.toEqual(LIST.body);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/sessions']);
  });

  it('listSessions({ applicationId }) filters, and an empty or undefined one is not sent', async () => {
    const { provider, sent } = user();
    await provider.listSessions({ applicationId: 'web app' });
    await provider.listSessions({ applicationId: undefined });
    await provider.listSessions({ applicationId: '' });
    expect(sent.map((r) => r.url)).toEqual([
      '/api/sessions?applicationId=web%20app',
      '/api/sessions',
      '/api/sessions',
    ]);
  });
});

describe('REST adapter: a wrong call rejects loudly and sends nothing', () => {
  it.each([
    [
      "revokeSession('ses_1')",
      (p: ReturnType<typeof user>['provider']) => p.revokeSession('ses_1' as never),
      "revokeSession expects { sessionId, password? }, got a string — call revokeSession({ sessionId: 'ses_1' }).",
    ],
    [
      'revokeSession()',
      (p: ReturnType<typeof user>['provider']) => p.revokeSession(undefined as never),
      'revokeSession expects { sessionId, password? }, got nothing.',
    ],
    [
      'revokeSession({})',
      (p: ReturnType<typeof user>['provider']) => p.revokeSession({} as never),
      'revokeSession expects { sessionId, password? }: sessionId is missing (got {}).',
    ],
    [
      'revokeSession({ id })',
      (p: ReturnType<typeof user>['provider']) => p.revokeSession({ id: 'ses_1' } as never),
      'revokeSession expects { sessionId, password? }: sessionId is missing (got { id }).',
    ],
    [
      "revokeSession({ sessionId: '' })",
      (p: ReturnType<typeof user>['provider']) => p.revokeSession({ sessionId: '' }),
      'revokeSession expects { sessionId, password? }: sessionId is an empty string (got { sessionId }).',
    ],
    [
      'revokeSession({ sessionId: 42 })',
      (p: ReturnType<typeof user>['provider']) => p.revokeSession({ sessionId: 42 } as never),
      'revokeSession expects { sessionId, password? }: sessionId must be a string, got a number (got { sessionId }).',
    ],
    [
      "listSessions('web')",
      (p: ReturnType<typeof user>['provider']) => p.listSessions('web' as never),
      'listSessions expects { signal?, applicationId? }, got a string.',
    ],
    [
      'listSessions({ signal: controller })',
      (p: ReturnType<typeof user>['provider']) => p.listSessions({ signal: new AbortController() as never }),
      'listSessions expects { signal?, applicationId? }: signal must be an AbortSignal, got an object (got { signal }).',
    ],
    [
      'revokeOtherSessions({ applicationId: 7 })',
      (p: ReturnType<typeof user>['provider']) => p.revokeOtherSessions({ applicationId: 7 } as never),
      'revokeOtherSessions expects { password?, applicationId? }: applicationId must be a string, got a number (got { applicationId }).',
    ],
    [
      'reauthenticate({})',
      (p: ReturnType<typeof user>['provider']) => p.reauthenticate({} as never),
      'reauthenticate expects { password }: password is missing (got {}).',
    ],
  ])('%s', async (_call, call, message) => {
    const wire = user();
    await expectWrongCall(wire, () => call(wire.provider), message);
  });

  it.each([
    [
      'revokeOtherSessions',
      (p: ReturnType<typeof user>['provider']) => p.revokeOtherSessions('hunter2' as never),
    ],
    [
      'revokeAllSessions',
      (p: ReturnType<typeof user>['provider']) => p.revokeAllSessions('hunter2' as never),
    ],
    ['reauthenticate', (p: ReturnType<typeof user>['provider']) => p.reauthenticate('hunter2' as never)],
  ])('%s(password) says how to call it and never repeats the password', async (method, call) => {
    const wire = user();
    const message = `${method} expects { ${method === 'reauthenticate' ? 'password' : 'password?, applicationId?'} }, got a string — call ${method}({ password }).`;
    await expectWrongCall(wire, () => call(wire.provider), message);
  });

  it('a password that is not a string is refused without repeating it', async () => {
    const wire = user();
    await expectWrongCall(
      wire,
      () => wire.provider.revokeSession({ sessionId: 'ses_1', password: 1234 } as never),
      'revokeSession expects { sessionId, password? }: password must be a string, got a number (got { sessionId, password }).',
    );
  });

  it('a right call after a wrong one goes out as usual', async () => {
    const { provider, sent } = user();
    await expect(provider.revokeSession('ses_1' as never)).rejects.toMatchObject({ code: 'UNKNOWN' });
    await provider.revokeSession({ sessionId: 'ses_1' });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/sessions/ses_1/revoke']);
  });
});

describe('REST admin adapter: wrong calls and left-out params', () => {
  it.each([
    [
      "revokeUserSessions('usr_1')",
      (p: ReturnType<typeof admin>['provider']) => p.revokeUserSessions('usr_1' as never),
      "revokeUserSessions expects { userId }, got a string — call revokeUserSessions({ userId: 'usr_1' }).",
    ],
    [
      'revokeUserSessions({})',
      (p: ReturnType<typeof admin>['provider']) => p.revokeUserSessions({} as never),
      'revokeUserSessions expects { userId }: userId is missing (got {}).',
    ],
    [
      "revokeAnySession('ses_1')",
      (p: ReturnType<typeof admin>['provider']) => p.revokeAnySession('ses_1' as never),
      "revokeAnySession expects { sessionId }, got a string — call revokeAnySession({ sessionId: 'ses_1' }).",
    ],
    [
      "getSession('ses_1')",
      (p: ReturnType<typeof admin>['provider']) => p.getSession('ses_1' as never),
      "getSession expects { sessionId, signal? }, got a string — call getSession({ sessionId: 'ses_1' }).",
    ],
    [
      "getSession({ sessionId: '  ' })",
      (p: ReturnType<typeof admin>['provider']) => p.getSession({ sessionId: '  ' }),
      'getSession expects { sessionId, signal? }: sessionId is an empty string (got { sessionId }).',
    ],
    [
      'listAllSessions({ limit: 0 })',
      (p: ReturnType<typeof admin>['provider']) => p.listAllSessions({ limit: 0 }),
      'listAllSessions expects { signal?, limit?, cursor?, search?, userId?, applicationId?, status?, sort? }: limit must be a positive integer, got 0 (got { limit }).',
    ],
    [
      "listAllSessions({ limit: '50' })",
      (p: ReturnType<typeof admin>['provider']) => p.listAllSessions({ limit: '50' } as never),
      'listAllSessions expects { signal?, limit?, cursor?, search?, userId?, applicationId?, status?, sort? }: limit must be a positive integer, got a string (got { limit }).',
    ],
    [
      "listAllSessions({ sort: 'createdAt' })",
      (p: ReturnType<typeof admin>['provider']) => p.listAllSessions({ sort: 'createdAt' } as never),
      "listAllSessions expects sort as { field, direction? }, got a string — call listAllSessions({ sort: { field: 'createdAt', direction: 'desc' } }).",
    ],
  ])('%s', async (_call, call, message) => {
    const wire = admin();
    await expectWrongCall(wire, () => call(wire.provider), message);
  });

  it('listAllSessions() and undefined params send no `undefined` (the server picks its page size)', async () => {
    const { provider, sent } = admin();
    await provider.listAllSessions();
    await provider.listAllSessions({
      limit: undefined,
      cursor: undefined,
      search: '',
      userId: undefined,
      applicationId: undefined,
      status: undefined,
      sort: undefined,
    });
    await provider.listAllSessions({ sort: { field: 'createdAt' } });
    expect(sent.map((r) => r.url)).toEqual([
      '/api/admin/sessions',
      '/api/admin/sessions',
      '/api/admin/sessions?sort=createdAt',
    ]);
    for (const request of sent) expect(request.url).not.toContain('undefined');
  });

  it('sends every given param under its contract name, encoded', async () => {
    const { provider, sent } = admin();
    await provider.listAllSessions({
      signal: new AbortController().signal,
      limit: 50,
      cursor: 'abc=',
      search: 'ana & co',
      userId: 'usr_1',
      applicationId: 'web',
      status: 'expired',
      sort: { field: 'expiresAt', direction: 'asc' },
    });
    expect(sent[0]?.url).toBe(
      '/api/admin/sessions?limit=50&cursor=abc%3D&search=ana+%26+co&userId=usr_1&applicationId=web&status=expired&sort=expiresAt&direction=asc',
    );
  });

  it('getSessionStats() needs no argument', async () => {
    const wire = fakeFetch({
      status: 200,
      body: { totalActive: 3, uniqueUsers: 2, expired: 1, startedToday: 1 },
    });
    const provider = createRestAdminSessionsProvider({ baseUrl: '/api/', fetch: wire.fetch });
    await expect(provider.getSessionStats()).resolves.toEqual({
      totalActive: 3,
      uniqueUsers: 2,
      expired: 1,
      startedToday: 1,
    });
    expect(wire.sent[0]?.url).toBe('/api/admin/stats');
  });
});

describe('REST adapter factories: a wrong setup fails at once, where it was written', () => {
  it("createRestSessionsProvider('/api') says to pass { baseUrl }", () => {
    expect(() => createRestSessionsProvider('/api' as never)).toThrow(
      new TypeError(
        "createRestSessionsProvider expects { baseUrl }, got a string — call createRestSessionsProvider({ baseUrl: '/api' }).",
      ),
    );
  });

  it('no baseUrl', () => {
    expect(() => createRestAdminSessionsProvider({} as never)).toThrow(
      "createRestAdminSessionsProvider needs { baseUrl }, e.g. createRestAdminSessionsProvider({ baseUrl: '/api' }).",
    );
  });

  it.each([0, -1, Number.NaN])('timeoutMs: %s', (timeoutMs) => {
    expect(() => createRestSessionsProvider({ baseUrl: '/api', timeoutMs })).toThrow(
      'createRestSessionsProvider: timeoutMs must be a positive number of milliseconds (or Infinity for none).',
    );
  });
});

describe('REST adapters: a count that is not one', () => {
  it.each([{ revokedCount: -1 }, { revokedCount: 1.5 }, { revokedCount: '2' }, {}])(
    'revoke-others answering %j is INVALID_RESPONSE naming the request (the UI never shows a made-up count)',
    async (body) => {
      const wire = fakeFetch({ status: 200, body });
      const api = createRestSessionsProvider({ baseUrl: '/api', fetch: wire.fetch, csrf: false });
      await expect(api.revokeOtherSessions()).rejects.toMatchObject({
        code: 'INVALID_RESPONSE',
        message: 'POST /sessions/revoke-others did not report how many sessions it signed out.',
      });
    },
  );
});
