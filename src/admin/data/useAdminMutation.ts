'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import type { SessionsError } from '../../provider/SessionsError.js';
import { useAdminData } from './AdminDataContext.js';
import { adminMutationKeys } from './adminKeys.js';

type AdminData = ReturnType<typeof useAdminData>;

/** What an admin action's hook returns: TanStack's mutation result, failures as `SessionsError`s. */
export type AdminMutationResult<Data, Variables> = UseMutationResult<Data, SessionsError, Variables>;

/**
 * What every admin action shares: its mutation key in the scope, the typed admin provider, and its
 * failures to the host once (UNAUTHORIZED: `onSignedOut`, anything else: `onError`).
 */
export function useAdminMutation<Data, Variables>(
  consumerName: string,
  action: keyof typeof adminMutationKeys,
  define: (admin: AdminData) => {
    mutationFn: (variables: Variables) => Promise<Data>;
    onSuccess: (data: Data, variables: Variables) => unknown;
  },
): AdminMutationResult<Data, Variables> {
  const admin = useAdminData(consumerName);
  return useMutation<Data, SessionsError, Variables>(
    { mutationKey: adminMutationKeys[action](admin.scope), ...define(admin), onError: admin.reportFailure },
    admin.queryClient,
  );
}
