import { compareForPage, matchesPageQuery } from './pageQuery.js';
import type { SessionStore, StoredSession } from './types.js';

/**
 * A SessionStore in a Map: for tests and single-process demos that may forget everything on restart.
 * Semantics match the SQLite and PostgreSQL stores (the same contract suite runs against all three).
 */
export function createMemorySessionStore(): SessionStore {
  const sessions = new Map<string, StoredSession>();
  // Token hash → id: the lookup every request makes, kept O(1) and unique as a database index would be.
  const byTokenHash = new Map<string, string>();
  const attemptLists = new Map<string, { attempts: readonly number[]; keepUntil: number }>();
  // Copies out, so a caller mutating a result cannot change the stored row (as with a real database).
  const copy = (session: StoredSession): StoredSession => structuredClone(session);
  const live = (session: StoredSession, now: number) => session.expiresAt > now;
  const remove = (session: StoredSession) => {
    sessions.delete(session.id);
    byTokenHash.delete(session.tokenHash);
    return copy(session);
  };

  return {
    createSession: async (session) => {
      if (sessions.has(session.id) || byTokenHash.has(session.tokenHash)) {
        throw new Error('A session with this id or token hash exists already.');
      }
      sessions.set(session.id, copy(session));
      byTokenHash.set(session.tokenHash, session.id);
    },
    findByTokenHash: async (tokenHash) => {
      const session = sessions.get(byTokenHash.get(tokenHash) ?? '');
      return session ? copy(session) : null;
    },
    findById: async (id) => {
      const session = sessions.get(id);
      return session ? copy(session) : null;
    },
    recordActivity: async (id, activity) => {
      const session = sessions.get(id);
      if (session) Object.assign(session, structuredClone(activity));
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
        .sort((a, b) => b.lastActiveAt - a.lastActiveAt || (a.id < b.id ? 1 : -1))
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
        .map(remove),
    deleteExpired: async (before) => {
      const expired = [...sessions.values()].filter((s) => s.expiresAt <= before);
      for (const session of expired) remove(session);
      for (const [key, kept] of attemptLists) if (kept.keepUntil <= before) attemptLists.delete(key);
      return expired.length;
    },
    listSessionsPage: async (query) => {
      const matches = [...sessions.values()].filter((s) => matchesPageQuery(s, query));
      const page = matches
        .filter((s) => !query.after || compareForPage(s, query.after, query) > 0)
        .sort((a, b) => compareForPage(a, { value: b[query.sort], id: b.id }, query))
        .slice(0, query.limit);
      return { sessions: page.map(copy), total: matches.length };
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
    // Synchronous from read to write: nothing else runs in between, so each update sees the last one.
    updateAttempts: async (key, update, { keepUntil }) => {
      const { attempts, result } = update(attemptLists.get(key)?.attempts ?? []);
      if (attempts.length === 0) attemptLists.delete(key);
      else attemptLists.set(key, { attempts: [...attempts], keepUntil });
      return result;
    },
  };
}
