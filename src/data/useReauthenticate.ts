'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { callProvider } from '../provider/callProvider.js';
import { SessionsError } from '../provider/SessionsError.js';
import { toSessionsError } from '../provider/toSessionsError.js';
import { useSessionsData } from './SessionsDataContext.js';
import { type SealedPassword, sealPassword, takePassword } from './sealPassword.js';
import { sessionsKeys, sessionsMutationKeys } from './sessionsKeys.js';

interface SealedVariables {
  sealed?: SealedPassword;
}

type InnerResult = UseMutationResult<void, SessionsError, SealedVariables>;

export type UseReauthenticateResult = Omit<InnerResult, 'mutate' | 'mutateAsync' | 'variables'> & {
  /** Confirms the password (or hands over to the host's `onReauthRequired`), then retries the list. */
  mutate: (variables?: { password?: string }, options?: Parameters<InnerResult['mutate']>[1]) => void;
};

/**
 * Answers REAUTH_REQUIRED: confirms the password through the provider's `reauthenticate`, or lets the
 * host re-authenticate through `onReauthRequired`, then refetches the lists that asked for it.
 *
 * @example
 * const reauth = useReauthenticate();
 * reauth.mutate({ password });
 */
export function useReauthenticate(): UseReauthenticateResult {
  const { dataProvider, capabilities, queryClient, scope, onReauthRequired, reportFailure } =
    useSessionsData('useReauthenticate');
  const mutation = useMutation<void, SessionsError, SealedVariables>(
    {
      mutationKey: sessionsMutationKeys.reauthenticate(scope),
      mutationFn: async ({ sealed }) => {
        const password = takePassword(sealed);
        if (capabilities.canReauthenticate && password !== undefined) {
          await callProvider(dataProvider, 'reauthenticate', { password });
          return;
        }
        if (!onReauthRequired) {
          throw new SessionsError(
            'UNKNOWN',
            'The dataProvider has no reauthenticate and no onReauthRequired is set.',
          );
        }
        try {
          await onReauthRequired();
        } catch (error) {
          throw toSessionsError(error);
        }
      },
      onSuccess: () => queryClient.resetQueries({ queryKey: sessionsKeys.lists(scope) }),
      // Like every other action's failure: UNAUTHORIZED signs out, anything else reaches the host's onError
      // (a prompt that cannot confirm is a setup problem the host must hear of, not only the user).
      onError: reportFailure,
    },
    queryClient,
  );
  const { mutate: innerMutate } = mutation;
  const mutate = useCallback<UseReauthenticateResult['mutate']>(
    (variables = {}, callOptions) => innerMutate({ sealed: sealPassword(variables.password) }, callOptions),
    [innerMutate],
  );
  const { variables: _sealed, mutateAsync: _mutateAsync, ...rest } = mutation;
  return { ...rest, mutate };
}
