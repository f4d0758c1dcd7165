import { compareForSort, foldForSearch, searchTextOf } from '../contract/params.js';
import type { SessionsPageCursor, SessionsPageQuery, StoredSession } from './types.js';

/**
 * The admin page's filter and order as plain code, for the memory store: the same rules the SQL store
 * writes as WHERE and ORDER BY (the shipped store suite checks both against hand-written answers).
 */
export function matchesPageQuery(session: StoredSession, query: SessionsPageQuery): boolean {
  return hasPageStatus(session, query) && matchesPageFilters(session, query);
}

/** Whether a session is live or expired as the query's status asks, at the query's `now`. */
export const hasPageStatus = (session: StoredSession, query: Pick<SessionsPageQuery, 'now' | 'status'>) =>
  session.expiresAt > query.now === (query.status === 'active');

/** The filters that do not depend on the clock: user, application, search. */
export function matchesPageFilters(
  session: StoredSession,
  query: Pick<SessionsPageQuery, 'userId' | 'applicationId' | 'search' | 'searchUserIds'>,
): boolean {
  if (query.userId !== undefined && session.userId !== query.userId) return false;
  if (query.applicationId !== undefined && session.applicationId !== query.applicationId) return false;
  if (query.search === undefined) return true;
  return (
    searchTextOf(session).includes(foldForSearch(query.search)) ||
    (query.searchUserIds?.includes(session.userId) ?? false)
  );
}

/** Positive when `session` comes after `than` in the page order (sort key, then id as a tie-break). */
export function compareForPage(
  session: StoredSession,
  than: SessionsPageCursor,
  query: Pick<SessionsPageQuery, 'sort' | 'direction'>,
): number {
  const other = { id: than.id, lastActiveAt: than.value, createdAt: than.value, expiresAt: than.value };
  return compareForSort(session, other, query.sort, query.direction);
}
