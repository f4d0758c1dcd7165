import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareForPage, matchesPageQuery } from '../../src/server/pageQuery.js';
import type { SessionStore, SessionsPageQuery, StoredSession } from '../../src/server/types.js';

export interface StoreUnderTest {
  store: SessionStore;
  /** Drops everything the store holds, so each test starts empty. */
  reset: () => Promise<void>;
}

const NOW = Date.UTC(2026, 11, 1, 12);
const HOUR = 3_600_000;

let serial = 0;
/** A session as the manager would write it; every field can be overridden. */
export function storedSession(overrides: Partial<StoredSession> = {}): StoredSession {
  serial += 1;
  return {
    id: `ses_${randomBytes(6).toString('hex')}_${serial}`,
    userId: 'usr_a',
    tokenHash: randomBytes(32).toString('hex'),
    tokenPreview: randomBytes(6).toString('base64url'),
    userAgent: 'Mozilla/5.0 (Macintosh) Chrome/131',
    ipAddress: '198.51.100.7',
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    location: { city: 'Porto', country: 'Portugal' },
    trusted: false,
    applicationId: 'web',
    createdAt: NOW - 5 * HOUR,
    lastActiveAt: NOW - HOUR,
    expiresAt: NOW + 10 * HOUR,
    absoluteExpiresAt: NOW + 20 * HOUR,
    authenticatedAt: NOW - 5 * HOUR,
    ...overrides,
  };
}

/**
 * The one behaviour every SessionStore shares (memory, SQLite, PostgreSQL): each store's test file calls
 * this with its own factory, so a store that passes here plugs into the manager unchanged.
 */
export function describeSessionStore(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`SessionStore contract: ${name}`, () => {
    const fresh = async () => {
      const subject = await open();
      await subject.reset();
      return subject.store;
    };

    it('keeps every field of a session as written, found by token hash and by id', async () => {
      const store = await fresh();
      const session = storedSession({ trusted: true, device: { name: "Ana's Mac", type: 'desktop' } });
      await store.createSession(session);
      expect(await store.findByTokenHash(session.tokenHash)).toEqual(session);
      expect(await store.findById(session.id)).toEqual(session);
      expect(await store.findById('ses_unknown')).toBeNull();
      const bare = storedSession({
        userAgent: null,
        ipAddress: null,
        device: null,
        location: null,
        applicationId: null,
      });
      await store.createSession(bare);
      expect(await store.findById(bare.id)).toEqual(bare);
    });

    it('refuses a second session with the same token hash', async () => {
      const store = await fresh();
      const session = storedSession();
      await store.createSession(session);
      await expect(store.createSession(storedSession({ tokenHash: session.tokenHash }))).rejects.toThrow();
    });

    it("lists a user's live sessions only, most recently active first, per application", async () => {
      const store = await fresh();
      const older = storedSession({ lastActiveAt: NOW - 3 * HOUR });
      const newer = storedSession({ lastActiveAt: NOW - HOUR, applicationId: 'mobile' });
      await store.createSession(older);
      await store.createSession(newer);
      await store.createSession(storedSession({ expiresAt: NOW - 1 }));
      await store.createSession(storedSession({ userId: 'usr_b' }));
      expect((await store.listUserSessions('usr_a', { now: NOW })).map((s) => s.id)).toEqual([
        newer.id,
        older.id,
      ]);
      const mobile = await store.listUserSessions('usr_a', { now: NOW, applicationId: 'mobile' });
      expect(mobile.map((s) => s.id)).toEqual([newer.id]);
    });

    it('records activity and re-authentication', async () => {
      const store = await fresh();
      const session = storedSession();
      await store.createSession(session);
      const activity = {
        lastActiveAt: NOW,
        expiresAt: NOW + 30 * HOUR,
        ipAddress: '2001:db8::1',
        userAgent: 'Firefox',
        device: { browser: 'Firefox' },
        location: null,
      };
      await store.recordActivity(session.id, activity);
      await store.markAuthenticated(session.id, NOW);
      expect(await store.findById(session.id)).toEqual({ ...session, ...activity, authenticatedAt: NOW });
    });

    it('deletes one live session, of its user only, and answers what it deleted', async () => {
      const store = await fresh();
      const session = storedSession();
      const expired = storedSession({ expiresAt: NOW - 1 });
      await store.createSession(session);
      await store.createSession(expired);
      expect(await store.deleteSession(session.id, { now: NOW, userId: 'usr_b' })).toBeNull();
      expect(await store.deleteSession(expired.id, { now: NOW })).toBeNull();
      expect(await store.deleteSession(session.id, { now: NOW, userId: 'usr_a' })).toEqual(session);
      expect(await store.deleteSession(session.id, { now: NOW })).toBeNull();
      expect(await store.findById(session.id)).toBeNull();
    });

    it("deletes a user's other sessions or all of them, per application, with exact answers", async () => {
      const store = await fresh();
      const keep = storedSession();
      const others = [storedSession(), storedSession({ applicationId: 'mobile' })];
      const stranger = storedSession({ userId: 'usr_b' });
      for (const s of [keep, ...others, stranger]) await store.createSession(s);
      const mobile = await store.deleteUserSessions('usr_a', {
        now: NOW,
        exceptId: keep.id,
        applicationId: 'mobile',
      });
      expect(mobile.map((s) => s.id)).toEqual([others[1]?.id]);
      const rest = await store.deleteUserSessions('usr_a', { now: NOW, exceptId: keep.id });
      expect(rest.map((s) => s.id)).toEqual([others[0]?.id]);
      expect((await store.deleteUserSessions('usr_a', { now: NOW })).map((s) => s.id)).toEqual([keep.id]);
      expect(await store.findById(stranger.id)).toEqual(stranger);
    });

    it('ends each session once when deletes race (no double count)', async () => {
      const store = await fresh();
      const sessions = Array.from({ length: 12 }, () => storedSession());
      for (const s of sessions) await store.createSession(s);
      const results = await Promise.all([
        ...sessions.map((s) => store.deleteSession(s.id, { now: NOW })),
        store.deleteUserSessions('usr_a', { now: NOW }),
      ]);
      const ended = results.flatMap((r) => (r === null ? [] : Array.isArray(r) ? r : [r])).map((s) => s.id);
      expect(ended.sort()).toEqual(sessions.map((s) => s.id).sort());
    });

    it('prunes sessions that expired before a time', async () => {
      const store = await fresh();
      await store.createSession(storedSession({ expiresAt: NOW - 2 * HOUR }));
      const recent = storedSession({ expiresAt: NOW - 1 });
      await store.createSession(recent);
      expect(await store.deleteExpired(NOW - HOUR)).toBe(1);
      expect(await store.findById(recent.id)).toEqual(recent);
    });

    it('counts active, unique users, expired and started today', async () => {
      const store = await fresh();
      await store.createSession(storedSession({ createdAt: NOW - HOUR }));
      await store.createSession(storedSession({ userId: 'usr_b', createdAt: NOW - 30 * HOUR }));
      await store.createSession(storedSession({ expiresAt: NOW - 1 }));
      expect(await store.countSessions({ now: NOW, startOfDay: NOW - 2 * HOUR })).toEqual({
        totalActive: 2,
        uniqueUsers: 2,
        expired: 1,
        startedToday: 1,
      });
    });

    it('keeps attempt lists per key, updates each atomically, and forgets an emptied one', async () => {
      const store = await fresh();
      const push = (at: number) => (attempts: readonly number[]) => ({
        attempts: [...attempts, at],
        result: attempts.length,
      });
      expect(await store.updateAttempts('k', push(NOW), { keepUntil: NOW + HOUR })).toBe(0);
      // Concurrent updates of one key each see the one before: none is lost.
      const seen = await Promise.all(
        [1, 2, 3, 4].map((i) => store.updateAttempts('k', push(NOW + i), { keepUntil: NOW + HOUR })),
      );
      expect(seen.sort()).toEqual([1, 2, 3, 4]);
      const read = (attempts: readonly number[]) => ({ attempts, result: [...attempts] });
      expect(await store.updateAttempts('k', read, { keepUntil: NOW + HOUR })).toHaveLength(5);
      expect(await store.updateAttempts('other', read, { keepUntil: NOW + HOUR })).toEqual([]);
      await store.updateAttempts('k', () => ({ attempts: [], result: null }), { keepUntil: NOW + HOUR });
      expect(await store.updateAttempts('k', read, { keepUntil: NOW + HOUR })).toEqual([]);
    });

    it('drops attempt lists kept until before the housekeeping cut', async () => {
      const store = await fresh();
      const keep = (at: number) => () => ({ attempts: [at], result: null });
      await store.updateAttempts('old', keep(NOW - 2 * HOUR), { keepUntil: NOW - HOUR });
      await store.updateAttempts('new', keep(NOW), { keepUntil: NOW + HOUR });
      await store.deleteExpired(NOW);
      const read = (attempts: readonly number[]) => ({ attempts, result: [...attempts] });
      expect(await store.updateAttempts('old', read, { keepUntil: NOW })).toEqual([]);
      expect(await store.updateAttempts('new', read, { keepUntil: NOW + HOUR })).toEqual([NOW]);
    });

    it('pages every query exactly as the reference filter and order say, by keyset', async () => {
      const store = await fresh();
      const agents = ['Mozilla Firefox/133', 'Chrome/131 Safari', 'curl/8.0', 'Edg/131', null];
      const all: StoredSession[] = [];
      for (let i = 0; i < 40; i++) {
        const session = storedSession({
          userId: `usr_${i % 5}`,
          ipAddress: i % 7 === 0 ? null : `203.0.${i % 3}.${i}`,
          userAgent: agents[i % agents.length] ?? null,
          applicationId: i % 4 === 0 ? 'mobile' : 'web',
          // Repeated values, so the id tie-break matters.
          lastActiveAt: NOW - (i % 6) * HOUR,
          createdAt: NOW - (i % 9) * HOUR - 10 * HOUR,
          expiresAt: NOW + ((i % 5) - 1) * HOUR,
        });
        all.push(session);
        await store.createSession(session);
      }
      const queries = fc.record({
        status: fc.constantFrom('active' as const, 'expired' as const),
        sort: fc.constantFrom('lastActiveAt' as const, 'createdAt' as const, 'expiresAt' as const),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
        search: fc.option(fc.constantFrom('fire', 'FOX', '203.0.1', 'sa', '%', 'Edg/1', 'url/'), {
          nil: undefined,
        }),
        searchUserIds: fc.option(fc.constant(['usr_3']), { nil: undefined }),
        userId: fc.option(fc.constantFrom('usr_1', 'usr_4'), { nil: undefined }),
        applicationId: fc.option(fc.constant('mobile'), { nil: undefined }),
        limit: fc.integer({ min: 1, max: 9 }),
      });
      await fc.assert(
        fc.asyncProperty(queries, async (filters) => {
          const query: SessionsPageQuery = { ...filters, now: NOW };
          const expected = all
            .filter((s) => matchesPageQuery(s, query))
            .sort((a, b) => compareForPage(a, { value: b[query.sort], id: b.id }, query))
            .map((s) => s.id);
          const seen: string[] = [];
          let after: SessionsPageQuery['after'];
          for (let page = 0; page < 50; page++) {
            const result = await store.listSessionsPage({ ...query, after });
            expect(result.total).toBe(expected.length);
            seen.push(...result.sessions.map((s) => s.id));
            const last = result.sessions.at(-1);
            if (result.sessions.length < query.limit || !last) break;
            after = { value: last[query.sort], id: last.id };
          }
          expect(seen).toEqual(expected);
        }),
        { numRuns: 60, seed: 11 },
      );
    });
  });
}
