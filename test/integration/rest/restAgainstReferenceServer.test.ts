import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from '../../../examples/server/createApp.js';
import { type Db, openDb } from '../../../examples/server/db.js';
import { DEMO_CREDENTIALS, seedDemo } from '../../../examples/server/seed.js';
import type { SessionsDataProvider } from '../../../src/provider/types.js';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import { cookieJarFetch } from '../helpers/cookieJarFetch.js';

const { email, password } = DEMO_CREDENTIALS.user;
let db: Db;
let url: string;
let close: () => Promise<void>;

async function start(options: Partial<AppOptions> = {}) {
  db = openDb(':memory:');
  await seedDemo(db, Date.now(), 2);
  const { app } = createApp({ db, ...options });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A device: its own cookie jar and user agent, signed in through the demo's auth endpoints. */
async function device(userAgent: string, who: { email: string; password: string } = { email, password }) {
  const browser = cookieJarFetch(url, userAgent);
  await browser.fetch('/api/csrf');
  const response = await browser.fetch('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': browser.csrfToken() ?? '' },
    body: JSON.stringify(who),
  });
  expect(response.status).toBe(200);
  const provider = createRestSessionsProvider({
    baseUrl: `${url}/api`,
    fetch: browser.fetch,
    csrf: () => browser.csrfToken(),
    passwordRequirements: {
      revokeSession: 'required',
      revokeOtherSessions: 'required',
      revokeAllSessions: 'required',
    },
  });
  return { provider, browser };
}

const list = (provider: SessionsDataProvider) =>
  provider.listSessions?.({ signal: new AbortController().signal }) ?? Promise.reject(new Error('no list'));

beforeEach(() => start());
afterEach(async () => {
  await close();
  db.close();
});

describe('REST adapter against the reference server over loopback HTTP', () => {
  it('lists both devices with the current one marked, and never a token', async () => {
    const a = await device('Device A');
    await device('Device B');
    const { sessions, currentSessionId } = await list(a.provider);
    const mine = sessions.filter((s) => s.userAgent === 'Device A' || s.userAgent === 'Device B');
    expect(mine.map((s) => s.userAgent).sort()).toEqual(['Device A', 'Device B']);
    expect(sessions.find((s) => s.id === currentSessionId)?.userAgent).toBe('Device A');
    const tokens = db.prepare('SELECT token_hash FROM profilekit_sessions').all() as { token_hash: string }[];
    const cookie = a.browser.jar.get('pk_session') ?? '';
    const body = JSON.stringify(sessions);
    expect(cookie).not.toBe('');
    expect(body).not.toContain(cookie);
    for (const { token_hash } of tokens) expect(body).not.toContain(token_hash);
  });

  it("a revoked device's next request is refused at once (401 → UNAUTHORIZED)", async () => {
    const a = await device('Device A');
    const b = await device('Device B');
    const { sessions } = await list(a.provider);
    const target = sessions.find((s) => s.userAgent === 'Device B');
    await a.provider.revokeSession?.({ sessionId: target?.id ?? '', password });
    await expect(list(b.provider)).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it("answers NOT_FOUND for an unknown id or another user's session, and deletes nothing", async () => {
    const a = await device('Device A');
    const admin = await device('Admin', DEMO_CREDENTIALS.admin);
    const { currentSessionId: adminSession } = await list(admin.provider);
    const before = (db.prepare('SELECT count(*) AS n FROM profilekit_sessions').get() as { n: number }).n;
    await expect(a.provider.revokeSession?.({ sessionId: 'ses_nope', password })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    await expect(
      a.provider.revokeSession?.({ sessionId: String(adminSession), password }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((db.prepare('SELECT count(*) AS n FROM profilekit_sessions').get() as { n: number }).n).toBe(
      before,
    );
  });

  it('revoke-others and revoke-all report how many sessions ended', async () => {
    const a = await device('Device A');
    await device('Device B');
    const { sessions } = await list(a.provider);
    await expect(a.provider.revokeOtherSessions?.({ password })).resolves.toEqual({
      revokedCount: sessions.length - 1,
    });
    expect((await list(a.provider)).sessions).toHaveLength(1);
    await expect(a.provider.revokeAllSessions?.({ password })).resolves.toEqual({ revokedCount: 1 });
    await expect(list(a.provider)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a wrong password revokes nothing (422 → INVALID_PASSWORD); five of them → 429 with Retry-After', async () => {
    const a = await device('Device A');
    const { sessions } = await list(a.provider);
    for (let i = 0; i < 5; i++) {
      await expect(a.provider.revokeOtherSessions?.({ password: 'wrong' })).rejects.toMatchObject({
        code: 'INVALID_PASSWORD',
        status: 422,
      });
    }
    expect((await list(a.provider)).sessions).toHaveLength(sessions.length);
    const limited = a.provider.revokeOtherSessions?.({ password });
    await expect(limited).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const error = await limited?.catch((e: { retryAfter?: number }) => e);
    expect((error as { retryAfter?: number }).retryAfter).toBeGreaterThan(0);
  });

  it('refuses an unsafe request without the CSRF header (403 → FORBIDDEN)', async () => {
    const a = await device('Device A');
    const noCsrf = createRestSessionsProvider({ baseUrl: `${url}/api`, fetch: a.browser.fetch, csrf: false });
    await expect(noCsrf.revokeOtherSessions?.({ password })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
  });

  it('answers 400 to a malformed body', async () => {
    const a = await device('Device A');
    const response = await a.browser.fetch('/api/sessions/revoke-others', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': a.browser.csrfToken() ?? '' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'UNKNOWN' });
  });

  it('signs this device out, and stores passwords only as scrypt hashes', async () => {
    const a = await device('Device A');
    await a.provider.signOut?.();
    await expect(list(a.provider)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const hashes = db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
    for (const { password_hash } of hashes) {
      expect(password_hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{128}$/);
      expect(password_hash).not.toContain(password);
    }
  });
});

describe('freshness', () => {
  it('asks for a fresh login (403 → REAUTH_REQUIRED) until the password is confirmed', async () => {
    await close();
    db.close();
    // The server's clock is the test's: ten minutes pass in one step, however busy the machine is.
    const clock = { now: Date.now() };
    await start({
      now: () => clock.now,
      sessions: { freshness: { maxAgeMs: 5 * 60_000, actions: ['listSessions'] } },
    });
    const a = await device('Device A');
    clock.now += 10 * 60_000;
    await expect(list(a.provider)).rejects.toMatchObject({ code: 'REAUTH_REQUIRED', status: 403 });
    await expect(a.provider.reauthenticate?.({ password: 'wrong' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    await a.provider.reauthenticate?.({ password });
    await expect(list(a.provider)).resolves.toMatchObject({ currentSessionId: expect.any(String) });
  });
});
