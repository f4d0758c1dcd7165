'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { SessionsError } from '../provider/SessionsError.js';
import type {
  RevokeSessionContext,
  RevokeSessionData,
  RevokeSessionVariables,
  SealedRevokeVariables,
} from './SessionRevokes.js';
import { useSessionsData } from './SessionsDataContext.js';
import { sealPassword } from './sealPassword.js';

export type { RevokeSessionData, RevokeSessionVariables } from './SessionRevokes.js';

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
  /** Does nothing while a sign-out of the same session is on its way. */
  mutate: (variables: RevokeSessionVariables, options?: Parameters<InnerResult['mutate']>[1]) => void;
  /** Rejects while a sign-out of the same session is on its way. */
  mutateAsync: (
    variables: RevokeSessionVariables,
    options?: Parameters<InnerResult['mutateAsync']>[1],
  ) => Promise<RevokeSessionData>;
  /** The session being revoked (the password is never exposed here). */
  variables: { sessionId: string } | undefined;
};

/**
 * Signs one session out, through the same owner as the kit's own rows (so they show it, and a second
 * click anywhere sends nothing). Optimistic by default: the row leaves every cached list at once and
 * comes back if the server refuses. NOT_FOUND counts as success — the session is already gone.
 * UNAUTHORIZED means this device itself was signed out, and tells the host.
 *
 * @example
 * const revoke = useRevokeSession();
 * <button onClick={() => revoke.mutate({ sessionId: session.id })}>Sign out</button>
 */
export function useRevokeSession(options: UseRevokeSessionOptions = {}): UseRevokeSessionResult {
  const { revokes } = useSessionsData('useRevokeSession');
  const optimistic = options.optimistic !== false;
  const mutation = useMutation(revokes.options(optimistic), revokes.queryClient);

  const { mutate: innerMutate, mutateAsync: innerMutateAsync } = mutation;
  const begin = useCallback(
    (sessionId: string, password: string | undefined) =>
      revokes.begin(sessionId, { optimistic, withPassword: password !== undefined }),
    [revokes, optimistic],
  );
  const mutate = useCallback<UseRevokeSessionResult['mutate']>(
    ({ sessionId, password }, callOptions) => {
      if (begin(sessionId, password)) innerMutate({ sessionId, sealed: sealPassword(password) }, callOptions);
    },
    [begin, innerMutate],
  );
  const mutateAsync = useCallback<UseRevokeSessionResult['mutateAsync']>(
    ({ sessionId, password }, callOptions) =>
      begin(sessionId, password)
        ? innerMutateAsync({ sessionId, sealed: sealPassword(password) }, callOptions)
        : Promise.reject(new SessionsError('UNKNOWN', 'A sign-out of this session is already on its way.')),
    [begin, innerMutateAsync],
  );
  return {
    ...mutation,
    mutate,
    mutateAsync,
    variables: mutation.variables ? { sessionId: mutation.variables.sessionId } : undefined,
  };
}
