'use client';

import { type InfiniteData, type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query';
import { MAX_ADMIN_PAGE_SIZE } from '../../contract/limits.js';
import { retryTransient } from '../../data/retryTransient.js';
import { callProvider } from '../../provider/callProvider.js';
import type { SessionsError } from '../../provider/SessionsError.js';
import { normalizeAdminSessions } from '../provider/normalizeAdminSessions.js';
import type { AdminSession, AdminSessionFilters } from '../provider/types.js';
import { useAdminData } from './AdminDataContext.js';
import { adminKeys } from './adminKeys.js';

/** One page as the server sent it, validated. */
export interface AdminSessionsPage {
  sessions: AdminSession[];
  nextCursor?: string;
  /**
   * How many sessions match the filters in all: a count of the whole list, which every page repeats
   * (a sign-out lowers it on every page, whichever page held the row).
   */
  total: number;
}

/** What the admin table reads: every loaded row in order, and how many match in all. */
export interface AdminSessionsList {
  sessions: AdminSession[];
  total: number;
}

export type UseAdminSessionsResult = UseInfiniteQueryResult<AdminSessionsList, SessionsError>;

// A page of 100 rows: a few screens of the table, small enough to arrive quickly.
const DEFAULT_PAGE_SIZE = 100;

// Module-level, so TanStack keeps the result until the pages change.
const toList = (data: InfiniteData<AdminSessionsPage>): AdminSessionsList => ({
  sessions: data.pages.flatMap((page) => page.sessions),
  // The newest count the server gave (the last page's); every page's agrees after a local sign-out.
  total: data.pages.at(-1)?.total ?? 0,
});

/**
 * Every user's sessions, a page at a time (server-side filters, sort and cursor; `pageSize` rows a
 * request, 100 by default, at most the contract's 1,000), for the admin table. A failure reaches the host's `onError` once
 * (UNAUTHORIZED: `onSignedOut`), however many read it.
 *
 * @example
 * const { data, fetchNextPage, hasNextPage } = useAdminSessions({ search: 'ana' });
 * const rows = data?.sessions ?? [];
 */
export function useAdminSessions(
  filters: AdminSessionFilters = {},
  pageSize = DEFAULT_PAGE_SIZE,
): UseAdminSessionsResult {
  // A server answers a larger limit with 400: ask for the most it must serve, and page on.
  const limit = Math.min(pageSize, MAX_ADMIN_PAGE_SIZE);
  const { dataProvider, capabilities, queryClient, scope, reportIssues, isSignedOut } =
    useAdminData('useAdminSessions');
  return useInfiniteQuery<
    AdminSessionsPage,
    SessionsError,
    AdminSessionsList,
    readonly unknown[],
    string | undefined
  >(
    {
      queryKey: adminKeys.list(scope, filters, limit),
      queryFn: async ({ signal, pageParam }) => {
        const raw: { sessions?: unknown; nextCursor?: unknown; total?: unknown } = await callProvider(
          dataProvider,
          'listAllSessions',
          { ...filters, signal, cursor: pageParam, limit },
        );
        const { sessions, issues } = normalizeAdminSessions(raw?.sessions);
        if (issues.length > 0) reportIssues(issues);
        const total = typeof raw.total === 'number' && raw.total >= 0 ? raw.total : sessions.length;
        const nextCursor =
          typeof raw.nextCursor === 'string' && raw.nextCursor !== '' ? raw.nextCursor : undefined;
        return { sessions, nextCursor, total };
      },
      initialPageParam: undefined,
      getNextPageParam: (last) => last.nextCursor,
      select: toList,
      enabled: capabilities.canListAll && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
}

/** Takes a signed-out session out of every loaded page, and one from the list's count on each page. */
export function withoutSession(
  data: InfiniteData<AdminSessionsPage> | undefined,
  sessionId: string,
): InfiniteData<AdminSessionsPage> | undefined {
  if (!data?.pages.some((page) => page.sessions.some((s) => s.id === sessionId))) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      total: Math.max(0, page.total - 1),
      sessions: page.sessions.filter((s) => s.id !== sessionId),
    })),
  };
}
