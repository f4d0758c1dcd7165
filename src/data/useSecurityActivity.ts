'use client';

import { type InfiniteData, type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { callProvider } from '../provider/callProvider.js';
import { entriesOfPages, type NormalizedActivity, normalizeActivity } from '../provider/normalizeActivity.js';
import type { SessionsError } from '../provider/SessionsError.js';
import type { ActivityEntry } from '../provider/types.js';
import { useSessionsData } from './SessionsDataContext.js';
import { sessionsKeys } from './sessionsKeys.js';

/** The log's cache key, under the scope's (clearing a signed-out user's scope clears it too). */
export const activityKey = (scope: string) => [...sessionsKeys.scope(scope), 'activity'] as const;

export interface UseSecurityActivityOptions {
  /** Entries per page. @default the server's (20 over the contract) */
  pageSize?: number;
}

export interface UseSecurityActivityResult {
  query: UseInfiniteQueryResult<InfiniteData<NormalizedActivity, string | undefined>, SessionsError>;
  /** Every page's entries, newest first, each once. */
  entries: ActivityEntry[];
  /** The provider keeps no history (`listActivity` is absent). */
  unavailable: boolean;
}

/**
 * The signed-in user's authentication log, a page at a time. It refreshes whenever the sessions list
 * does (a sign-in or sign-out elsewhere arrives through the live stream or the poll) and after the user's
 * own actions, so a revoke shows up in the log at once.
 */
export function useSecurityActivity(options: UseSecurityActivityOptions = {}): UseSecurityActivityResult {
  const { dataProvider, queryClient, scope, isSignedOut, events } = useSessionsData('useSecurityActivity');
  const unavailable = typeof dataProvider.listActivity !== 'function';
  const query = useInfiniteQuery<
    NormalizedActivity,
    SessionsError,
    InfiniteData<NormalizedActivity, string | undefined>,
    readonly unknown[],
    string | undefined
  >(
    {
      queryKey: activityKey(scope),
      queryFn: async ({ pageParam, signal }) =>
        normalizeActivity(
          await callProvider(dataProvider, 'listActivity', {
            signal,
            ...(pageParam === undefined ? {} : { cursor: pageParam }),
            ...(options.pageSize === undefined ? {} : { limit: options.pageSize }),
          }),
        ),
      initialPageParam: undefined,
      getNextPageParam: (last) => last.nextCursor,
      enabled: !unavailable && !isSignedOut,
    },
    queryClient,
  );

  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: activityKey(scope) });
    const listKey = sessionsKeys.lists(scope);
    const stopCache = queryClient.getQueryCache().subscribe((event) => {
      const key = event.query.queryKey;
      const isList = listKey.every((part, i) => key[i] === part);
      if (isList && event.type === 'updated' && event.action.type === 'success') refresh();
    });
    const stopEvents = events.subscribe(refresh);
    return () => {
      stopCache();
      stopEvents();
    };
  }, [queryClient, scope, events]);

  const entries = useMemo(() => entriesOfPages(query.data?.pages), [query.data]);
  return { query, entries, unavailable };
}
