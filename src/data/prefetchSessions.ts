import type { QueryClient } from '@tanstack/react-query';
import type { SessionsDataProvider } from '../provider/types.js';
import { cacheScope } from './cacheScope.js';
import type { SessionsListFilters } from './sessionsKeys.js';
import { sessionsListQueryOptions } from './sessionsListQueryOptions.js';

export interface PrefetchSessionsOptions {
  dataProvider: SessionsDataProvider;
  /** The same `scope` the page's SessionsProvider gets (the user's id): the cache key depends on it. */
  scope: string;
  filters?: SessionsListFilters;
}

/**
 * Fetches the session list into a QueryClient on the server, so the HTML carries the rows and the
 * browser hydrates them without a loading state. Dehydrate with a serializer that keeps Dates (or plain
 * JSON: the list query reads ISO strings back as dates).
 *
 * @example
 * await prefetchSessions(queryClient, { dataProvider: serverProvider, scope: user.id });
 * const state = dehydrate(queryClient);
 */
export function prefetchSessions(
  queryClient: QueryClient,
  { dataProvider, scope, filters }: PrefetchSessionsOptions,
): Promise<void> {
  return queryClient.prefetchQuery(
    sessionsListQueryOptions(
      { dataProvider, queryClient, scope: cacheScope(dataProvider, scope), reportIssues: () => {} },
      filters,
    ),
  );
}
