// The store suite's log data and walks, shared by its log tests (activityStoreTests.ts) and its tests of
// sessions with their sign-ins (sessionSignInStoreTests.ts).
import type { ActivityQuery, SessionStore, StoredActivity, StoredSession } from '../types.js';
import { activityFixture, HOUR as H, SUITE_NOW as NOW } from './storeFixtures.js';

/** How a suite's test gets a fresh store (sessionStoreTests.ts). */
export type StoreRun = (run: (store: SessionStore) => Promise<void>) => () => Promise<void>;

export const idsOf = (entries: readonly StoredActivity[]) => entries.map((entry) => entry.id);

/** Every id a log query answers, newest first, two at a time through the keyset cursor. */
export async function walkLog(store: SessionStore, query: Omit<ActivityQuery, 'limit' | 'after'>) {
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
export const expiryEntries = (removed: readonly StoredSession[]) =>
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
export async function logStore(store: SessionStore) {
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
