import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { callProvider } from '../provider/callProvider.js';
import { isSessionsError, type SessionsError } from '../provider/SessionsError.js';
import type { Session } from '../provider/types.js';
import { useSessionsData } from './SessionsDataContext.js';
import { type SealedPassword, sealPassword, takePassword } from './sealPassword.js';
import {
  findCachedSession,
  type RemovedSession,
  removeSessionFromLists,
  restoreSessions,
} from './sessionCache.js';
import { sessionsKeys, sessionsMutationKeys } from './sessionsKeys.js';

export interface RevokeSessionVariables {
  sessionId: string;
  /** The user's password, when the provider requires it for this action. Never kept in the cache. */
  password?: string;
}

export interface RevokeSessionData {
  sessionId: string;
  /** The server no longer knew the session (NOT_FOUND): it was already gone, which is what was asked. */
  alreadyRevoked: boolean;
}

export interface UseRevokeSessionOptions {
  /**
   * Remove the row before the server answers, and put it back if the server refuses. Turn off when the
   * server must check a password first, so the row stays until the password is accepted.
   * @default true
   */
  optimistic?: boolean;
}

/** What the mutation cache holds: the id and a sealed handle, never the password. */
export interface SealedRevokeVariables {
  sessionId: string;
  sealed?: SealedPassword;
}

/** Kept on the mutation: where the row was, and the session itself so the outcome can be announced by name. */
export interface RevokeSessionContext {
  removed: RemovedSession[];
  session?: Session;
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
  const mutationKey = useMemo(() => sessionsMutationKeys.revokeSession(scope), [scope]);

  const mutation = useMutation<RevokeSessionData, SessionsError, SealedRevokeVariables, RevokeSessionContext>(
    {
      mutationKey,
      mutationFn: async ({ sessionId, sealed }) => {
        const password = takePassword(sealed);
        try {
          await callProvider(
            dataProvider,
            'revokeSession',
            password === undefined ? { sessionId } : { sessionId, password },
          );
          return { sessionId, alreadyRevoked: false };
        } catch (error) {
          if (isSessionsError(error) && error.code === 'NOT_FOUND')
            return { sessionId, alreadyRevoked: true };
          throw error;
        }
      },
      onMutate: async ({ sessionId }) => {
        const session = findCachedSession(queryClient, scope, sessionId);
        if (!optimistic) return { removed: [], session };
        // A list fetch already on its way would land after the removal and bring the row back.
        await queryClient.cancelQueries({ queryKey: sessionsKeys.lists(scope) });
        return { removed: removeSessionFromLists(queryClient, scope, sessionId), session };
      },
      onSuccess: ({ sessionId }) => {
        removeSessionFromLists(queryClient, scope, sessionId);
      },
      onError: (error, _variables, context) => {
        if (context) restoreSessions(queryClient, context.removed);
        if (error.code === 'UNAUTHORIZED') signalSignedOut('session-ended');
        else reportError(error);
      },
      onSettled: () => {
        // Refetch only when the last revoke settles: an earlier refetch could return a row whose revoke
        // is still in flight, and it would blink back in.
        if (queryClient.isMutating({ mutationKey }) === 1) {
          void queryClient.invalidateQueries({ queryKey: sessionsKeys.lists(scope) });
        }
      },
    },
    queryClient,
  );

  const { mutate: innerMutate, mutateAsync: innerMutateAsync } = mutation;
  const mutate = useCallback<UseRevokeSessionResult['mutate']>(
    ({ sessionId, password }, callOptions) => {
      // A double click or a repeated Enter must not send a second request for the same session.
      const inFlight = queryClient.getMutationCache().findAll({
        mutationKey,
        status: 'pending',
        predicate: (m) => (m.state.variables as SealedRevokeVariables | undefined)?.sessionId === sessionId,
      });
      if (inFlight.length > 0) return;
      innerMutate({ sessionId, sealed: sealPassword(password) }, callOptions);
    },
    [innerMutate, queryClient, mutationKey],
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
