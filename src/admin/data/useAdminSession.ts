'use client';

import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { retryTransient } from '../../data/retryTransient.js';
import { callProvider } from '../../provider/callProvider.js';
import { isSessionsError, SessionsError } from '../../provider/SessionsError.js';
import { normalizeAdminSessions } from '../provider/normalizeAdminSessions.js';
import type { AdminSession } from '../provider/types.js';
import { useAdminData } from './AdminDataContext.js';
import { adminKeys } from './adminKeys.js';

export type UseAdminSessionResult = UseQueryResult<AdminSession | null, SessionsError>;

/**
 * One session with its user, fresh from the server; `null` when the server no longer knows it, which is
 * a state to show ("no longer exists"), not an error. Other failures reach the host's `onError` once.
 *
 * @example
 * const { data } = useAdminSession(id);
 * if (data === null) return <p>This session no longer exists.</p>;
 */
export function useAdminSession(sessionId: string | undefined): UseAdminSessionResult {
  const { dataProvider, capabilities, queryClient, scope, isSignedOut } = useAdminData('useAdminSession');
  return useQuery<AdminSession | null, SessionsError>(
    {
      queryKey: adminKeys.session(scope, sessionId ?? ''),
      queryFn: async ({ signal }) => {
        try {
          const raw = await callProvider(dataProvider, 'getSession', { sessionId: sessionId ?? '', signal });
          const [session] = normalizeAdminSessions([raw]).sessions;
          if (!session)
            throw new SessionsError('INVALID_RESPONSE', 'getSession returned a malformed session.');
          return session;
        } catch (error) {
          if (isSessionsError(error) && error.code === 'NOT_FOUND') return null;
          throw error;
        }
      },
      enabled: sessionId !== undefined && capabilities.canGetSession && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
}
