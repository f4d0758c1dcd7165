/**
 * createHostSessions' store over profilekit's stores, called as express-session calls it (the real
 * express-session's Store class underneath), with a controllable clock: what the session rows, the log and
 * the host's next request see.
 */
import Database from 'better-sqlite3';
import session from 'express-session';
import {
  createHostSessions,
  createMemorySessionStore,
  type HostSessionData,
  requireSession,
  type SessionStore,
} from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import { describe, expect, it } from 'vitest';

const T0 = Date.UTC(2026, 0, 15, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SID = 'u5bGJ6k0yQ2c8Xz1pW3nR7tV9mA4sD6f'; // express-session's ids are 32 characters of base64url
const LAPTOP =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15';

function setup(store: SessionStore = createMemorySessionStore()) {
  let now = T0;
  const sessions = createHostSessions({ store, now: () => now, cookie: { secure: false } });
  // express-session's own calls, with its callbacks: the Store's typed SessionData aside.
  const express = sessions.expressStore(session) as unknown as {
    get(id: string, done: (error: unknown, data?: HostSessionData | null) => void): void;
    set(id: string, data: HostSessionData, done: (error?: unknown) => void): void;
    touch(id: string, data: HostSessionData, done: (error?: unknown) => void): void;
    destroy(id: string, done: (error?: unknown) => void): void;
  };
  const call = <Result>(run: (done: (error?: unknown, result?: Result) => void) => void) =>
    new Promise<Result | undefined>((resolve, reject) =>
      run((error, result) => (error ? reject(error) : resolve(result))),
    );
  return {
    sessions,
    advance: (ms: number) => {
      now += ms;
    },
    get: (id: string) => call<HostSessionData | null>((done) => express.get(id, done)),
    set: (id: string, data: HostSessionData) => call((done) => express.set(id, data, done)),
    touch: (id: string, data: HostSessionData) => call((done) => express.touch(id, data, done)),
    destroy: (id: string) => call((done) => express.destroy(id, done)),
  };
}

/** express-session's session as it reaches a store: its cookie, Passport's user, the request out of its JSON. */
function signedIn(user: string | number | null, { expires = T0 + 30 * 86_400_000, agent = LAPTOP } = {}) {
  const data: HostSessionData = {
    cookie: { originalMaxAge: 30 * 86_400_000, expires: new Date(expires), httpOnly: true, path: '/' },
    ...(user === null ? {} : { passport: { user } }),
  };
  Object.defineProperty(data, 'req', {
    value: { headers: { 'user-agent': agent }, socket: { remoteAddress: '198.51.100.7' } },
    enumerable: false,
  });
  return data;
}

describe('createHostSessions: express-session over profilekit stores', () => {
  it('lists a signed-in session with its device, and serves its data back until it is ended', async () => {
    const host = setup();
    await host.set(SID, signedIn('usr_ana'));
    const [row] = await host.sessions.manager.listSessions('usr_ana');
    expect(row).toMatchObject({
      userId: 'usr_ana',
      ipAddress: '198.51.100.7',
      device: { browser: 'Safari', os: 'macOS' },
      expiresAt: T0 + 30 * 86_400_000,
    });
    expect(await host.get(SID)).toMatchObject({ passport: { user: 'usr_ana' } });

    await host.sessions.manager.revokeSession({ userId: 'usr_ana', sessionId: row?.id ?? '' });
    expect(await host.get(SID)).toBeNull();
  });

  it('does not write back a session that was ended while its own request was still running', async () => {
    const host = setup();
    await host.set(SID, signedIn('usr_ana'));
    expect(await host.get(SID)).not.toBeNull(); // the device's request starts…
    const [row] = await host.sessions.manager.listSessions('usr_ana');
    await host.sessions.manager.revokeSession({ userId: 'usr_ana', sessionId: row?.id ?? '' });
    await host.set(SID, { ...signedIn('usr_ana'), cart: ['book'] }); // …and saves its changes after the revoke
    expect(await host.sessions.manager.listSessions('usr_ana')).toEqual([]);
    expect(await host.get(SID)).toBeNull();
  });

  it('does not start an ended session again from a request that loaded it before its end, after another request read it', async () => {
    const host = setup();
    await host.set(SID, signedIn('usr_ana'));
    expect(await host.get(SID)).not.toBeNull(); // request A loads the session…
    const [row] = await host.sessions.manager.listSessions('usr_ana');
    await host.sessions.manager.revokeSession({ userId: 'usr_ana', sessionId: row?.id ?? '' });
    expect(await host.get(SID)).toBeNull(); // …request B of that device finds it ended…
    await host.set(SID, signedIn('usr_ana')); // …and A saves (as @fastify/session does on every request)
    await host.touch(SID, signedIn('usr_ana'));
    expect(await host.sessions.manager.listSessions('usr_ana')).toEqual([]);
    expect(await host.get(SID)).toBeNull();
  });

  it("does not sign a session in again from a request that loaded it before Passport's logout", async () => {
    const host = setup();
    await host.set(SID, signedIn('usr_ana'));
    const loaded = await host.get(SID); // request A loads the session…
    await host.set(SID, { ...signedIn(null), passport: {} }); // …request B logs out: its data emptied,
    await host.destroy(SID); // then regenerated (the old id destroyed)…
    await host.set(SID, loaded ?? {}); // …and A saves the session it loaded
    expect(await host.sessions.manager.listSessions('usr_ana')).toEqual([]);
    expect(await host.get(SID)).toBeNull();
  });

  it("ends the row when Passport's logout empties the session, and when the host destroys it", async () => {
    const host = setup();
    await host.set(SID, signedIn('usr_ana'));
    host.advance(MINUTE);
    await host.set(SID, { ...signedIn(null), passport: {} });
    expect(await host.sessions.manager.listSessions('usr_ana')).toEqual([]);
    expect(await host.get(SID)).toEqual({ cookie: expect.any(Object), passport: {} });

    const other = 'Zr4mX8qP2wL6tN0vB3cJ7hK1yF5dS9gA';
    host.advance(MINUTE);
    await host.set(other, signedIn(7));
    expect(await host.sessions.manager.listSessions('7')).toHaveLength(1);
    host.advance(MINUTE);
    await host.destroy(other);
    expect(await host.sessions.manager.listSessions('7')).toEqual([]);
    expect(await host.get(other)).toBeNull();
    const log = await host.sessions.manager.listActivity({ limit: 10 });
    expect(log.map((entry) => [entry.kind, entry.userId])).toEqual([
      ['signed-out', '7'],
      ['signed-in', '7'],
      ['signed-out', 'usr_ana'],
      ['signed-in', 'usr_ana'],
    ]);
  });

  it("follows the cookie's expiry: a touch moves it, and an expired session reads as none", async () => {
    const host = setup();
    await host.set(SID, signedIn('usr_ana', { expires: T0 + HOUR }));
    host.advance(30 * MINUTE);
    await host.touch(
      SID,
      signedIn('usr_ana', {
        expires: T0 + 90 * MINUTE,
        agent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      }),
    );
    const [row] = await host.sessions.manager.listSessions('usr_ana');
    expect(row).toMatchObject({
      expiresAt: T0 + 90 * MINUTE,
      lastActiveAt: T0 + 30 * MINUTE,
      device: { browser: 'Firefox' },
    });
    host.advance(61 * MINUTE);
    expect(await host.get(SID)).toBeNull();
    expect(await host.sessions.manager.listSessions('usr_ana')).toEqual([]);
  });

  it("finds the session of the host's id, so a password change can sign out every other device", async () => {
    const host = setup();
    const phone = 'Zr4mX8qP2wL6tN0vB3cJ7hK1yF5dS9gA';
    await host.set(SID, signedIn('usr_ana'));
    await host.set(phone, signedIn('usr_ana'));
    const current = await host.sessions.sessionOf(SID);
    expect(current?.userId).toBe('usr_ana');
    await host.sessions.manager.revokeOtherSessions({
      userId: 'usr_ana',
      exceptSessionId: current?.id ?? '',
    });
    expect(await host.get(phone)).toBeNull();
    expect(await host.get(SID)).not.toBeNull();
    expect(await host.sessions.sessionOf(phone)).toBeNull();
  });

  it('writes a save that only rolled the cookie (as @fastify/session saves every request) as no write', async () => {
    const memory = createMemorySessionStore();
    const writes: string[] = [];
    const write = memory.writeHostSession?.bind(memory);
    const counted: SessionStore = {
      ...memory,
      writeHostSession: async (hash, record) => {
        writes.push(record.data);
        await write?.(hash, record);
      },
    };
    const host = setup(counted);
    await host.set(SID, signedIn('usr_ana', { expires: T0 + HOUR }));
    host.advance(10_000);
    await host.set(SID, signedIn('usr_ana', { expires: T0 + HOUR + 10_000 }));
    expect(writes).toHaveLength(1);
    await host.set(SID, { ...signedIn('usr_ana', { expires: T0 + HOUR + 10_000 }), cart: ['book'] });
    expect(writes).toHaveLength(2);
    expect(await host.get(SID)).toMatchObject({ cart: ['book'] });
  });

  it('keeps a browser-session cookie (no expiry) a day after its last use', async () => {
    const host = setup();
    const data = signedIn('usr_ana');
    (data.cookie as { expires: unknown }).expires = null;
    await host.set(SID, data);
    const [row] = await host.sessions.manager.listSessions('usr_ana');
    expect(row?.expiresAt).toBe(T0 + 86_400_000);
  });

  it('carries a session another store kept over (importSession), its device recorded at its next request', async () => {
    const host = setup();
    // connect-pg-simple's `sess` column, as JSON.parse gives it back: the expiry is a string.
    await host.sessions.importSession(SID, {
      cookie: { originalMaxAge: 86_400_000, expires: new Date(T0 + HOUR).toISOString(), path: '/' },
      passport: { user: 'usr_ana' },
    });
    const [imported] = await host.sessions.manager.listSessions('usr_ana');
    expect(imported).toMatchObject({ expiresAt: T0 + HOUR, userAgent: null, device: null });
    host.advance(2 * MINUTE);
    await host.touch(SID, signedIn('usr_ana', { expires: T0 + HOUR }));
    const [used] = await host.sessions.manager.listSessions('usr_ana');
    expect(used).toMatchObject({ device: { browser: 'Safari' }, ipAddress: '198.51.100.7' });
  });

  it('stores the session id only as a hash, and the contract shows an opaque id', async () => {
    const db = new Database(':memory:');
    const host = setup(createSqliteSessionStore(db));
    await host.set(SID, signedIn('usr_ana'));
    const [row] = await host.sessions.manager.listSessions('usr_ana');
    expect(row?.id).toMatch(/^ses_[0-9a-f]{24}$/);
    // The admin's hint of a session is no part of the host's id (a prefix of it would narrow the secret).
    expect(SID.startsWith(row?.tokenPreview ?? '')).toBe(false);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>;
    for (const { name } of tables) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
      expect(dump).not.toContain(SID);
    }
    db.close();
  });

  it('says what to do when the session names its user as a whole object, or the store cannot keep host sessions', async () => {
    const host = setup();
    await expect(host.set(SID, signedIn({ id: 1 } as never))).rejects.toThrow(/userOf/);
    const { readHostSession: _read, ...withoutHostSessions } = createMemorySessionStore();
    expect(() => createHostSessions({ store: withoutHostSessions })).toThrow(/cannot keep host sessions/);
    await expect(
      host.sessions.manager.signIn({ userId: 'usr_ana', request: new Request('http://x/') }),
    ).rejects.toThrow(/host's session system/);
    expect(await host.get('x'.repeat(513))).toBeNull();
    expect(() => requireSession(host.sessions.manager)).toThrow(/req.isAuthenticated/);
  });
});
