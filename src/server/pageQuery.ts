import type { SessionsPageCursor, SessionsPageQuery, StoredSession } from './types.js';

/**
 * The admin page's filter and order as plain code: what the memory store runs, and what the SQL stores'
 * WHERE and ORDER BY clauses must agree with (the store contract suite compares them).
 */
export function matchesPageQuery(session: StoredSession, query: SessionsPageQuery): boolean {
  const live = session.expiresAt > query.now;
  if (live !== (query.status === 'active')) return false;
  if (query.userId !== undefined && session.userId !== query.userId) return false;
  if (query.applicationId !== undefined && session.applicationId !== query.applicationId) return false;
  if (query.search === undefined) return true;
  const needle = query.search.toLowerCase();
  const inText = [session.ipAddress, session.userAgent].some((field) =>
    field?.toLowerCase().includes(needle),
  );
  return inText || (query.searchUserIds?.includes(session.userId) ?? false);
}

/** Positive when `session` comes after `than` in the page order (sort key, then id as a tie-break). */
export function compareForPage(
  session: StoredSession,
  than: SessionsPageCursor,
  query: Pick<SessionsPageQuery, 'sort' | 'direction'>,
): number {
  const value = session[query.sort];
  const order = value !== than.value ? value - than.value : session.id < than.id ? -1 : 1;
  const sign = session.id === than.id && value === than.value ? 0 : order;
  return query.direction === 'asc' ? sign : -sign;
}
