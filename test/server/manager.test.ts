import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { createSessionManager, type SessionEvent, setClientAddress } from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import { describe, expect, it } from 'vitest';
import { countedStore, countingStore, createHarness, DAY, MINUTE, T0, UA, USERS } from './harness.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const requestWith = (cookie?: string, userAgent = UA.chromeMac, ip?: string) => {
  const request = new Request('http://localhost/', {
    headers: { 'user-agent': userAgent, ...(cookie ? { cookie } : {}) },
  });
  setClientAddress(request, ip);
  return request;
};
const cookieOf = (token: string) => `pk_session=${token}`;
/** Attributes of a Set-Cookie line, order-free: the contract is which ones, not their order. */
const attributesOf = (line: string) => line.split('; ').slice(1).sort();

describe('signIn', () => {
  it('sets an HttpOnly, Lax, 30-day session cookie carrying a 43-character base64url token', async () => {
    const h = createHarness();
    const { setCookie } = await h.manager.signIn({ userId: USERS.ana.id, request: requestWith() });
    expect(setCookie).toMatch(/^pk_session=[A-Za-z0-9_-]{43}; /);
    expect(attributesOf(setCookie)).toEqual(['HttpOnly', 'Max-Age=2592000', 'Path=/', 'SameSite=Lax']);
  });

  it('marks the cookie Secure unless the host turns it off', async () => {
    const store = createSqliteSessionStore(new Database(':memory:'));
    const manager = createSessionManager({ store });
    const { setCookie } = await manager.signIn({ userId: USERS.ana.id, request: requestWith() });
    expect(attributesOf(setCookie)).toEqual([
      'HttpOnly',
      'Max-Age=2592000',
      'Path=/',
      'SameSite=Lax',
      'Secure',
    ]);
  });

  it('stores only the SHA-256 of the token, plus an 8-character preview', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    const rows = h.db.prepare('SELECT * FROM profilekit_sessions').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    // No column carries the token, whole or as a substring (the preview is a prefix, not the token).
    for (const value of Object.values(row)) expect(String(value)).not.toContain(ana.token);
    expect(row.token_hash).toBe(sha256(ana.token));
    expect(row.token_preview).toBe(ana.token.slice(0, 8));
    expect(row.id).toBe(ana.sessionId);
  });

  it('gives each sign-in a new token and a new id, neither derived from the other', async () => {
    const h = createHarness();
    const first = await h.device('ana');
    const second = await h.device('ana');
    expect(second.token).not.toBe(first.token);
    expect(second.sessionId).not.toBe(first.sessionId);
    for (const d of [first, second]) {
      expect(d.sessionId).not.toContain(d.token);
      expect(d.sessionId).not.toContain(d.token.slice(0, 8));
    }
    expect(h.liveIds('ana')).toEqual([first.sessionId, second.sessionId].sort());
  });

  it('parses the device on the server and keeps it through the store', async () => {
    const h = createHarness();
    const { session } = await h.manager.signIn({ userId: USERS.ana.id, request: requestWith() });
    const stored = await h.store.findById(session.id);
    expect(stored?.device).toEqual({ browser: 'Chrome', os: 'macOS', type: 'desktop' });
    expect(stored?.userAgent).toBe(UA.chromeMac);
  });

  it('stores what resolveLocation answers for the peer IP', async () => {
    const seen: string[] = [];
    const h = createHarness({
      manager: {
        resolveLocation: (ip) => {
          seen.push(ip);
          return { city: 'Lisbon', country: 'Portugal' };
        },
      },
    });
    const ana = await h.device('ana', UA.chromeMac, '203.0.113.9');
    expect(seen).toEqual(['203.0.113.9']);
    const stored = await h.store.findById(ana.sessionId);
    expect(stored?.location).toEqual({ city: 'Lisbon', country: 'Portugal' });
    expect(stored?.ipAddress).toBe('203.0.113.9');
  });

  it('still signs in when resolveLocation throws, leaving the place out', async () => {
    const h = createHarness({
      manager: {
        resolveLocation: () => {
          throw new Error('geo database missing');
        },
      },
    });
    const ana = await h.device('ana', UA.chromeMac, '203.0.113.9');
    const stored = await h.store.findById(ana.sessionId);
    expect(stored?.location).toBeNull();
    expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).not.toBeNull();
  });
});

describe('authenticate', () => {
  it('answers the session its cookie carries', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    const auth = await h.manager.authenticate(requestWith(cookieOf(ana.token)));
    expect(auth).toMatchObject({ userId: USERS.ana.id, session: { id: ana.sessionId } });
  });

  it.each([
    ['no cookie', undefined],
    ['another cookie only', 'theme=dark'],
    ['garbage', 'pk_session=not-a-token'],
    ['one character too long', `pk_session=${'A'.repeat(44)}`],
    ['an overlong value', `pk_session=${'A'.repeat(10_000)}`],
    ['bad percent-encoding', 'pk_session=%E0%A4%A'],
  ])('answers null for %s without touching the store', async (_, cookie) => {
    const counter = countingStore(createSqliteSessionStore(new Database(':memory:')));
    const manager = createSessionManager({ store: counter.store, cookie: { secure: false } });
    expect(await manager.authenticate(requestWith(cookie))).toBeNull();
    expect(counter.calls).toEqual({});
  });

  it('answers null for a well-formed unknown token after one lookup and no write', async () => {
    const counted = countedStore();
    const h = createHarness({ wrapStore: counted.wrapStore });
    await h.device('ana');
    counted.counter.reset();
    expect(await h.manager.authenticate(requestWith(cookieOf('A'.repeat(43))))).toBeNull();
    expect(counted.counter.calls).toEqual({ findByTokenHash: 1 });
  });

  it('ends a session left idle for the idle timeout', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    h.advance(14 * DAY - 1);
    expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).not.toBeNull();
    // That request slid the idle deadline: another 14 days from now, not from sign-in.
    h.advance(14 * DAY - 1);
    expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).not.toBeNull();
    h.advance(14 * DAY);
    expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).toBeNull();
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    for (const at of [10, 20, 29.9]) {
      h.clock.now = T0 + at * DAY;
      expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).not.toBeNull();
    }
    h.clock.now = T0 + 30 * DAY;
    expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).toBeNull();
  });

  it('answers null on the very next request after a revoke', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    expect(await h.manager.revokeSession({ userId: USERS.ana.id, sessionId: ana.sessionId })).toBe(true);
    expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).toBeNull();
  });

  it('writes activity at most once per window, with the latest IP and user agent', async () => {
    let writes = 0;
    const h = createHarness({
      wrapStore: (s) => ({
        ...s,
        recordActivity: (id, activity) => {
          writes += 1;
          return s.recordActivity(id, activity);
        },
      }),
    });
    const ana = await h.device('ana', UA.chromeMac, '203.0.113.1');
    for (let i = 0; i < 100; i++) {
      h.clock.now = T0 + i * 500; // 100 requests within 50 seconds: inside the 1-minute window
      await h.manager.authenticate(requestWith(cookieOf(ana.token), UA.firefoxWindows, '198.51.100.7'));
    }
    expect(writes).toBe(0);
    expect((await h.store.findById(ana.sessionId))?.ipAddress).toBe('203.0.113.1');
    h.clock.now = T0 + MINUTE;
    await h.manager.authenticate(requestWith(cookieOf(ana.token), UA.firefoxWindows, '198.51.100.7'));
    await h.manager.authenticate(requestWith(cookieOf(ana.token), UA.firefoxWindows, '198.51.100.7'));
    expect(writes).toBe(1);
    const stored = await h.store.findById(ana.sessionId);
    expect(stored).toMatchObject({
      ipAddress: '198.51.100.7',
      userAgent: UA.firefoxWindows,
      device: { browser: 'Firefox', os: 'Windows', type: 'desktop' },
      lastActiveAt: T0 + MINUTE,
      expiresAt: T0 + MINUTE + 14 * DAY,
    });
  });
});

describe('signOut and host-side revokes', () => {
  it('signOut ends the session and answers a cookie that clears it', async () => {
    const h = createHarness();
    const ana = await h.device('ana');
    const { ended, setCookie } = await h.manager.signOut(requestWith(cookieOf(ana.token)));
    expect(ended).toBe(true);
    expect(setCookie).toMatch(/^pk_session=; /);
    expect(setCookie).toContain('Max-Age=0');
    expect(await h.store.findById(ana.sessionId)).toBeNull();
    expect(await h.manager.authenticate(requestWith(cookieOf(ana.token)))).toBeNull();
    // Signing out without a session still clears the cookie but ends nothing.
    expect((await h.manager.signOut(requestWith())).ended).toBe(false);
  });

  it('revokeOtherSessions and revokeAllSessions answer exact counts and touch only that user', async () => {
    const h = createHarness();
    const keep = await h.device('ana');
    await h.device('ana');
    await h.device('ana');
    const bobs = [await h.device('bob'), await h.device('bob')];
    const userId = USERS.ana.id;
    expect(await h.manager.revokeOtherSessions({ userId, exceptSessionId: keep.sessionId })).toBe(2);
    expect(h.liveIds('ana')).toEqual([keep.sessionId]);
    expect(await h.manager.revokeOtherSessions({ userId, exceptSessionId: keep.sessionId })).toBe(0);
    expect(await h.manager.revokeAllSessions({ userId })).toBe(1);
    expect(await h.manager.revokeAllSessions({ userId })).toBe(0);
    expect(h.liveIds('ana')).toEqual([]);
    expect(h.liveIds('bob')).toEqual(bobs.map((d) => d.sessionId).sort());
  });
});

describe('events', () => {
  it('tells subscribers when sessions start and end, why, and by which session', async () => {
    const h = createHarness();
    const events: SessionEvent[] = [];
    const unsubscribe = h.manager.subscribe((event) => events.push(event));
    const phone = await h.device('ana', UA.safariIphone);
    const laptop = await h.device('ana');
    const tablet = await h.device('ana');
    await h.manager.revokeSession({
      userId: USERS.ana.id,
      sessionId: phone.sessionId,
      cause: 'revoked',
      bySessionId: laptop.sessionId,
    });
    await h.manager.signOut(requestWith(cookieOf(laptop.token)));
    await h.manager.endSession(tablet.sessionId);
    const base = { userId: USERS.ana.id, at: T0 };
    expect(events).toEqual([
      { type: 'session.started', sessionId: phone.sessionId, ...base },
      { type: 'session.started', sessionId: laptop.sessionId, ...base },
      { type: 'session.started', sessionId: tablet.sessionId, ...base },
      {
        type: 'session.ended',
        sessionId: phone.sessionId,
        cause: 'revoked',
        bySessionId: laptop.sessionId,
        ...base,
      },
      {
        type: 'session.ended',
        sessionId: laptop.sessionId,
        cause: 'signed-out',
        bySessionId: laptop.sessionId,
        ...base,
      },
      { type: 'session.ended', sessionId: tablet.sessionId, cause: 'admin', bySessionId: null, ...base },
    ]);
    unsubscribe();
    await h.device('ana');
    expect(events).toHaveLength(6);
  });
});
