'use client';

import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { retryTransient } from '../../data/retryTransient.js';
import { callProvider } from '../../provider/callProvider.js';
import type { SessionsError } from '../../provider/SessionsError.js';
import { readSessionStats } from '../provider/normalizeAdminSessions.js';
import type { SessionStats } from '../provider/types.js';
import { useAdminData } from './AdminDataContext.js';
import { adminKeys } from './adminKeys.js';

export type UseSessionStatsResult = UseQueryResult<SessionStats, SessionsError>;

/**
 * Active sessions, unique users, expired sessions and sessions started today. A failure reaches the
 * host's `onError` once (UNAUTHORIZED: `onSignedOut`).
 *
 * @example
 * const { data } = useSessionStats();
 * data && <p>{data.totalActive} active</p>;
 */
export function useSessionStats(): UseSessionStatsResult {
  const { dataProvider, capabilities, queryClient, scope, isSignedOut } = useAdminData('useSessionStats');
  return useQuery<SessionStats, SessionsError>(
    {
      queryKey: adminKeys.stats(scope),
      queryFn: async ({ signal }) =>
        readSessionStats(await callProvider(dataProvider, 'getSessionStats', { signal })),
      enabled: capabilities.canGetStats && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
}
