import { expectEqual } from './expectations.js';
import { idsOf, logStore, type StoreRun, walkLog } from './logFixtures.js';
import { activityFixture, HOUR as H, SUITE_NOW as NOW, signInFixture } from './storeFixtures.js';

/** The authentication log's part of the SessionStore contract: its entries, queries, counts and retention. */
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
  ];
}
