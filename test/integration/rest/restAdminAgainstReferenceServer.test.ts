import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../examples/server/createApp.js';
import { type Db, openDb } from '../../../examples/server/db.js';
import { DEMO_CREDENTIALS, seedDemo } from '../../../examples/server/seed.js';
import type { AdminSessionsDataProvider } from '../../../src/admin/provider/types.js';
import { createRestAdminSessionsProvider } from '../../../src/rest/createRestAdminSessionsProvider.js';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import { cookieJarFetch } from '../helpers/cookieJarFetch.js';

let db: Db;
let url: string;
let server: ReturnType<typeof serve>;
const signal = () => new AbortController().signal;

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

async function signIn(who: { email: string; password: string }, userAgent = 'Admin browser') {
  const browser = cookieJarFetch(url, userAgent);
  await browser.fetch('/api/csrf');
  const response = await browser.fetch('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': browser.csrfToken() ?? '' },
    body: JSON.stringify(who),
  });
  expect(response.status).toBe(200);
  const options = { baseUrl: `${url}/api`, fetch: browser.fetch, csrf: () => browser.csrfToken() };
  return {
    admin: createRestAdminSessionsProvider(options) as Required<AdminSessionsDataProvider>,
    user: createRestSessionsProvider(options),
  };
}
const count = (sql: string, params: unknown[] = []) => (db.prepare(sql).get(...params) as { n: number }).n;

describe('admin endpoints of the reference server, through the REST admin adapter', () => {
  it('pages every active session by cursor, in order, with an exact total and no repeats', async () => {
    const { admin } = await signIn(DEMO_CREDENTIALS.admin);
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    do {
      const page = await admin.listAllSessions({ signal: signal(), limit: 50, cursor });
      total = page.total;
      seen.push(...page.sessions.map((s) => s.id));
      const times = page.sessions.map((s) => Date.parse(String(s.lastActiveAt)));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(total).toBe(
      count('SELECT count(*) AS n FROM profilekit_sessions WHERE expires_at > ?', [Date.now()]),
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
  });

  it('searches, filters by user, application and status, and sorts ascending', async () => {
    const { admin } = await signIn(DEMO_CREDENTIALS.admin);
    const bySearch = await admin.listAllSessions({
      signal: signal(),
      limit: 100,
      search: 'user7@example.org',
    });
    expect(bySearch.sessions.length).toBeGreaterThan(0);
    expect(bySearch.sessions.every((s) => s.user.email === 'user7@example.org')).toBe(true);
    const userId = bySearch.sessions[0]?.user.id ?? '';
    const byUser = await admin.listAllSessions({ signal: signal(), limit: 100, userId });
    expect(byUser.total).toBe(
      count('SELECT count(*) AS n FROM profilekit_sessions WHERE user_id = ? AND expires_at > ?', [
        userId,
        Date.now(),
      ]),
    );
    const mobile = await admin.listAllSessions({ signal: signal(), limit: 1000, applicationId: 'mobile' });
    expect(mobile.sessions.every((s) => s.applicationId === 'mobile')).toBe(true);
    const expired = await admin.listAllSessions({ signal: signal(), limit: 1000, status: 'expired' });
    expect(expired.total).toBe(
      count('SELECT count(*) AS n FROM profilekit_sessions WHERE expires_at <= ?', [Date.now()]),
    );
    const oldest = await admin.listAllSessions({
      signal: signal(),
      limit: 20,
      sort: { field: 'createdAt', direction: 'asc' },
    });
    const created = oldest.sessions.map((s) => Date.parse(String(s.createdAt)));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    // The indexed search finds exactly what a plain substring scan finds, case-insensitively, and so do
    // searches too short for the index.
    const scan = (text: string) =>
      count(
        `SELECT count(*) AS n FROM profilekit_sessions s JOIN users u ON u.id = s.user_id WHERE s.expires_at > ?
         AND (instr(lower(u.email), ?) OR instr(lower(coalesce(u.name, '')), ?)
           OR instr(lower(coalesce(s.ip_address, '')), ?) OR instr(lower(coalesce(s.user_agent, '')), ?))`,
        [Date.now(), ...Array(4).fill(text.toLowerCase())],
      );
    for (const text of ['USER1', 'Firefox', '203.0.7', 'r4', 'ipad']) {
      const found = await admin.listAllSessions({ signal: signal(), limit: 1, search: text });
      expect({ text, total: found.total }).toEqual({ text, total: scan(text) });
    }
    // A LIKE wildcard in the search is taken literally.
    expect((await admin.listAllSessions({ signal: signal(), limit: 5, search: '%' })).total).toBe(0);
  });

  it('reports stats equal to a direct SQL count on the same database', async () => {
    const { admin } = await signIn(DEMO_CREDENTIALS.admin);
    const now = Date.now();
    const stats = await admin.getSessionStats({});
    expect(stats).toEqual({
      totalActive: count('SELECT count(*) AS n FROM profilekit_sessions WHERE expires_at > ?', [now]),
      uniqueUsers: count(
        'SELECT count(DISTINCT user_id) AS n FROM profilekit_sessions WHERE expires_at > ?',
        [now],
      ),
      expired: count('SELECT count(*) AS n FROM profilekit_sessions WHERE expires_at <= ?', [now]),
      startedToday: count('SELECT count(*) AS n FROM profilekit_sessions WHERE created_at >= ?', [
        new Date(now).setHours(0, 0, 0, 0),
      ]),
    });
  });

  it("signs out every session of a user: each of them gets 401 at once; one session's details go NOT_FOUND", async () => {
    const { admin } = await signIn(DEMO_CREDENTIALS.admin);
    const ana1 = await signIn(DEMO_CREDENTIALS.user, 'Ana laptop');
    const ana2 = await signIn(DEMO_CREDENTIALS.user, 'Ana phone');
    const anaId = (
      db.prepare('SELECT id FROM users WHERE email = ?').get(DEMO_CREDENTIALS.user.email) as { id: string }
    ).id;
    const before = count(
      'SELECT count(*) AS n FROM profilekit_sessions WHERE user_id = ? AND expires_at > ?',
      [anaId, Date.now()],
    );
    await expect(admin.revokeUserSessions({ userId: anaId })).resolves.toEqual({ revokedCount: before });
    for (const device of [ana1, ana2]) {
      await expect(device.user.listSessions?.({ signal: signal() })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    const someone = (await admin.listAllSessions({ signal: signal(), limit: 5 })).sessions.find(
      (s) => !s.isCurrent,
    );
    expect(someone?.tokenPreview).toMatch(/^[A-Za-z0-9_-]{8}$/);
    await admin.revokeAnySession({ sessionId: someone?.id ?? '' });
    await expect(admin.getSession({ sessionId: someone?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(admin.revokeAnySession({ sessionId: someone?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('answers 403 FORBIDDEN to a non-admin on every admin endpoint', async () => {
    const { admin } = await signIn(
      { email: 'user3@example.org', password: 'filler password' },
      'Not an admin',
    );
    const calls: (() => Promise<unknown>)[] = [
      () => admin.listAllSessions({ signal: signal(), limit: 10 }),
      () => admin.getSession({ sessionId: 'anything' }),
      () => admin.revokeAnySession({ sessionId: 'anything' }),
      () => admin.revokeUserSessions({ userId: 'anything' }),
      () => admin.getSessionStats({}),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
