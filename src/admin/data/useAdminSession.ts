'use client';

import { useQuery } from '@tanstack/react-query';
import { retryTransient } from '../../data/retryTransient.js';
import { useSessionsData } from '../../data/SessionsDataContext.js';
import { callProvider } from '../../provider/callProvider.js';
import { isSessionsError, SessionsError } from '../../provider/SessionsError.js';
import { normalizeAdminSessions } from '../normalizeAdminSessions.js';
import type { AdminSession, AdminSessionsDataProvider } from '../types.js';
import { adminKeys } from './adminKeys.js';

/**
 * One session with its user, fresh from the server; `null` when the server no longer knows it (seed 004's
 * nil), which is a state to show ("no longer exists"), not an error.
 *
 * @example
 * const { data } = useAdminSession(id);
 * if (data === null) return <p>This session no longer exists.</p>;
 */
export function useAdminSession(sessionId: string | undefined) {
  const { dataProvider, queryClient, scope, isSignedOut } = useSessionsData('useAdminSession');
  const provider = dataProvider as AdminSessionsDataProvider;
  return useQuery<AdminSession | null, SessionsError>(
    {
      queryKey: adminKeys.session(scope, sessionId ?? ''),
      queryFn: async ({ signal }) => {
        try {
          const raw = await callProvider(provider, 'getSession', { sessionId: sessionId ?? '', signal });
          const [session] = normalizeAdminSessions([raw]).sessions;
          if (!session)
            throw new SessionsError('INVALID_RESPONSE', 'getSession returned a malformed session.');
          return session;
        } catch (error) {
          if (isSessionsError(error) && error.code === 'NOT_FOUND') return null;
          throw error;
        }
      },
      enabled: sessionId !== undefined && typeof provider.getSession === 'function' && !isSignedOut,
      retry: retryTransient(queryClient),
    },
    queryClient,
  );
}
