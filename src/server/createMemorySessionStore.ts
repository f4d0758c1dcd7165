import { isSignInOf } from './history/entries.js';
import { createMemoryActivityLog } from './history/memoryActivityLog.js';
import { compareForPage, hasPageStatus, matchesPageFilters } from './pageQuery.js';
import { byRecentActivity } from './sessionOrder.js';
import type { HostSessionRecord, SessionStore, SessionsPageQuery, StoredSession } from './types.js';

/**
 * A SessionStore in a Map: for tests and single-process demos that may forget everything on restart.
 * Semantics match the SQL store (the shipped store suite, profilekit/server/testing, runs against both).
 */
export function createMemorySessionStore(): SessionStore {
  return createMemoryStoreWithRows().store;
}

/**
 * The memory store and its rows, for the memory backend (profilekit/memory), which seeds thousands of
 * sessions at once and reads them back without a round of promises. Not a public entry: hosts get the
 * store alone.
 */
export function createMemoryStoreWithRows() {
  const sessions = new Map<string, StoredSession>();
  // Token hash → id: the lookup every request makes, kept O(1) and unique as a database index would be.
  const byTokenHash = new Map<string, string>();
  const attemptLists = new Map<string, { attempts: readonly number[]; keepUntil: number }>();
  const hostRecords = new Map<string, HostSessionRecord>();
  const log = createMemoryActivityLog();
  // Copies out, so a caller mutating a result cannot change the stored row (as with a real database).
  const copy = (session: StoredSession): StoredSession => structuredClone(session);
  const live = (session: StoredSession, now: number) => session.expiresAt > now;
  // Sorted views of the admin list, kept until a write changes what a page could show: at 100,000
  // sessions a page is then a binary search and a slice, not a sort.
  let version = 0;
  const views = new Map<string, StoredSession[]>();
  const changed = () => {
    version += 1;
    views.clear();
  };
  const viewOf = (query: SessionsPageQuery) => {
    const key = JSON.stringify([
      query.search,
      query.searchUserIds,
      query.userId,
      query.applicationId,
      query.sort,
      query.direction,
    ]);
    let view = views.get(key);
    if (!view) {
      view = [...sessions.values()]
        .filter((s) => matchesPageFilters(s, query))
        .sort((a, b) => compareForPage(a, { value: b[query.sort], id: b.id }, query));
      views.set(key, view);
    }
    return view;
  };
  const remove = (session: StoredSession) => {
    sessions.delete(session.id);
    byTokenHash.delete(session.tokenHash);
    changed();
    return copy(session);
  };

  const insert = (session: StoredSession) => {
    if (sessions.has(session.id) || byTokenHash.has(session.tokenHash)) {
      throw new Error('A session with this id or token hash exists already.');
    }
    sessions.set(session.id, copy(session));
    byTokenHash.set(session.tokenHash, session.id);
    changed();
  };
  /** Gives a session a new token hash (the memory backend issues a seeded session's token late). */
  const rehash = (id: string, tokenHash: string, tokenPreview: string) => {
    const session = sessions.get(id);
    if (!session) return;
    byTokenHash.delete(session.tokenHash);
    Object.assign(session, { tokenHash, tokenPreview });
    byTokenHash.set(tokenHash, id);
  };
  const store: SessionStore = {
    createSession: async (session, entries = [], { newDeviceSince } = {}) => {
      const signIn = entries.find((entry) => isSignInOf(entry, session));
      // Decided before anything is written (the log as it stood), unless the log skips the entry.
      const decided =
        signIn && newDeviceSince !== undefined && !log.holds(signIn.id)
          ? { ...signIn, newDevice: log.isNewDevice(signIn, newDeviceSince) }
          : undefined;
      insert(session);
      log.append(decided ? entries.map((entry) => (entry === signIn ? decided : entry)) : entries);
      return { newDevice: decided?.newDevice ?? false };
    },
    findByTokenHash: async (tokenHash) => {
      const session = sessions.get(byTokenHash.get(tokenHash) ?? '');
      return session ? copy(session) : null;
    },
    findById: async (id) => {
      const session = sessions.get(id);
      return session ? copy(session) : null;
    },
    findByIds: async (ids) =>
      [...new Set(ids)].flatMap((id) => {
        const session = sessions.get(id);
        return session ? [copy(session)] : [];
      }),
    recordActivity: async (id, activity) => {
      const session = sessions.get(id);
      if (session) Object.assign(session, structuredClone(activity));
      changed();
    },
    markAuthenticated: async (id, at) => {
      const session = sessions.get(id);
      if (session) session.authenticatedAt = at;
    },
    listUserSessions: async (userId, { now, applicationId }) =>
      [...sessions.values()]
        .filter(
          (s) =>
            s.userId === userId &&
            live(s, now) &&
            (applicationId === undefined || s.applicationId === applicationId),
        )
        .sort(byRecentActivity)
        .map(copy),
    deleteSession: async (id, { now, userId }) => {
      const session = sessions.get(id);
      if (!session || !live(session, now) || (userId !== undefined && session.userId !== userId)) return null;
      return remove(session);
    },
    deleteUserSessions: async (userId, { now, exceptId, applicationId }) =>
      [...sessions.values()]
        .filter(
          (s) =>
            s.userId === userId &&
            live(s, now) &&
            s.id !== exceptId &&
            (applicationId === undefined || s.applicationId === applicationId),
        )
        .sort(byRecentActivity)
        .map(remove),
    deleteExpired: async (before, record) => {
      const expired = [...sessions.values()].filter((s) => s.expiresAt <= before);
      // The entries first: should `record` throw, nothing is removed (as a rolled-back transaction).
      if (record) log.append(record(expired.map(copy)));
      for (const session of expired) remove(session);
      for (const [key, kept] of attemptLists) if (kept.keepUntil <= before) attemptLists.delete(key);
      for (const [hash, kept] of hostRecords) if (kept.expiresAt <= before) hostRecords.delete(hash);
      return expired.length;
    },
    listSessionsPage: async (query) => {
      const view = viewOf(query);
      // The first row after the cursor, by binary search over the view's order.
      let start = 0;
      if (query.after) {
        let end = view.length;
        while (start < end) {
          const middle = (start + end) >>> 1;
          if (compareForPage(view[middle] as StoredSession, query.after, query) > 0) end = middle;
          else start = middle + 1;
        }
      }
      // Live or expired is a question of `now`, so it is asked here, not cached.
      const page: StoredSession[] = [];
      for (let i = start; i < view.length && page.length < query.limit; i++) {
        const session = view[i] as StoredSession;
        if (hasPageStatus(session, query)) page.push(copy(session));
      }
      let total = 0;
      for (const session of view) if (hasPageStatus(session, query)) total += 1;
      return { sessions: page, total };
    },
    countSessions: async ({ now, startOfDay }) => {
      const all = [...sessions.values()];
      const active = all.filter((s) => live(s, now));
      return {
        totalActive: active.length,
        uniqueUsers: new Set(active.map((s) => s.userId)).size,
        expired: all.length - active.length,
        startedToday: all.filter((s) => s.createdAt >= startOfDay).length,
      };
    },
    appendActivity: async (entries) => log.append(entries),
    listActivity: async (query) => log.list(query),
    countActivity: async (query) => log.count(query),
    pruneActivity: async (before) =>
      log.prune(
        before,
        (entry) => entry.kind === 'signed-in' && entry.sessionId !== null && sessions.has(entry.sessionId),
      ),
    readHostSession: async (tokenHash) => {
      const kept = hostRecords.get(tokenHash);
      if (!kept) return null;
      const id = byTokenHash.get(tokenHash);
      const session = id === undefined ? undefined : sessions.get(id);
      return { ...kept, session: session ? copy(session) : null };
    },
    writeHostSession: async (tokenHash, record) => {
      hostRecords.set(tokenHash, { data: record.data, expiresAt: record.expiresAt });
    },
    touchHostSession: async (tokenHash, expiresAt) => {
      const kept = hostRecords.get(tokenHash);
      if (kept) hostRecords.set(tokenHash, { ...kept, expiresAt });
    },
    deleteHostSession: async (tokenHash) => {
      hostRecords.delete(tokenHash);
    },
    // Synchronous from read to write: nothing else runs in between, so each update sees the last one.
    updateAttempts: async (key, update, { keepUntil }) => {
      const { attempts, result } = update(attemptLists.get(key)?.attempts ?? []);
      if (attempts.length === 0) attemptLists.delete(key);
      else attemptLists.set(key, { attempts: [...attempts], keepUntil });
      return result;
    },
  };
  return {
    store,
    rows: sessions as ReadonlyMap<string, StoredSession>,
    insert,
    rehash,
    version: () => version,
  };
}
