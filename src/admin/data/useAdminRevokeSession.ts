'use client';

import type { InfiniteData } from '@tanstack/react-query';
import { endSession } from '../../data/alreadyGone.js';
import { callProvider } from '../../provider/callProvider.js';
import { adminKeys } from './adminKeys.js';
import { type AdminMutationResult, useAdminMutation } from './useAdminMutation.js';
import { type AdminSessionsPage, withoutSession } from './useAdminSessions.js';

export type UseAdminRevokeSessionResult = AdminMutationResult<RevokedSession, { sessionId: string }>;

/** The session signed out; `alreadyRevoked` when the server no longer knew it (NOT_FOUND). */
interface RevokedSession {
  sessionId: string;
  alreadyRevoked: boolean;
}

/**
 * An admin signs any session out. Waits for the server (an admin acts on someone else's account, so the
 * table shows only what happened); NOT_FOUND counts as already gone. The row leaves every loaded page,
 * the count drops by one, the stats refresh, and the live region says so.
 *
 * @example
 * const revoke = useAdminRevokeSession();
 * revoke.mutate({ sessionId });
 */
export function useAdminRevokeSession(): UseAdminRevokeSessionResult {
  return useAdminMutation(
    'useAdminRevokeSession',
    'revokeAnySession',
    ({ dataProvider, queryClient, scope, events }) => ({
      mutationFn: async ({ sessionId }: { sessionId: string }) => {
        const { alreadyRevoked } = await endSession(() =>
          callProvider(dataProvider, 'revokeAnySession', { sessionId }),
        );
        return { sessionId, alreadyRevoked };
      },
      onSuccess: ({ sessionId, alreadyRevoked }) => {
        queryClient.setQueriesData<InfiniteData<AdminSessionsPage>>(
          { queryKey: adminKeys.lists(scope) },
          (data) => withoutSession(data, sessionId),
        );
        queryClient.setQueryData(adminKeys.session(scope, sessionId), null);
        void queryClient.invalidateQueries({ queryKey: adminKeys.stats(scope) });
        void queryClient.invalidateQueries({ queryKey: adminKeys.activity(scope) });
        events.emit({ type: 'sessionEnded', sessionId, alreadyRevoked });
      },
    }),
  );
}
