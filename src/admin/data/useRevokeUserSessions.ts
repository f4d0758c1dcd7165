'use client';

import { callProvider } from '../../provider/callProvider.js';
import { readRevokedCount } from '../../provider/readCount.js';
import { adminKeys } from './adminKeys.js';
import { type AdminMutationResult, useAdminMutation } from './useAdminMutation.js';

export type UseRevokeUserSessionsResult = AdminMutationResult<{ revokedCount: number }, { userId: string }>;

/**
 * Signs out every session of one user and reports the server's count; the admin lists and stats refetch,
 * and the live region says how many.
 *
 * @example
 * const revokeAll = useRevokeUserSessions();
 * revokeAll.mutate({ userId }, { onSuccess: ({ revokedCount }) => alert(revokedCount) });
 */
export function useRevokeUserSessions(): UseRevokeUserSessionsResult {
  return useAdminMutation(
    'useRevokeUserSessions',
    'revokeUserSessions',
    ({ dataProvider, queryClient, scope, events }) => ({
      mutationFn: async ({ userId }: { userId: string }) =>
        readRevokedCount(
          await callProvider(dataProvider, 'revokeUserSessions', { userId }),
          'revokeUserSessions',
        ),
      onSuccess: ({ revokedCount }, { userId }) => {
        events.emit({ type: 'userSessionsRevoked', userId, revokedCount });
        return queryClient.invalidateQueries({ queryKey: adminKeys.scope(scope) });
      },
    }),
  );
}
