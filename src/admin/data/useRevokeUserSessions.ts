import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { callProvider } from '../../provider/callProvider.js';
import { readRevokedCount } from '../../provider/readCount.js';
import type { SessionsError } from '../../provider/SessionsError.js';
import { useAdminData } from './AdminDataContext.js';
import { adminKeys, adminMutationKeys } from './adminKeys.js';

export type UseRevokeUserSessionsResult = UseMutationResult<
  { revokedCount: number },
  SessionsError,
  { userId: string }
>;

/**
 * Signs out every session of one user and reports the server's count; the admin lists and stats refetch,
 * and the live region says how many.
 *
 * @example
 * const revokeAll = useRevokeUserSessions();
 * revokeAll.mutate({ userId }, { onSuccess: ({ revokedCount }) => alert(revokedCount) });
 */
export function useRevokeUserSessions(): UseRevokeUserSessionsResult {
  const { dataProvider, queryClient, scope, reportFailure, events } = useAdminData('useRevokeUserSessions');
  return useMutation(
    {
      mutationKey: adminMutationKeys.revokeUserSessions(scope),
      mutationFn: async ({ userId }: { userId: string }) =>
        readRevokedCount(
          await callProvider(dataProvider, 'revokeUserSessions', { userId }),
          'revokeUserSessions',
        ),
      onSuccess: ({ revokedCount }, { userId }) => {
        events.emit({ type: 'userSessionsRevoked', userId, revokedCount });
        return queryClient.invalidateQueries({ queryKey: adminKeys.scope(scope) });
      },
      onError: reportFailure,
    },
    queryClient,
  );
}
