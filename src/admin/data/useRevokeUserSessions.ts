'use client';

import { useMutation } from '@tanstack/react-query';
import { useSessionsData } from '../../data/SessionsDataContext.js';
import { callProvider } from '../../provider/callProvider.js';
import { SessionsError } from '../../provider/SessionsError.js';
import type { AdminSessionsDataProvider } from '../types.js';
import { adminKeys, adminMutationKeys } from './adminKeys.js';

/**
 * Signs out every session of one user and reports the server's count; the admin lists and stats refetch.
 *
 * @example
 * const revokeAll = useRevokeUserSessions();
 * revokeAll.mutate({ userId }, { onSuccess: ({ revokedCount }) => alert(revokedCount) });
 */
export function useRevokeUserSessions() {
  const { dataProvider, queryClient, scope, reportError } = useSessionsData('useRevokeUserSessions');
  const provider = dataProvider as AdminSessionsDataProvider;
  return useMutation<{ revokedCount: number }, SessionsError, { userId: string }>(
    {
      mutationKey: adminMutationKeys.revokeUserSessions(scope),
      mutationFn: async ({ userId }) => {
        const result = await callProvider(provider, 'revokeUserSessions', { userId });
        const count = (result as { revokedCount?: unknown } | null)?.revokedCount;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
          throw new SessionsError('INVALID_RESPONSE', 'revokeUserSessions did not report a count.');
        }
        return { revokedCount: count };
      },
      onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all(scope) }),
      onError: reportError,
    },
    queryClient,
  );
}
