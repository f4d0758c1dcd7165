// profilekit/next/server's promises to a Next.js app (issue 22): setup once per process however often the
// module is evaluated, never before a request needs it (so `next build` opens nothing), tried again after
// a failure; the session and the rows of the request being rendered, read through headers().
import type { DehydratedState } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNextSessions } from '../../src/next/server/createNextSessions.js';
import { createMemorySessionStore, createSessionManager } from '../../src/server/index.js';

/** What `headers()` answers for the request being rendered; null is a build's prerender (it throws). */
let rendered: Headers | null = null;
vi.mock('next/headers', () => ({
  headers: async () => {
    if (!rendered) throw new Error('Dynamic server usage: headers() during prerendering');
    return rendered;
  },
}));

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
let appName = 0;

/** An app's lib/sessions.ts, evaluated afresh each call (as Next.js does), counting its setups. */
function evaluateModule(name: string, setups: { count: number }, fail = false) {
  return createNextSessions({
    name,
    setup: () => {
      setups.count += 1;
      if (fail && setups.count === 1) throw new Error('database not reachable yet');
      const manager = createSessionManager({ store: createMemorySessionStore(), cookie: { secure: false } });
      return { manager, handler: { verifyPassword: () => true } };
    },
  });
}

async function signedInCookie(sessions: ReturnType<typeof evaluateModule>) {
  const { manager } = await sessions.parts();
  const { setCookie } = await manager.signIn({
    userId: 'u_ana',
    request: new Request('http://app.test/login', { headers: { 'user-agent': CHROME } }),
  });
  return setCookie.split(';')[0] as string;
}

beforeEach(() => {
  rendered = null;
  appName += 1;
});

describe('createNextSessions', () => {
  it('builds once per process however many times the module is evaluated', async () => {
    const setups = { count: 0 };
    const first = evaluateModule(`app${appName}`, setups);
    const second = evaluateModule(`app${appName}`, setups);
    expect(setups.count).toBe(0); // nothing at import
    const [a, b] = await Promise.all([first.parts(), second.parts()]);
    expect(a).toBe(b);
    expect(setups.count).toBe(1);
    expect((await second.GET(new Request('http://app.test/api/csrf'))).status).toBe(204);
  });

  it('opens nothing while `next build` prerenders a page (headers() throws first)', async () => {
    const setups = { count: 0 };
    const sessions = evaluateModule(`app${appName}`, setups);
    await expect(sessions.currentSession()).rejects.toThrow('Dynamic server usage');
    await expect(sessions.prefetch({ userId: 'u_ana' })).rejects.toThrow('Dynamic server usage');
    expect(setups.count).toBe(0);
  });

  it('tries a failed setup again on the next request', async () => {
    const setups = { count: 0 };
    const sessions = evaluateModule(`app${appName}`, setups, true);
    await expect(sessions.parts()).rejects.toThrow('database not reachable yet');
    await expect(sessions.parts()).resolves.toHaveProperty('manager');
    expect(setups.count).toBe(2);
  });

  it("reads the rendered request's session, and prefetches exactly its rows through the contract", async () => {
    const sessions = evaluateModule(`app${appName}`, { count: 0 });
    const cookie = await signedInCookie(sessions);
    rendered = new Headers({ host: 'app.test', 'user-agent': CHROME });
    expect(await sessions.currentSession()).toBeNull();

    rendered = new Headers({ host: 'app.test', 'user-agent': CHROME, cookie });
    const session = await sessions.currentSession();
    expect(session?.userId).toBe('u_ana');
    const state: DehydratedState = await sessions.prefetch({ userId: 'u_ana' });
    const list = state.queries.find((query) => JSON.stringify(query.queryKey).includes('u_ana'));
    expect(list?.state.status).toBe('success');
    expect(JSON.stringify(list?.state.data)).toContain(session?.session.id);
    // The in-process provider is the browser's REST adapter: the same wire, the same answers.
    const listed = await (await sessions.dataProvider()).listSessions?.({
      signal: new AbortController().signal,
    });
    expect(listed).toMatchObject({ sessions: [{ id: session?.session.id, isCurrent: true }] });
  });

  it("acts for the rendered request too (a server action's sign-out passes the contract's CSRF check)", async () => {
    const sessions = evaluateModule(`app${appName}`, { count: 0 });
    const cookie = await signedInCookie(sessions);
    // A server action's POST: its own body headers, which must not reach the in-process call.
    rendered = new Headers({
      host: 'app.test',
      cookie,
      'content-type': 'text/plain',
      'content-length': '999',
    });
    await (await sessions.dataProvider()).signOut?.();
    expect(await sessions.currentSession()).toBeNull();
  });
});
