'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { callProvider } from '../provider/callProvider.js';
import type { SessionsError } from '../provider/SessionsError.js';
import { endSession } from './alreadyGone.js';
import { useSessionsData } from './SessionsDataContext.js';
import { sessionsMutationKeys } from './sessionsKeys.js';

export type UseSignOutResult = UseMutationResult<void, SessionsError, void>;

/**
 * Signs this device out: calls the provider's `signOut` when it has one, then the host's
 * `onSignedOut({ reason: 'signed-out' })`. Without `signOut` the host's callback does the signing out.
 *
 * @example
 * const signOut = useSignOut();
 * <button onClick={() => signOut.mutate()}>Sign out</button>
 */
export function useSignOut(): UseSignOutResult {
  const { dataProvider, queryClient, scope, signalSignedOut, reportFailure, events } =
    useSessionsData('useSignOut');
  return useMutation<void, SessionsError, void>(
    {
      mutationKey: sessionsMutationKeys.signOut(scope),
      mutationFn: async () => {
        // Without the provider's signOut, the host's onSignedOut does the signing out.
        if (dataProvider.signOut) await endSession(() => callProvider(dataProvider, 'signOut'));
      },
      onSuccess: () => {
        events.emit({ type: 'signedOut' });
        signalSignedOut('signed-out');
      },
      onError: (error) => {
        // Already signed out on the server: that is what the user asked for.
        if (error.code === 'UNAUTHORIZED') signalSignedOut('signed-out');
        else reportFailure(error);
      },
    },
    queryClient,
  );
}
