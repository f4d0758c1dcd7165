import { type InfiniteData, type UseMutationResult, useMutation } from '@tanstack/react-query';
import { endSession } from '../../data/alreadyGone.js';
import { callProvider } from '../../provider/callProvider.js';
import type { SessionsError } from '../../provider/SessionsError.js';
import { useAdminData } from './AdminDataContext.js';
import { adminKeys, adminMutationKeys } from './adminKeys.js';
import { type AdminSessionsPage, withoutSession } from './useAdminSessions.js';

export type UseAdminRevokeSessionResult = UseMutationResult<
  { sessionId: string; alreadyRevoked: boolean },
  SessionsError,
  { sessionId: string }
>;

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
  const { dataProvider, queryClient, scope, reportFailure, events } = useAdminData('useAdminRevokeSession');
  return useMutation(
    {
      mutationKey: adminMutationKeys.revokeSession(scope),
      mutationFn: async ({ sessionId }: { sessionId: string }) => {
        const { alreadyRevoked } = await endSession(() =>
          callProvider(dataProvider, 'revokeSession', { sessionId }),
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
        events.emit({ type: 'sessionRevoked', sessionId, alreadyRevoked });
      },
      onError: reportFailure,
    },
    queryClient,
  );
}
