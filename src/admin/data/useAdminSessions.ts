'use client';

import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { retryTransient } from '../../data/retryTransient.js';
import { useSessionsData } from '../../data/SessionsDataContext.js';
import { callProvider } from '../../provider/callProvider.js';
import type { SessionsError } from '../../provider/SessionsError.js';
import { normalizeAdminSessions } from '../normalizeAdminSessions.js';
import type { AdminSession, AdminSessionFilters, AdminSessionsDataProvider } from '../types.js';
import { adminKeys } from './adminKeys.js';

export interface AdminSessionsPage {
  sessions: AdminSession[];
  nextCursor?: string;
  total: number;
}

export const DEFAULT_ADMIN_PAGE_SIZE = 100;

/**
 * Every user's sessions, a page at a time (server-side filters, sort and cursor), for the admin table.
 *
 * @example
 * const { data, fetchNextPage, hasNextPage } = useAdminSessions({ search: 'ana' });
 * const rows = data?.pages.flatMap((page) => page.sessions) ?? [];
 */
export function useAdminSessions(filters: AdminSessionFilters = {}, pageSize = DEFAULT_ADMIN_PAGE_SIZE) {
  const { dataProvider, queryClient, scope, reportIssues, reportError, isSignedOut } =
    useSessionsData('useAdminSessions');
  const provider = dataProvider as AdminSessionsDataProvider;
  const query = useInfiniteQuery<
    AdminSessionsPage,
    SessionsError,
    InfiniteData<AdminSessionsPage>,
    readonly unknown[],
    string | undefined
  >(
    {
      queryKey: adminKeys.list(scope, filters, pageSize),
      queryFn: async ({ signal, pageParam }) => {
        const raw: { sessions?: unknown; nextCursor?: unknown; total?: unknown } = await callProvider(
          provider,
          'listAllSessions',
          { ...filters, signal, cursor: pageParam, limit: pageSize },
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
      enabled: typeof provider.listAllSessions === 'function' && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
  const { error } = query;
  useEffect(() => {
    if (error) reportError(error);
  }, [error, reportError]);
  return query;
}
