import type { MutationOptions, QueryClient } from '@tanstack/react-query';
import { callProvider } from '../provider/callProvider.js';
import { isSessionsError, type SessionsError } from '../provider/SessionsError.js';
import type { Session } from '../provider/types.js';
import type { SessionsDataContextValue } from './SessionsDataContext.js';
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

export type RevokeSessionDeps = Pick<
  SessionsDataContextValue,
  'dataProvider' | 'queryClient' | 'scope' | 'signalSignedOut' | 'reportError'
>;

/**
 * How one session is signed out, for `useRevokeSession` and for the row's button alike. Optimistic: the
 * row leaves every cached list at once (cancel → remove → put back on failure → refetch when the last
 * revoke settles). NOT_FOUND counts as success — the session is already gone. UNAUTHORIZED means this
 * device itself was signed out, and tells the host.
 */
export function revokeSessionMutationOptions(
  { dataProvider, queryClient, scope, signalSignedOut, reportError }: RevokeSessionDeps,
  optimistic: boolean,
): MutationOptions<RevokeSessionData, SessionsError, SealedRevokeVariables, RevokeSessionContext> {
  const mutationKey = sessionsMutationKeys.revokeSession(scope);
  return {
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
        if (isSessionsError(error) && error.code === 'NOT_FOUND') return { sessionId, alreadyRevoked: true };
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
  };
}

/** Whether a sign-out of this session is already on its way (a double click must not send a second). */
export function isRevokePending(queryClient: QueryClient, scope: string, sessionId: string): boolean {
  return (
    queryClient.getMutationCache().findAll({
      mutationKey: sessionsMutationKeys.revokeSession(scope),
      status: 'pending',
      predicate: (m) => (m.state.variables as SealedRevokeVariables | undefined)?.sessionId === sessionId,
    }).length > 0
  );
}

/**
 * Signs one session out without a hook of its own: the mutation goes straight into the cache, where
 * `useRevokeSessionState` and the announcer see it. A list of a thousand rows then keeps no mutation
 * observer per row. Resolves or rejects with the outcome; undefined when one is already on its way.
 */
export function startRevokeSession(
  deps: RevokeSessionDeps,
  { sessionId, password }: RevokeSessionVariables,
  optimistic: boolean,
): Promise<RevokeSessionData> | undefined {
  const { queryClient, scope } = deps;
  if (isRevokePending(queryClient, scope, sessionId)) return undefined;
  const options = queryClient.defaultMutationOptions(revokeSessionMutationOptions(deps, optimistic));
  return queryClient
    .getMutationCache()
    .build(queryClient, options)
    .execute({ sessionId, sealed: sealPassword(password) });
}
