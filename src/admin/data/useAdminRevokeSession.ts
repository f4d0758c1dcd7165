'use client';

import { type InfiniteData, useMutation } from '@tanstack/react-query';
import { useSessionsData } from '../../data/SessionsDataContext.js';
import { callProvider } from '../../provider/callProvider.js';
import { isSessionsError, type SessionsError } from '../../provider/SessionsError.js';
import type { AdminSessionsDataProvider } from '../types.js';
import { adminKeys, adminMutationKeys } from './adminKeys.js';
import type { AdminSessionsPage } from './useAdminSessions.js';

/**
 * An admin signs any session out. Waits for the server (an admin acts on someone else's account, so the
 * table shows only what happened); NOT_FOUND counts as already gone. The row leaves every cached page and
 * the stats refresh.
 *
 * @example
 * const revoke = useAdminRevokeSession();
 * revoke.mutate({ sessionId });
 */
export function useAdminRevokeSession() {
  const { dataProvider, queryClient, scope, reportError } = useSessionsData('useAdminRevokeSession');
  const provider = dataProvider as AdminSessionsDataProvider;
  return useMutation<{ sessionId: string; alreadyRevoked: boolean }, SessionsError, { sessionId: string }>(
    {
      mutationKey: adminMutationKeys.revokeSession(scope),
      mutationFn: async ({ sessionId }) => {
        try {
          await callProvider(provider, 'revokeSession', { sessionId });
          return { sessionId, alreadyRevoked: false };
        } catch (error) {
          if (isSessionsError(error) && error.code === 'NOT_FOUND')
            return { sessionId, alreadyRevoked: true };
          throw error;
        }
      },
      onSuccess: ({ sessionId }) => {
        queryClient.setQueriesData<InfiniteData<AdminSessionsPage>>(
          { queryKey: adminKeys.lists(scope) },
          (data) =>
            data
              ? {
                  ...data,
                  pages: data.pages.map((page) => ({
                    ...page,
                    total: page.sessions.some((s) => s.id === sessionId) ? page.total - 1 : page.total,
                    sessions: page.sessions.filter((s) => s.id !== sessionId),
                  })),
                }
              : data,
        );
        queryClient.setQueryData(adminKeys.session(scope, sessionId), null);
        void queryClient.invalidateQueries({ queryKey: adminKeys.stats(scope) });
      },
      onError: reportError,
    },
    queryClient,
  );
}
