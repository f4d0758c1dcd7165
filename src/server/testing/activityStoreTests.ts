import type { ActivityQuery, SessionStore, StoredActivity, StoredSession } from '../types.js';
import { expectEqual, expectRejects } from './expectations.js';
import {
  activityFixture,
  HOUR as H,
  SUITE_NOW as NOW,
  sessionFixture,
  signInFixture,
} from './storeFixtures.js';

type StoreRun = (run: (store: SessionStore) => Promise<void>) => () => Promise<void>;

const idsOf = (entries: readonly StoredActivity[]) => entries.map((entry) => entry.id);

/** Every id a log query answers, newest first, two at a time through the keyset cursor. */
async function walkLog(store: SessionStore, query: Omit<ActivityQuery, 'limit' | 'after'>) {
  const seen: string[] = [];
  let after: ActivityQuery['after'];
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await store.listActivity({ ...query, limit: 2, after });
    seen.push(...idsOf(page));
    const last = page.at(-1);
    if (page.length < 2 || !last) return seen;
    after = { at: last.at, id: last.id };
  }
  throw new Error('The log never ended: its cursor does not advance.');
}

/** What housekeeping records of the sessions it removed: an `expired` entry each, dated at its expiry. */
const expiryEntries = (removed: readonly StoredSession[]) =>
  removed.map((session) =>
    activityFixture({
      id: `exp_${session.id}`,
      kind: 'expired',
      userId: session.userId,
      sessionId: session.id,
      at: session.expiresAt,
    }),
  );

/** Six entries of two users, two of them at one instant (the id breaks the tie). */
async function logStore(store: SessionStore) {
  const entries = [
    activityFixture({ id: 'act_1', at: NOW - 5 * H, sessionId: 'ses_1' }),
    activityFixture({
      id: 'act_2',
      at: NOW - 4 * H,
      kind: 'sign-in-failed',
      sessionId: null,
      reason: 'invalid-credentials',
      identifier: 'ana@example.com',
    }),
    activityFixture({ id: 'act_3', at: NOW - 3 * H, userId: 'usr_b', sessionId: 'ses_3' }),
    activityFixture({
      id: 'act_5',
      at: NOW - 2 * H,
      kind: 'revoked',
      sessionId: 'ses_1',
      bySessionId: 'ses_4',
    }),
    activityFixture({ id: 'act_4', at: NOW - 2 * H, sessionId: 'ses_4', deviceKey: 'mobile|Safari|iOS' }),
    activityFixture({
      id: 'act_6',
      at: NOW - H,
      kind: 'sign-in-failed',
      userId: null,
      sessionId: null,
      identifier: 'nobody@example.com',
      reason: 'invalid-credentials',
    }),
  ];
  await store.appendActivity(entries);
  return entries;
}

/**
 * Stores a session of `userId` with its sign-in at NOW from `deviceKey`, the entry written as from a new
 * device, asking the store to decide that since `since` (when given). Answers what the store answered
 * and what the stored entry says.
 */
async function signInFrom(
  store: SessionStore,
  { userId, deviceKey, since, id }: { userId: string; deviceKey: string | null; since?: number; id?: string },
) {
  const { session, entry } = signInFixture(userId, deviceKey, id === undefined ? {} : { id });
  const answer = await store.createSession(
    session,
    [{ ...entry, newDevice: true }],
    since === undefined ? undefined : { newDeviceSince: since },
  );
  const [stored] = await store.listActivity({ sessionIds: [session.id], kinds: ['signed-in'], limit: 1 });
  return [answer.newDevice, stored?.id === entry.id ? stored.newDevice : 'no entry'];
}

/** The authentication log's part of the SessionStore contract. */
export function activityStoreTests(test: StoreRun) {
  return [
    {
      name: 'log: keeps every field of an entry as written, newest first, and never two of one id',
      run: test(async (store) => {
        const entries = await logStore(store);
        const newestFirst = [...entries].reverse().sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
        expectEqual(await store.listActivity({ limit: 10 }), newestFirst, 'every entry');
        expectEqual(
          await store.appendActivity([
            activityFixture({ id: 'act_1', at: NOW, kind: 'expired' }),
            activityFixture({ id: 'act_7', at: NOW - 9 * H }),
          ]),
          1,
          'how many of two entries were new, one of them an id the log holds',
        );
        expectEqual(
          idsOf(await store.listActivity({ limit: 10 })),
          ['act_6', 'act_5', 'act_4', 'act_3', 'act_2', 'act_1', 'act_7'],
          'after appending an id the log holds (it is skipped)',
        );
        expectEqual(await store.appendActivity([]), 0, 'nothing appended');
        const bare = activityFixture({
          id: 'act_bare',
          userId: null,
          sessionId: null,
          userAgent: null,
          ipAddress: null,
          device: null,
          location: null,
          deviceKey: null,
          method: null,
          at: NOW,
        });
        await store.appendActivity([bare]);
        expectEqual(
          (await store.listActivity({ limit: 1 }))[0],
          bare,
          'an entry with every optional field null',
        );
      }),
    },
    {
      name: 'log: filters by user, kinds, sessions and time, and pages by keyset without a repeat or a gap',
      run: test(async (store) => {
        await logStore(store);
        expectEqual(await walkLog(store, {}), ['act_6', 'act_5', 'act_4', 'act_3', 'act_2', 'act_1'], 'all');
        expectEqual(await walkLog(store, { userId: 'usr_a' }), ['act_5', 'act_4', 'act_2', 'act_1'], 'usr_a');
        expectEqual(await walkLog(store, { kinds: ['sign-in-failed'] }), ['act_6', 'act_2'], 'failed');
        expectEqual(
          await walkLog(store, { userId: 'usr_a', kinds: ['signed-in', 'revoked'] }),
          ['act_5', 'act_4', 'act_1'],
          "usr_a's sign-ins and revokes",
        );
        expectEqual(await walkLog(store, { sessionIds: ['ses_1'] }), ['act_5', 'act_1'], 'about ses_1');
        expectEqual(
          await walkLog(store, { from: NOW - 4 * H, to: NOW - H }),
          ['act_5', 'act_4', 'act_3', 'act_2'],
          'from (inclusive) to (exclusive)',
        );
        expectEqual(await walkLog(store, { userId: 'usr_z' }), [], 'a user with no entries');
      }),
    },
    {
      name: 'log: decides as it stores a session whether its sign-in is from a new device, and stores that',
      run: test(async (store) => {
        await logStore(store);
        const desktop = 'desktop|Chrome|macOS';
        const phone = 'mobile|Safari|iOS';
        // usr_a has signed in from the desktop (act_1, 5 h ago) and the phone (act_4, 2 h ago, ses_4); its
        // failed sign-in and its revoke carry the desktop's key too. usr_b has signed in from the desktop.
        expectEqual(
          await signInFrom(store, { userId: 'usr_a', deviceKey: desktop, since: NOW - 4 * H }),
          [true, true],
          'a device signed in from only before the window, other entries of it no sign-ins',
        );
        expectEqual(
          await signInFrom(store, { userId: 'usr_a', deviceKey: desktop, since: NOW - 6 * H }),
          [false, false],
          'a device signed in from within the window',
        );
        expectEqual(
          await signInFrom(store, { userId: 'usr_a', deviceKey: null, since: NOW - 6 * H }),
          [false, false],
          'an unknown device (no key): never new',
        );
        expectEqual(
          await signInFrom(store, { userId: 'usr_b', deviceKey: phone, since: 0 }),
          [true, true],
          "a device only another user signed in from (usr_a's phone)",
        );
        expectEqual(
          await signInFrom(store, { userId: 'usr_c', deviceKey: desktop, since: 0 }),
          [false, false],
          "a user's first sign-in in the window",
        );
        expectEqual(
          await signInFrom(store, { userId: 'usr_a', deviceKey: phone, since: NOW - 6 * H, id: 'ses_4' }),
          [true, true],
          "the phone's only sign-in is this session's own: it does not count",
        );
        await store.appendActivity([activityFixture({ id: 'act_e', userId: 'usr_e', sessionId: 'ses_e' })]);
        expectEqual(
          await signInFrom(store, { userId: 'usr_e', deviceKey: phone, since: 0, id: 'ses_e' }),
          [false, false],
          "a first sign-in but for this session's own entry",
        );
        expectEqual(
          await signInFrom(store, { userId: 'usr_c', deviceKey: phone }),
          [false, true],
          'without newDeviceSince: nothing decided, the entry stored as given',
        );
      }),
    },
    {
      name: 'log: a session is stored with its sign-in entry in one step, both or neither',
      run: test(async (store) => {
        const session = sessionFixture({ id: 'ses_with_entry' });
        const entry = activityFixture({ id: 'in_ses_with_entry', sessionId: session.id });
        await store.createSession(session, [entry]);
        expectEqual((await store.findById(session.id))?.id, session.id, 'the session');
        expectEqual(idsOf(await store.listActivity({ limit: 10 })), ['in_ses_with_entry'], 'its entry');
        const clash = sessionFixture({ id: 'ses_with_entry' });
        await expectRejects(
          store.createSession(clash, [activityFixture({ id: 'in_clash', sessionId: clash.id })], {
            newDeviceSince: 0,
          }),
          'a session whose id exists',
        );
        expectEqual(
          idsOf(await store.listActivity({ limit: 10 })),
          ['in_ses_with_entry'],
          'no entry of the refused one',
        );
      }),
    },
    {
      name: "log: a session's sign-in reads as one entry, as it was at sign-in, while it lives and however it ends",
      run: test(async (store) => {
        await logStore(store);
        const desktop = 'desktop|Chrome|macOS';
        const made: StoredActivity[] = [];
        // usr_a signs in seven times between the log's entries (hours ago); the fifth and seventh sessions
        // have expired and await housekeeping. The sixth session's sign-in is appended apart, as stores
        // written before a store kept sign-ins with their sessions hold it.
        const expiries: Record<number, number> = { 5: NOW - 0.25 * H, 7: NOW - 0.1 * H };
        const signIns = [
          [1, 4.5],
          [2, 3.5],
          [3, 2.5],
          [4, 1.5],
          [5, 0.5],
          [6, 0.75],
          [7, 0.3],
        ] as const;
        for (const [n, hoursAgo] of signIns) {
          const { session, entry } = signInFixture('usr_a', desktop, {
            id: `ses_live_${n}`,
            createdAt: NOW - hoursAgo * H,
            expiresAt: expiries[n] ?? NOW + 10 * H,
          });
          const signIn = { ...entry, at: session.createdAt, method: 'passkey' };
          if (n === 6) {
            await store.createSession(session);
            await store.appendActivity([signIn]);
          } else await store.createSession(session, [signIn], { newDeviceSince: 0 });
          made.push({ ...signIn, newDevice: false });
        }
        // Later requests move the session's own description, not its sign-in's.
        await store.recordActivity('ses_live_1', {
          lastActiveAt: NOW - H,
          expiresAt: NOW + 10 * H,
          userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/133',
          ipAddress: '203.0.113.77',
          device: { browser: 'Firefox', os: 'Windows', type: 'desktop' },
          location: null,
        });
        const usrA = [
          'in_ses_live_7',
          'in_ses_live_5',
          'in_ses_live_6',
          'in_ses_live_4',
          'act_5',
          'act_4',
          'in_ses_live_3',
          'in_ses_live_2',
          'act_2',
          'in_ses_live_1',
          'act_1',
        ];
        const signInsOf = async () =>
          (await store.listActivity({ kinds: ['signed-in'], userId: 'usr_a', limit: 20 })).filter((e) =>
            e.id.startsWith('in_'),
          );
        const counts = () =>
          store.countActivity({
            kinds: ['signed-in', 'revoked'],
            starts: [NOW - 6 * H, NOW - 2 * H],
            end: NOW,
          });
        const before = {
          all: await walkLog(store, { userId: 'usr_a' }),
          signIns: await signInsOf(),
          counts: await counts(),
        };
        expectEqual(before.all, usrA, "usr_a's log with the live sessions' sign-ins, paged two at a time");
        expectEqual(
          before.signIns,
          [...made].sort((a, b) => b.at - a.at),
          'each sign-in with every field as written, the later activity left out',
        );
        expectEqual(before.counts, { 'signed-in': [5, 5], revoked: [0, 1] }, 'counted with the log');
        expectEqual(
          await store.appendActivity([made[0] as StoredActivity]),
          0,
          "appending a sign-in a session's row may hold: the log holds its id",
        );
        expectEqual(
          await walkLog(store, { kinds: ['revoked', 'sign-in-failed'] }),
          ['act_6', 'act_5', 'act_2'],
          'other kinds only: no sign-in',
        );
        expectEqual(
          idsOf(await store.listActivity({ sessionIds: ['ses_live_2', 'ses_1'], limit: 10 })),
          ['act_5', 'in_ses_live_2', 'act_1'],
          'by session',
        );
        expectEqual(
          await walkLog(store, { userId: 'usr_a', from: NOW - 3 * H, to: NOW - H }),
          ['in_ses_live_4', 'act_5', 'act_4', 'in_ses_live_3'],
          'in a time window',
        );

        // Every way a session ends: one, all of a user's but one, housekeeping with and without a record.
        expectEqual((await store.deleteSession('ses_live_2', { now: NOW }))?.id, 'ses_live_2', 'one ended');
        const others = await store.deleteUserSessions('usr_a', { now: NOW, exceptId: 'ses_live_4' });
        expectEqual(
          others.map((s) => s.id).sort(),
          ['ses_live_1', 'ses_live_3', 'ses_live_6'],
          'others ended',
        );
        expectEqual(await store.deleteExpired(NOW - 0.2 * H), 1, 'one expired session removed, unrecorded');
        expectEqual(
          await store.deleteExpired(NOW, expiryEntries),
          1,
          'the other removed, its expiry recorded',
        );
        const after = {
          all: await walkLog(store, { userId: 'usr_a' }),
          signIns: await signInsOf(),
          counts: await counts(),
        };
        expectEqual(
          after,
          { ...before, all: ['exp_ses_live_7', ...before.all] },
          'after the ends: every sign-in once, as it was (and the expiry recorded)',
        );
        expectEqual(
          idsOf(await store.listActivity({ sessionIds: ['ses_live_2'], kinds: ['signed-in'], limit: 10 })),
          ['in_ses_live_2'],
          "an ended session's sign-in, by session",
        );

        // A sign-in with more than a sign-in has (an identifier) is kept as written and decided all the same.
        const { session: odd, entry: oddEntry } = signInFixture('usr_a', 'desktop|Firefox|Windows', {
          id: 'ses_odd',
        });
        const oddSignIn = { ...oddEntry, identifier: 'ana@example.com' };
        expectEqual(
          await store.createSession(odd, [oddSignIn], { newDeviceSince: NOW - 6 * H }),
          { newDevice: true },
          'a new device, decided',
        );
        expectEqual(
          await store.listActivity({ sessionIds: ['ses_odd'], limit: 2 }),
          [{ ...oddSignIn, newDevice: true }],
          'stored as written, with the decision',
        );
      }),
    },
    {
      name: 'log: counts entries of some kinds in time buckets, zeros included',
      run: test(async (store) => {
        await logStore(store);
        expectEqual(
          await store.countActivity({
            kinds: ['signed-in', 'sign-in-failed', 'expired'],
            starts: [NOW - 6 * H, NOW - 3 * H, NOW - 2 * H],
            end: NOW - H,
          }),
          // act_6 (failed, NOW - H) is at the end, so out; act_5 is a revoke, not counted.
          { 'signed-in': [1, 1, 1], 'sign-in-failed': [1, 0, 0], expired: [0, 0, 0] },
          'per kind, per bucket',
        );
        expectEqual(
          await store.countActivity({ kinds: ['signed-in'], starts: [NOW], end: NOW + H }),
          { 'signed-in': [0] },
          'a bucket with nothing in it',
        );
      }),
    },
    {
      name: "log: retention removes entries older than a time and answers how many, but a stored session's sign-in",
      run: test(async (store) => {
        await logStore(store);
        // Two sessions older than the cut-off and still stored (a host's long-lived ones): one stored with
        // its sign-in, one with its sign-in appended apart.
        const old = [1, 2].map((n) =>
          signInFixture('usr_c', null, { id: `ses_old_${n}`, createdAt: NOW - 10 * H, expiresAt: NOW + H }),
        );
        const [withEntry, apart] = old as [(typeof old)[number], (typeof old)[number]];
        await store.createSession(withEntry.session, [{ ...withEntry.entry, at: NOW - 10 * H }]);
        await store.createSession(apart.session);
        await store.appendActivity([{ ...apart.entry, at: NOW - 10 * H }]);
        expectEqual(await store.pruneActivity(NOW - 3 * H), 2, 'removed');
        expectEqual(
          idsOf(await store.listActivity({ userId: 'usr_c', limit: 10 })),
          ['in_ses_old_2', 'in_ses_old_1'],
          "the stored sessions' sign-ins, kept",
        );
        await store.deleteUserSessions('usr_c', { now: NOW });
        expectEqual(await store.pruneActivity(NOW - 3 * H), 2, 'once their sessions ended');
        expectEqual(idsOf(await store.listActivity({ userId: 'usr_c', limit: 10 })), [], 'gone');
        expectEqual(
          idsOf(await store.listActivity({ limit: 10 })),
          ['act_6', 'act_5', 'act_4', 'act_3'],
          'kept',
        );
        expectEqual(
          idsOf(await store.listActivity({ userId: 'usr_a', limit: 10 })),
          ['act_5', 'act_4'],
          "usr_a's",
        );
      }),
    },
    {
      name: 'log: housekeeping records what it removes in the same step, and nothing when the record fails',
      run: test(async (store) => {
        const gone = sessionFixture({ id: 'ses_gone', expiresAt: NOW - 2 * H });
        const kept = sessionFixture({ id: 'ses_kept', expiresAt: NOW + H });
        await store.createSession(gone);
        await store.createSession(kept);
        await expectRejects(
          store.deleteExpired(NOW, () => {
            throw new Error('the record failed');
          }),
          'a failing record',
        );
        expectEqual((await store.findById('ses_gone'))?.id, 'ses_gone', 'still there after a failed record');
        const record = expiryEntries;
        expectEqual(await store.deleteExpired(NOW, record), 1, 'removed');
        expectEqual(await store.findById('ses_gone'), null, 'the expired session');
        expectEqual(
          (await store.listActivity({ limit: 10 })).map((e) => [e.id, e.kind, e.sessionId, e.at]),
          [['exp_ses_gone', 'expired', 'ses_gone', NOW - 2 * H]],
          'its entry',
        );
        expectEqual(await store.deleteExpired(NOW, record), 0, 'a second pass');
      }),
    },
  ];
}
