'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { callProvider } from '../provider/callProvider.js';
import { readRevokeManyOutcome } from '../provider/readCount.js';
import type { SessionsError } from '../provider/SessionsError.js';
import type { RevokeManyOutcome } from '../provider/types.js';
import { useSessionsData } from './SessionsDataContext.js';
import { type SealedPassword, sealPassword, takePassword } from './sealPassword.js';
import { keepOnlyCurrentSession } from './sessionCache.js';
import { sessionsKeys, sessionsMutationKeys } from './sessionsKeys.js';

export interface RevokeManyVariables {
  /** The user's password, when the provider requires it for this action. Never kept in the cache. */
  password?: string;
  /** Only sessions of this application. */
  applicationId?: string;
}

interface SealedVariables {
  sealed?: SealedPassword;
  applicationId?: string;
}

type InnerResult = UseMutationResult<RevokeManyOutcome, SessionsError, SealedVariables>;

export type UseRevokeManySessionsResult = Omit<InnerResult, 'mutate' | 'mutateAsync' | 'variables'> & {
  mutate: (variables?: RevokeManyVariables, options?: Parameters<InnerResult['mutate']>[1]) => void;
  mutateAsync: (
    variables?: RevokeManyVariables,
    options?: Parameters<InnerResult['mutateAsync']>[1],
  ) => Promise<RevokeManyOutcome>;
};

/** Shared by "sign out other devices" and "sign out everywhere": both wait for the server. */
export function useRevokeManySessions(
  action: 'revokeOtherSessions' | 'revokeAllSessions',
  consumerName: string,
): UseRevokeManySessionsResult {
  const { dataProvider, queryClient, scope, signalSignedOut, reportFailure, events } =
    useSessionsData(consumerName);
  const mutationKey = useMemo(() => sessionsMutationKeys[action](scope), [action, scope]);

  const mutation = useMutation<RevokeManyOutcome, SessionsError, SealedVariables>(
    {
      mutationKey,
      mutationFn: async ({ sealed, applicationId }) => {
        const password = takePassword(sealed);
        const params = {
          ...(password === undefined ? {} : { password }),
          ...(applicationId === undefined ? {} : { applicationId }),
        };
        return readRevokeManyOutcome(await callProvider(dataProvider, action, params), action);
      },
      onSuccess: ({ revokedCount }) => {
        if (action === 'revokeAllSessions') {
          events.emit({ type: 'allSessionsRevoked', revokedCount });
          signalSignedOut('revoked-all');
          return;
        }
        events.emit({ type: 'otherSessionsRevoked', revokedCount });
        keepOnlyCurrentSession(queryClient, scope);
        void queryClient.invalidateQueries({ queryKey: sessionsKeys.lists(scope) });
      },
      onError: reportFailure,
    },
    queryClient,
  );

  const { mutate: innerMutate, mutateAsync: innerMutateAsync } = mutation;
  const mutate = useCallback<UseRevokeManySessionsResult['mutate']>(
    (variables = {}, callOptions) => {
      // A double click or a repeated Enter must not send a second request.
      if (queryClient.isMutating({ mutationKey }) > 0) return;
      innerMutate(
        { sealed: sealPassword(variables.password), applicationId: variables.applicationId },
        callOptions,
      );
    },
    [innerMutate, queryClient, mutationKey],
  );
  const mutateAsync = useCallback<UseRevokeManySessionsResult['mutateAsync']>(
    (variables = {}, callOptions) =>
      innerMutateAsync(
        { sealed: sealPassword(variables.password), applicationId: variables.applicationId },
        callOptions,
      ),
    [innerMutateAsync],
  );
  const { variables: _sealed, ...rest } = mutation;
  return { ...rest, mutate, mutateAsync };
}
