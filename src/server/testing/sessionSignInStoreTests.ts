import type { SessionStore, StoredActivity } from '../types.js';
import { expectEqual, expectRejects } from './expectations.js';
import { expiryEntries, idsOf, logStore, type StoreRun, walkLog } from './logFixtures.js';
import {
  activityFixture,
  HOUR as H,
  SUITE_NOW as NOW,
  sessionFixture,
  signInFixture,
} from './storeFixtures.js';

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

/**
 * Sessions with their log: a session stored with its sign-in in one step, the new-device decision made
 * there, the sign-in read the same while the session lives and however it ends, and housekeeping's record.
 */
export function sessionSignInStoreTests(test: StoreRun) {
  return [
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
