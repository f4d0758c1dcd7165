import type { SessionStore, SessionsPageQuery, StoredSession } from '../types.js';
import { activityStoreTests } from './activityStoreTests.js';
import { expectEqual, expectRejects } from './expectations.js';
import { hostSessionStoreTests } from './hostSessionStoreTests.js';
import { sessionSignInStoreTests } from './sessionSignInStoreTests.js';
import { HOUR as H, SUITE_NOW as NOW, pageStore, sessionFixture, walk } from './storeFixtures.js';

/** How the suite gets a store to test. */
export interface StoreSuiteOptions {
  /** An empty store for each test: a new one, or the same one emptied. */
  createStore: () => SessionStore | Promise<SessionStore>;
  /** Called after each test with its store (close a connection, drop a schema). */
  dispose?: (store: SessionStore) => void | Promise<void>;
  /**
   * Whether to test the host-session methods (the store backs createHostSessions: express-session or
   * @fastify/session data). `false` for a store that will not. @default true
   */
  hostSessions?: boolean;
}

/** One behaviour of the SessionStore contract, runnable in any test runner. */
export interface StoreTest {
  name: string;
  run: () => Promise<void>;
}

/**
 * The SessionStore contract as tests any runner can run: `for (const t of sessionStoreTests(options))
 * it(t.name, t.run)` in Vitest or Jest, `test(t.name, t.run)` in node:test, or `runSessionStoreSuite`.
 * Expectations are written out by hand; a store of your own (Redis, DynamoDB, an express-session bridge)
 * is done when every one passes.
 */
export function sessionStoreTests(options: StoreSuiteOptions): StoreTest[] {
  const test = (run: (store: SessionStore) => Promise<void>) => async (): Promise<void> => {
    const store = await options.createStore();
    try {
      await run(store);
    } finally {
      await options.dispose?.(store);
    }
  };
  const ids = (sessions: readonly StoredSession[] | null) => (sessions ?? []).map((s) => s.id);

  return [
    {
      name: 'keeps every field of a session as written, found by token hash and by id',
      run: test(async (store) => {
        const kept = sessionFixture({
          id: 'ses_kept',
          trusted: true,
          device: { name: "Ana's Mac", type: 'desktop' },
        });
        await store.createSession(kept);
        expectEqual(await store.findByTokenHash(kept.tokenHash), kept, 'findByTokenHash');
        expectEqual(await store.findById(kept.id), kept, 'findById');
        expectEqual(await store.findById('ses_unknown'), null, 'an unknown id');
        expectEqual(await store.findByTokenHash('0'.repeat(64)), null, 'an unknown token hash');
        const bare = sessionFixture({
          id: 'ses_bare',
          userAgent: null,
          ipAddress: null,
          device: null,
          location: null,
          applicationId: null,
        });
        await store.createSession(bare);
        expectEqual(await store.findById(bare.id), bare, 'a session with every optional field null');
      }),
    },
    {
      name: 'finds several sessions by id at once, live or expired, leaving out an unknown id (findByIds; optional: passes when absent)',
      run: test(async (store) => {
        // Optional in the contract (the manager asks findById per id without it); checked where offered.
        if (!store.findByIds) return;
        const live = sessionFixture({ id: 'ses_many_live' });
        const expired = sessionFixture({ id: 'ses_many_expired', expiresAt: NOW - H });
        await store.createSession(live);
        await store.createSession(expired);
        const found = await store.findByIds([
          'ses_many_expired',
          'ses_unknown',
          'ses_many_live',
          'ses_many_live',
        ]);
        expectEqual(
          [...found].sort((a, b) => (a.id < b.id ? -1 : 1)),
          [expired, live],
          'both, every field as written, each once',
        );
        expectEqual(await store.findByIds([]), [], 'no ids');
      }),
    },
    {
      name: 'refuses a second session with the same id or token hash',
      run: test(async (store) => {
        const first = sessionFixture({ id: 'ses_first' });
        await store.createSession(first);
        await expectRejects(
          store.createSession(sessionFixture({ id: 'ses_other', tokenHash: first.tokenHash })),
          'same hash',
        );
        await expectRejects(store.createSession(sessionFixture({ id: 'ses_first' })), 'same id');
      }),
    },
    {
      name: "lists a user's live sessions only, most recently active first (id descending on a tie), per application",
      run: test(async (store) => {
        await pageStore(store);
        expectEqual(
          ids(await store.listUserSessions('usr_a', { now: NOW })),
          ['ses_09', 'ses_02', 'ses_01'],
          'usr_a',
        );
        expectEqual(
          ids(await store.listUserSessions('usr_d', { now: NOW })),
          [],
          'usr_d has only expired ones',
        );
        expectEqual(
          ids(await store.listUserSessions('usr_a', { now: NOW, applicationId: 'mobile' })),
          ['ses_02'],
          'usr_a on mobile',
        );
      }),
    },
    {
      name: 'records activity and re-authentication, and searches what the activity wrote',
      run: test(async (store) => {
        const s = sessionFixture({ id: 'ses_active' });
        await store.createSession(s);
        const activity = {
          lastActiveAt: NOW,
          expiresAt: NOW + 30 * H,
          ipAddress: '2001:db8::1',
          userAgent: 'Opera/110',
          device: { browser: 'Opera' },
          location: null,
        };
        await store.recordActivity(s.id, activity);
        await store.markAuthenticated(s.id, NOW);
        expectEqual(
          await store.findById(s.id),
          { ...s, ...activity, authenticatedAt: NOW },
          'after activity',
        );
        const search = (text: string) => walk(store, { search: text }).then((r) => r.ids);
        expectEqual(await search('opera'), ['ses_active'], 'the new user agent is searched');
        expectEqual(await search('chrome'), [], 'the old one is not');
      }),
    },
    {
      name: 'deletes one live session, of its user only, and answers what it deleted',
      run: test(async (store) => {
        const live = sessionFixture({ id: 'ses_live' });
        const expired = sessionFixture({ id: 'ses_expired', expiresAt: NOW - 1 });
        await store.createSession(live);
        await store.createSession(expired);
        expectEqual(
          await store.deleteSession(live.id, { now: NOW, userId: 'usr_b' }),
          null,
          "another user's",
        );
        expectEqual(await store.deleteSession(expired.id, { now: NOW }), null, 'an expired one');
        expectEqual(await store.deleteSession(live.id, { now: NOW, userId: 'usr_a' }), live, 'its own');
        expectEqual(await store.deleteSession(live.id, { now: NOW }), null, 'once only');
        expectEqual(await store.findById(live.id), null, 'gone');
      }),
    },
    {
      name: "deletes a user's other sessions or all of them, per application, answering them most recently active first",
      run: test(async (store) => {
        await pageStore(store);
        expectEqual(
          ids(
            await store.deleteUserSessions('usr_a', {
              now: NOW,
              exceptId: 'ses_09',
              applicationId: 'mobile',
            }),
          ),
          ['ses_02'],
          'the others on mobile',
        );
        await store.createSession(sessionFixture({ id: 'ses_11', lastActiveAt: NOW - 0.5 * H }));
        expectEqual(
          ids(await store.deleteUserSessions('usr_a', { now: NOW })),
          ['ses_11', 'ses_09', 'ses_01'],
          'all, ses_11 and ses_09 tied on activity (id descending), then ses_01',
        );
        expectEqual(ids(await store.deleteUserSessions('usr_d', { now: NOW })), [], 'expired ones stay');
        expectEqual((await store.findById('ses_03'))?.id, 'ses_03', "another user's are untouched");
      }),
    },
    {
      name: 'ends each session once when deletes race (no double count)',
      run: test(async (store) => {
        const all = Array.from({ length: 12 }, (_, i) =>
          sessionFixture({ id: `ses_race_${String(i).padStart(2, '0')}` }),
        );
        for (const s of all) await store.createSession(s);
        const results = await Promise.all([
          ...all.map((s) => store.deleteSession(s.id, { now: NOW })),
          store.deleteUserSessions('usr_a', { now: NOW }),
          store.deleteUserSessions('usr_a', { now: NOW, exceptId: 'ses_race_00' }),
        ]);
        const ended = results.flatMap((r) => (r === null ? [] : Array.isArray(r) ? r : [r])).map((s) => s.id);
        expectEqual(ended.sort(), all.map((s) => s.id).sort(), 'each ended exactly once');
      }),
    },
    {
      name: 'prunes sessions and attempt lists kept until before a time',
      run: test(async (store) => {
        await store.createSession(sessionFixture({ id: 'ses_long_gone', expiresAt: NOW - 2 * H }));
        await store.createSession(sessionFixture({ id: 'ses_just_gone', expiresAt: NOW - 1 }));
        await store.updateAttempts('old', () => ({ attempts: [NOW - 2 * H], result: null }), {
          keepUntil: NOW - H,
        });
        await store.updateAttempts('new', () => ({ attempts: [NOW], result: null }), { keepUntil: NOW + H });
        expectEqual(await store.deleteExpired(NOW - H), 1, 'sessions removed');
        expectEqual((await store.findById('ses_just_gone'))?.id, 'ses_just_gone', 'the recent one is kept');
        const read = (attempts: readonly number[]) => ({ attempts, result: [...attempts] });
        expectEqual(await store.updateAttempts('old', read, { keepUntil: NOW }), [], 'the old attempt list');
        expectEqual(await store.updateAttempts('new', read, { keepUntil: NOW + H }), [NOW], 'the new one');
      }),
    },
    {
      name: 'keeps attempt lists per key, updates each atomically, and forgets an emptied one',
      run: test(async (store) => {
        const push = (at: number) => (attempts: readonly number[]) => ({
          attempts: [...attempts, at],
          result: attempts.length,
        });
        expectEqual(await store.updateAttempts('k', push(NOW), { keepUntil: NOW + H }), 0, 'the first');
        // Concurrent updates of one key each see the one before: none is lost.
        const seen = await Promise.all(
          [1, 2, 3, 4, 5].map((i) => store.updateAttempts('k', push(NOW + i), { keepUntil: NOW + H })),
        );
        expectEqual(seen.sort(), [1, 2, 3, 4, 5], 'what five concurrent updates saw');
        const read = (attempts: readonly number[]) => ({ attempts, result: [...attempts] });
        expectEqual(
          (await store.updateAttempts('k', read, { keepUntil: NOW + H })).sort((a, b) => a - b),
          [NOW, NOW + 1, NOW + 2, NOW + 3, NOW + 4, NOW + 5],
          'all six kept',
        );
        expectEqual(await store.updateAttempts('other', read, { keepUntil: NOW + H }), [], 'another key');
        await store.updateAttempts('k', () => ({ attempts: [], result: null }), { keepUntil: NOW + H });
        expectEqual(await store.updateAttempts('k', read, { keepUntil: NOW + H }), [], 'emptied');
      }),
    },
    {
      name: 'pages every user’s sessions by keyset, in each sort and direction, with a stable total',
      run: test(async (store) => {
        await pageStore(store);
        expectEqual(
          await walk(store, {}),
          {
            ids: ['ses_09', 'ses_02', 'ses_01', 'ses_03', 'ses_04', 'ses_05', 'ses_06', 'ses_10'],
            totals: [8],
          },
          'active, last active descending (ses_02 before ses_01: a tie, id descending)',
        );
        expectEqual(
          await walk(store, { sort: 'createdAt', direction: 'asc' }, 4),
          {
            ids: ['ses_10', 'ses_01', 'ses_02', 'ses_03', 'ses_04', 'ses_05', 'ses_06', 'ses_09'],
            totals: [8],
          },
          'active, created ascending (ses_03 before ses_04: a tie, id ascending)',
        );
        expectEqual(
          await walk(store, { status: 'expired', sort: 'expiresAt', direction: 'asc' }, 1),
          { ids: ['ses_08', 'ses_07'], totals: [2] },
          'expired, expiry ascending, a page of one',
        );
        expectEqual(
          await walk(store, { userId: 'usr_a' }),
          { ids: ['ses_09', 'ses_02', 'ses_01'], totals: [3] },
          'one user',
        );
        expectEqual(
          await walk(store, { applicationId: 'mobile', direction: 'asc' }),
          { ids: ['ses_06', 'ses_02'], totals: [2] },
          'one application',
        );
        expectEqual(await walk(store, { userId: 'usr_nobody' }), { ids: [], totals: [0] }, 'nothing matches');
      }),
    },
    {
      name: 'searches IP and user agent as a literal substring, folding case beyond ASCII',
      run: test(async (store) => {
        await pageStore(store);
        const search = async (text: string, extra: Partial<SessionsPageQuery> = {}) =>
          (await walk(store, { search: text, ...extra })).ids;
        expectEqual(
          await search('firefox'),
          ['ses_09', 'ses_01', 'ses_05'],
          'any case, and full-width letters',
        );
        expectEqual(await search('FIREFOX', { status: 'expired' }), ['ses_08'], 'expired ones, by status');
        expectEqual(await search('école'), ['ses_05'], 'non-ASCII, lower case');
        expectEqual(await search('ÉCOLE'), ['ses_05'], 'non-ASCII, upper case');
        expectEqual(await search('%'), ['ses_04'], '% is a character');
        expectEqual(await search('_'), ['ses_04'], '_ is a character');
        expectEqual(await search('0%_d'), ['ses_04'], 'both in a row');
        expectEqual(await search('203.0.113.'), ['ses_09', 'ses_02', 'ses_01'], 'a part of an IP');
        expectEqual(await search('db8::5'), ['ses_05'], 'an IPv6 address');
        expectEqual(await search('firefox/133 203'), [], 'never across the IP and the user agent');
        expectEqual(
          await search('no such text', { searchUserIds: ['usr_e', 'usr_z'] }),
          ['ses_10'],
          'or one of the users the host found by email or name',
        );
      }),
    },
    {
      name: 'counts active sessions, their users, the expired kept, and those started since a time',
      run: test(async (store) => {
        await pageStore(store);
        expectEqual(
          await store.countSessions({ now: NOW, startOfDay: NOW - 20 * H }),
          { totalActive: 8, uniqueUsers: 4, expired: 2, startedToday: 9 },
          'counts',
        );
      }),
    },
    {
      name: 'counts nothing in an empty store',
      run: test(async (store) => {
        expectEqual(
          await store.countSessions({ now: NOW, startOfDay: NOW }),
          { totalActive: 0, uniqueUsers: 0, expired: 0, startedToday: 0 },
          'counts',
        );
        expectEqual(await walk(store, {}), { ids: [], totals: [0] }, 'the first page');
      }),
    },
    ...activityStoreTests(test),
    ...sessionSignInStoreTests(test),
    ...(options.hostSessions === false ? [] : hostSessionStoreTests(test)),
  ];
}

/** Runs the suite without a test runner: every test, and what failed. */
export async function runSessionStoreSuite(options: StoreSuiteOptions) {
  const failed: Array<{ name: string; error: unknown }> = [];
  const tests = sessionStoreTests(options);
  for (const test of tests) {
    try {
      await test.run();
    } catch (error) {
      failed.push({ name: test.name, error });
    }
  }
  return { passed: tests.length - failed.length, failed };
}
