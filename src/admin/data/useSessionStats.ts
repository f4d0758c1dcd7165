'use client';

import { useQuery } from '@tanstack/react-query';
import { retryTransient } from '../../data/retryTransient.js';
import { useSessionsData } from '../../data/SessionsDataContext.js';
import { callProvider } from '../../provider/callProvider.js';
import type { SessionsError } from '../../provider/SessionsError.js';
import { readSessionStats } from '../normalizeAdminSessions.js';
import type { AdminSessionsDataProvider, SessionStats } from '../types.js';
import { adminKeys } from './adminKeys.js';

/**
 * Active sessions, unique users, expired sessions and sessions started today (seed 004).
 *
 * @example
 * const { data } = useSessionStats();
 * data && <p>{data.totalActive} active</p>;
 */
export function useSessionStats() {
  const { dataProvider, queryClient, scope, isSignedOut } = useSessionsData('useSessionStats');
  const provider = dataProvider as AdminSessionsDataProvider;
  return useQuery<SessionStats, SessionsError>(
    {
      queryKey: adminKeys.stats(scope),
      queryFn: async ({ signal }) =>
        readSessionStats(await callProvider(provider, 'getSessionStats', { signal })),
      enabled: typeof provider.getSessionStats === 'function' && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
}
