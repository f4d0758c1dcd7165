import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { type SessionStore, StoreUnavailableError } from 'profilekit/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallResult, createHarness, type Device, MINUTE, UA, USERS } from './harness.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

// Everything printed to the console during a test, as text (errors with their stacks).
let printed: string[] = [];
beforeEach(() => {
  printed = [];
  for (const method of CONSOLE_METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(inspect(args, { depth: 10 }));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every place a response could carry a secret: its status line aside, each header and the body. */
const exposedText = (res: CallResult) =>
  [...res.headers].map(([name, value]) => `${name}: ${value}`).concat(res.text);

/** The secrets of a set of devices: each token and each stored hash of one. */
const secretsOf = (devices: Device[]) => devices.flatMap((d) => [d.token, sha256(d.token)]);

/** A store whose methods can be made to throw on demand, as a database going away would. */
function breakableStore(store: SessionStore) {
  const broken = new Map<string, Error>();
  const wrapped = new Proxy(store, {
    get(target, key: string) {
      const error = broken.get(key);
      if (error) return async () => Promise.reject(error);
      const original = target[key as keyof SessionStore] as ((...args: unknown[]) => unknown) | undefined;
      return typeof original === 'function' ? original.bind(target) : original;
    },
  });
  return { wrapped, broken };
}

describe('the session token stays a secret', () => {
  it('appears in no response header or body across a whole flow, only in the sign-in Set-Cookie', async () => {
    const onError = vi.fn();
    const h = createHarness({
      handler: { onError, freshness: { maxAgeMs: 5 * MINUTE, actions: ['revokeAllSessions'] } },
    });
    const ana = await h.device('ana', UA.chromeMac, '203.0.113.1');
    const anaPhone = await h.device('ana', UA.safariIphone, '203.0.113.2');
    const anaTablet = await h.device('ana', UA.firefoxWindows);
    const bob = await h.device('bob');
    const cy = await h.device('cy');
    const devices = [ana, anaPhone, anaTablet, bob, cy];
    const password = { password: USERS.ana.password };

    await h.call(ana, 'GET', '/api/sessions');
    await h.call(bob, 'GET', '/api/sessions');
    const page = await h.call(ana, 'GET', '/api/admin/sessions?limit=2');
    await h.call(
      ana,
      'GET',
      `/api/admin/sessions?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`,
    );
    await h.call(ana, 'GET', '/api/admin/sessions?search=203.0.113');
    await h.call(ana, 'GET', `/api/admin/sessions/${bob.sessionId}`);
    await h.call(ana, 'GET', '/api/admin/stats');
    await h.call(bob, 'GET', '/api/admin/stats');
    await h.call(ana, 'POST', `/api/sessions/${bob.sessionId}/revoke`, password);
    await h.call(ana, 'POST', '/api/sessions/revoke-others', { password: 'wrong' });
    await h.call(ana, 'POST', '/api/sessions/revoke-others', '{not json');
    await h.call(ana, 'POST', '/api/sessions/revoke-others', {}, { csrf: false });
    await h.call(ana, 'POST', `/api/sessions/${anaTablet.sessionId}/revoke`, password);
    await h.call(anaTablet, 'GET', '/api/sessions');
    h.advance(10 * MINUTE);
    await h.call(ana, 'POST', '/api/sessions/revoke-all', password);
    await h.call(ana, 'POST', '/api/sessions/reauthenticate', password);
    await h.call(ana, 'POST', `/api/admin/users/${USERS.cy.id}/revoke-sessions`, {});
    await h.call(cy, 'GET', '/api/sessions');
    await h.call(ana, 'POST', '/api/sessions/revoke-all', password);
    await h.call(ana, 'GET', '/api/sessions');
    await h.call(anaPhone, 'POST', '/api/sessions/sign-out');
    await h.call(anaPhone, 'GET', '/api/nowhere');

    // The flow reached every kind of answer, so "nothing leaked" covers them all.
    const statuses = new Set(h.responses.map((r) => r.status));
    expect([...statuses].sort()).toEqual([200, 204, 400, 401, 403, 404, 422]);
    const secrets = secretsOf(devices);
    for (const res of h.responses) {
      for (const text of exposedText(res)) for (const secret of secrets) expect(text).not.toContain(secret);
    }
    // The check itself can see a token where one is: the sign-in cookie carries it.
    const { setCookie } = await h.manager.signIn({ userId: USERS.ana.id, request: new Request('http://x/') });
    expect(setCookie).toMatch(/^pk_session=[A-Za-z0-9_-]{43};/);
    expect(onError).not.toHaveBeenCalled();
    expect(printed).toEqual([]);
  });

  it.each([
    ['listUserSessions', new Error('disk I/O error'), 500, 'UNKNOWN'],
    [
      'findByTokenHash',
      // A store says its database cannot be reached with StoreUnavailableError (the SQL drivers wrap
      // SQLITE_BUSY and connection errors in it).
      new StoreUnavailableError('database is locked'),
      503,
      'UNAVAILABLE',
    ],
  ] as const)(
    'answers a bare {code,message} when %s throws, and logs no secret',
    async (method, error, status, code) => {
      const onError = vi.fn();
      let store: ReturnType<typeof breakableStore> | undefined;
      const h = createHarness({
        wrapStore: (s) => {
          store = breakableStore(s);
          return store.wrapped;
        },
        handler: { onError },
      });
      const ana = await h.device('ana');
      store?.broken.set(method, error);
      const res = await h.call(ana, 'GET', '/api/sessions');
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ code, message: expect.any(String) });
      // The message is the handler's own: not the store's, and no stack.
      expect(res.text).not.toContain(error.message);
      expect(res.text).not.toMatch(/\bat\s|\.ts:|node_modules/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(onError).toHaveBeenCalledExactlyOnceWith(error);
      const logged = inspect(onError.mock.calls, { depth: 10 });
      for (const text of [...exposedText(res), logged, ...printed]) {
        for (const secret of secretsOf([ana])) expect(text).not.toContain(secret);
      }
    },
  );

  it('logs a store failure to console.error by default, without the token or the cookie', async () => {
    let store: ReturnType<typeof breakableStore> | undefined;
    const h = createHarness({
      wrapStore: (s) => {
        store = breakableStore(s);
        return store.wrapped;
      },
    });
    const ana = await h.device('ana');
    store?.broken.set('deleteUserSessions', new Error('no such table: profilekit_sessions'));
    const res = await h.call(ana, 'POST', '/api/sessions/revoke-others', { password: USERS.ana.password });
    expect([res.status, res.body.code]).toEqual([500, 'UNKNOWN']);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'message']);
    expect(console.error).toHaveBeenCalledOnce();
    expect(printed.join('\n')).toContain('no such table');
    for (const text of [...exposedText(res), ...printed]) {
      for (const secret of secretsOf([ana])) expect(text).not.toContain(secret);
      expect(text).not.toContain(ana.jar.header());
    }
    // Nothing was revoked by the failed request, and the session still works.
    expect(h.liveIds('ana')).toEqual([ana.sessionId]);
    store?.broken.clear();
    expect((await h.call(ana, 'GET', '/api/sessions')).status).toBe(200);
  });
});
