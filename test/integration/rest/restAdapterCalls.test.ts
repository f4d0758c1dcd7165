import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../examples/server/createApp.js';
import { type Db, openDb } from '../../../examples/server/db.js';
import { DEMO_CREDENTIALS, seedDemo } from '../../../examples/server/seed.js';
import { createRestAdminSessionsProvider } from '../../../src/rest/createRestAdminSessionsProvider.js';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import { cookieJarFetch } from '../helpers/cookieJarFetch.js';

/**
 * How the REST adapters are called, against the reference server over loopback HTTP, in Node — where
 * there is no `document`, as on a server, in a script or in React Native: no argument where none is
 * needed, left-out params that stay left out, wrong calls that never reach the server, and the default
 * CSRF setting explaining itself when it cannot work.
 */
let db: Db;
let url: string;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  db = openDb(':memory:');
  await seedDemo(db, Date.now(), 60);
  const { app } = createApp({ db });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.close();
});

/** A signed-in device whose fetch keeps cookies and records every URL the adapter asked for. */
async function signIn(who: { email: string; password: string }) {
  const browser = cookieJarFetch(url, 'Adapter calls');
  await browser.fetch('/api/csrf');
  const response = await browser.fetch('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': browser.csrfToken() ?? '' },
    body: JSON.stringify(who),
  });
  expect(response.status).toBe(200);
  const sent: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}${new URL(String(input)).search}`);
    return browser.fetch(input, init);
  };
  return { browser, fetch, sent, baseUrl: `${url}/api` };
}

describe('REST adapters called as a host would, against the reference server', () => {
  it('listSessions() with no argument lists the caller’s sessions', async () => {
    const { fetch, sent, baseUrl, browser } = await signIn(DEMO_CREDENTIALS.user);
    const provider = createRestSessionsProvider({ baseUrl, fetch, csrf: () => browser.csrfToken() });
    const { sessions, currentSessionId } = await provider.listSessions();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((s) => s.id)).toContain(currentSessionId);
    expect(sent).toEqual(['GET /api/sessions']);
  });

  it('listAllSessions() with no limit gets the server’s page size, and sends no `undefined`', async () => {
    const { fetch, sent, baseUrl, browser } = await signIn(DEMO_CREDENTIALS.admin);
    const admin = createRestAdminSessionsProvider({ baseUrl, fetch, csrf: () => browser.csrfToken() });
    const page = await admin.listAllSessions({ cursor: undefined, search: undefined });
    expect(page.sessions.length).toBeGreaterThan(0);
    expect(page.total).toBeGreaterThanOrEqual(page.sessions.length);
    const next = await admin.listAllSessions({ cursor: page.nextCursor ?? undefined, userId: undefined });
    expect(next.sessions.map((s) => s.id)).not.toContain(page.sessions[0]?.id);
    expect(sent[0]).toBe('GET /api/admin/sessions');
    for (const request of sent) expect(request).not.toContain('undefined');
  });

  it('a wrong call never reaches the server, and revokes nothing', async () => {
    const { fetch, sent, baseUrl, browser } = await signIn(DEMO_CREDENTIALS.admin);
    const options = { baseUrl, fetch, csrf: () => browser.csrfToken() };
    const user = createRestSessionsProvider(options);
    const admin = createRestAdminSessionsProvider(options);
    const before = (await user.listSessions()).sessions.map((s) => s.id);
    sent.length = 0;
    const [first] = before;
    await expect(user.revokeSession(first as never)).rejects.toMatchObject({
      code: 'UNKNOWN',
      message: `revokeSession expects { sessionId, password? }, got a string — call revokeSession({ sessionId: '${first}' }).`,
    });
    await expect(admin.revokeUserSessions('usr_1' as never)).rejects.toMatchObject({
      code: 'UNKNOWN',
      message:
        "revokeUserSessions expects { userId }, got a string — call revokeUserSessions({ userId: 'usr_1' }).",
    });
    expect(sent).toEqual([]);
    expect((await user.listSessions()).sessions.map((s) => s.id)).toEqual(before);
  });

  it('the default CSRF outside a browser: the refused POST says why and what to pass', async () => {
    const { fetch, baseUrl } = await signIn(DEMO_CREDENTIALS.user);
    const provider = createRestSessionsProvider({ baseUrl, fetch });
    const before = (await provider.listSessions()).sessions.length;
    await expect(
      provider.revokeOtherSessions({ password: DEMO_CREDENTIALS.user.password }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      message: expect.stringMatching(
        /^POST \/sessions\/revoke-others was refused \(403\) and carried no CSRF token: there is no document here .*Pass csrf: \(\) => token/,
      ),
    });
    expect((await provider.listSessions()).sessions).toHaveLength(before);
  });
});
