import type { HostSessionRecord, SessionStore } from '../types.js';
import { expectEqual } from './expectations.js';
import { HOUR as H, SUITE_NOW as NOW, sessionFixture } from './storeFixtures.js';

type StoreRun = (run: (store: SessionStore) => Promise<void>) => () => Promise<void>;

type HostSessionMethods = Required<
  Pick<SessionStore, 'readHostSession' | 'writeHostSession' | 'touchHostSession' | 'deleteHostSession'>
>;

/** The store's four host-session methods, or a failure naming the missing one. */
function hostMethodsOf(store: SessionStore): HostSessionMethods {
  const { readHostSession, writeHostSession, touchHostSession, deleteHostSession } = store;
  if (!readHostSession || !writeHostSession || !touchHostSession || !deleteHostSession)
    throw new Error(
      'The store has no host-session methods (readHostSession, writeHostSession, touchHostSession, ' +
        'deleteHostSession): createHostSessions cannot keep express-session or @fastify/session data in it.',
    );
  return {
    readHostSession: readHostSession.bind(store),
    writeHostSession: writeHostSession.bind(store),
    touchHostSession: touchHostSession.bind(store),
    deleteHostSession: deleteHostSession.bind(store),
  };
}

const HASH_A = `${'c1'.repeat(32)}`;
const HASH_B = `${'c2'.repeat(32)}`;

/**
 * The host-session part of the SessionStore contract (express-session's and @fastify/session's data kept
 * by hash beside profilekit's sessions). A store without those methods fails each with a message saying so.
 */
export function hostSessionStoreTests(test: StoreRun) {
  return [
    {
      name: 'host sessions: keeps a record by hash, replaces it, moves its expiry, removes it',
      run: test(async (store) => {
        const host = hostMethodsOf(store);
        const first: HostSessionRecord = { data: '{"cookie":{"path":"/"}}', expiresAt: NOW + H };
        await host.writeHostSession(HASH_A, first);
        expectEqual(await host.readHostSession(HASH_A), { ...first, session: null }, 'an anonymous record');
        expectEqual(await host.readHostSession(HASH_B), null, 'an unknown hash');
        const second = { data: '{"cookie":{"path":"/"},"passport":{"user":"7"}}', expiresAt: NOW + 2 * H };
        await host.writeHostSession(HASH_A, second);
        expectEqual(await host.readHostSession(HASH_A), { ...second, session: null }, 'the replaced record');
        await host.touchHostSession(HASH_A, NOW + 3 * H);
        expectEqual(
          await host.readHostSession(HASH_A),
          { ...second, expiresAt: NOW + 3 * H, session: null },
          'a touched record keeps its data',
        );
        await host.touchHostSession(HASH_B, NOW + 3 * H);
        expectEqual(await host.readHostSession(HASH_B), null, 'touching no record creates none');
        await host.deleteHostSession(HASH_A);
        expectEqual(await host.readHostSession(HASH_A), null, 'after delete');
        await host.deleteHostSession(HASH_A);
      }),
    },
    {
      name: 'host sessions: a record reads with the session of the same token hash until that session ends',
      run: test(async (store) => {
        const host = hostMethodsOf(store);
        const session = sessionFixture({ id: 'ses_host', tokenHash: HASH_A });
        await store.createSession(session);
        const record = { data: '{"passport":{"user":"usr_a"}}', expiresAt: NOW + 10 * H };
        await host.writeHostSession(HASH_A, record);
        expectEqual(
          await host.readHostSession(HASH_A),
          { ...record, session },
          'the record with its session',
        );
        await store.deleteSession(session.id, { now: NOW });
        expectEqual(
          await host.readHostSession(HASH_A),
          { ...record, session: null },
          'the record outlives the ended session, without it',
        );
      }),
    },
    {
      name: 'host sessions: housekeeping removes the records that expired before its cut-off, no others',
      run: test(async (store) => {
        const host = hostMethodsOf(store);
        await host.writeHostSession(HASH_A, { data: '{}', expiresAt: NOW - 2 * H });
        await host.writeHostSession(HASH_B, { data: '{}', expiresAt: NOW });
        await store.deleteExpired(NOW - H);
        expectEqual(await host.readHostSession(HASH_A), null, 'expired before the cut-off');
        expectEqual(
          await host.readHostSession(HASH_B),
          { data: '{}', expiresAt: NOW, session: null },
          'expired after it',
        );
      }),
    },
  ];
}
