import { compareForSort, foldForSearch, searchTextOf, startOfServerDay } from '../../contract/params.js';
import { SessionsError } from '../../provider/SessionsError.js';
import type { AdminSessionFilters, SessionStats } from './types.js';

/**
 * The admin list's rules over a snapshot of sessions a backend gave whole (the Better Auth adapter's: its
 * admin plugin cannot page, sort or search): filter, search, sort, page by cursor, count — by the
 * contract's own rules (contract/params.ts), which the stores follow in SQL or in memory.
 */

/** What the admin list filters, sorts and counts by, read from however a backend stores a session. */
export interface AdminSessionFacts {
  id: string;
  userId: string;
  email?: string | null;
  name?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  applicationId?: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  lastActiveAt: number;
  expiresAt: number;
}

/** The sessions that match the filters, in the asked order; ties go by id, so pages never overlap. */
export function selectAdminSessions<T>(
  items: Iterable<T>,
  facts: (item: T) => AdminSessionFacts,
  { search, userId, applicationId, status = 'active', sort }: AdminSessionFilters,
  now: number,
): T[] {
  const needle = search?.trim() ? foldForSearch(search.trim()) : undefined;
  const field = sort?.field ?? 'lastActiveAt';
  const direction = sort?.direction ?? 'desc';
  const matched: { item: T; fact: AdminSessionFacts }[] = [];
  for (const item of items) {
    const fact = facts(item);
    if (status === 'active' ? fact.expiresAt <= now : fact.expiresAt > now) continue;
    if (userId !== undefined && fact.userId !== userId) continue;
    if (applicationId !== undefined && fact.applicationId !== applicationId) continue;
    // The contract's search: IP and user agent, and here also the user's email and name, folded alike.
    if (
      needle &&
      !searchTextOf(fact).includes(needle) &&
      ![fact.email, fact.name].some((v) => v && foldForSearch(v).includes(needle))
    )
      continue;
    matched.push({ item, fact });
  }
  matched.sort((a, b) => compareForSort(a.fact, b.fact, field, direction));
  return matched.map(({ item }) => item);
}

/** One page of a selected list, by an opaque cursor (where the previous page ended), and the total. */
export function pageAdminSessions<T>(
  list: readonly T[],
  cursor: string | undefined,
  limit: number,
): { items: T[]; nextCursor: string | null; total: number } {
  const start = cursor === undefined || cursor === '' ? 0 : Number(cursor);
  if (!Number.isInteger(start) || start < 0)
    throw new SessionsError('UNKNOWN', 'Bad cursor.', { status: 400 });
  const end = Math.min(list.length, start + Math.max(1, limit));
  return {
    items: list.slice(start, end),
    nextCursor: end < list.length ? String(end) : null,
    total: list.length,
  };
}

/** Active sessions, their distinct users, expired sessions, and sessions started since local midnight. */
export function countSessionStats<T>(
  items: Iterable<T>,
  facts: (item: T) => AdminSessionFacts,
  now: number,
): SessionStats {
  const midnight = startOfServerDay(now);
  const users = new Set<string>();
  const stats: SessionStats = { totalActive: 0, uniqueUsers: 0, expired: 0, startedToday: 0 };
  for (const item of items) {
    const fact = facts(item);
    if (fact.expiresAt > now) {
      stats.totalActive += 1;
      users.add(fact.userId);
    } else stats.expired += 1;
    if (fact.createdAt >= midnight) stats.startedToday += 1;
  }
  stats.uniqueUsers = users.size;
  return stats;
}
