'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { SessionsError } from '../provider/SessionsError.js';
import {
  isRevokePending,
  type RevokeSessionContext,
  type RevokeSessionData,
  type RevokeSessionVariables,
  revokeSessionMutationOptions,
  type SealedRevokeVariables,
} from './revokeSessionMutation.js';
import { useSessionsData } from './SessionsDataContext.js';
import { sealPassword } from './sealPassword.js';

export type {
  RevokeSessionContext,
  RevokeSessionData,
  RevokeSessionVariables,
  SealedRevokeVariables,
} from './revokeSessionMutation.js';

export interface UseRevokeSessionOptions {
  /**
   * Remove the row before the server answers, and put it back if the server refuses. Turn off when the
   * server must check a password first, so the row stays until the password is accepted.
   * @default true
   */
  optimistic?: boolean;
}

type InnerResult = UseMutationResult<
  RevokeSessionData,
  SessionsError,
  SealedRevokeVariables,
  RevokeSessionContext
>;

export type UseRevokeSessionResult = Omit<InnerResult, 'mutate' | 'mutateAsync' | 'variables'> & {
  mutate: (variables: RevokeSessionVariables, options?: Parameters<InnerResult['mutate']>[1]) => void;
  mutateAsync: (
    variables: RevokeSessionVariables,
    options?: Parameters<InnerResult['mutateAsync']>[1],
  ) => Promise<RevokeSessionData>;
  /** The session being revoked (the password is never exposed here). */
  variables: { sessionId: string } | undefined;
};

/**
 * Signs one session out. Optimistic by default: the row leaves every cached list at once (cancel →
 * remove → put back on failure → refetch when settled). NOT_FOUND counts as success — the session is
 * already gone. UNAUTHORIZED means this device itself was signed out, and tells the host.
 *
 * @example
 * const revoke = useRevokeSession();
 * <button onClick={() => revoke.mutate({ sessionId: session.id })}>Sign out</button>
 */
export function useRevokeSession(options: UseRevokeSessionOptions = {}): UseRevokeSessionResult {
  const { dataProvider, queryClient, scope, signalSignedOut, reportError } =
    useSessionsData('useRevokeSession');
  const optimistic = options.optimistic !== false;
  const mutationOptions = useMemo(
    () =>
      revokeSessionMutationOptions(
        { dataProvider, queryClient, scope, signalSignedOut, reportError },
        optimistic,
      ),
    [dataProvider, queryClient, scope, signalSignedOut, reportError, optimistic],
  );
  const mutation = useMutation(mutationOptions, queryClient);

  const { mutate: innerMutate, mutateAsync: innerMutateAsync } = mutation;
  const mutate = useCallback<UseRevokeSessionResult['mutate']>(
    ({ sessionId, password }, callOptions) => {
      // A double click or a repeated Enter must not send a second request for the same session.
      if (isRevokePending(queryClient, scope, sessionId)) return;
      innerMutate({ sessionId, sealed: sealPassword(password) }, callOptions);
    },
    [innerMutate, queryClient, scope],
  );
  const mutateAsync = useCallback<UseRevokeSessionResult['mutateAsync']>(
    ({ sessionId, password }, callOptions) =>
      innerMutateAsync({ sessionId, sealed: sealPassword(password) }, callOptions),
    [innerMutateAsync],
  );
  return {
    ...mutation,
    mutate,
    mutateAsync,
    variables: mutation.variables ? { sessionId: mutation.variables.sessionId } : undefined,
  };
}
