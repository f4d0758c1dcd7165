import { useMutationState } from '@tanstack/react-query';
import type { SessionsError } from '../provider/SessionsError.js';
import { useSessionsData } from './SessionsDataContext.js';
import { sessionsMutationKeys } from './sessionsKeys.js';
import type { SealedRevokeVariables } from './useRevokeSession.js';

export type RevokeState = 'idle' | 'revoking' | 'error';

export interface RevokeSessionState {
  state: RevokeState;
  /** The last failure, while `state` is 'error'. */
  error?: SessionsError;
  /** True when the last attempt carried a password (its dialog shows the failure). */
  withPassword: boolean;
}

const IDLE: RevokeSessionState = { state: 'idle', withPassword: false };

/**
 * Where the latest sign-out of one session stands, read from the mutation cache. A row that is removed
 * optimistically and put back after a failure is a new component: this is how it still knows it failed.
 *
 * @example
 * const { state, error } = useRevokeSessionState(session.id);
 * <li data-state={state}>{error && errorMessage(messages, error)}</li>
 */
export function useRevokeSessionState(sessionId: string): RevokeSessionState {
  const { queryClient, scope } = useSessionsData('useRevokeSessionState');
  const states = useMutationState(
    {
      filters: {
        mutationKey: sessionsMutationKeys.revokeSession(scope),
        predicate: (m) => (m.state.variables as SealedRevokeVariables | undefined)?.sessionId === sessionId,
      },
      select: (m): RevokeSessionState => {
        const withPassword = (m.state.variables as SealedRevokeVariables | undefined)?.sealed !== undefined;
        if (m.state.status === 'pending') return { state: 'revoking', withPassword };
        if (m.state.status === 'error')
          return { state: 'error', error: m.state.error as SessionsError, withPassword };
        return IDLE;
      },
    },
    queryClient,
  );
  return states[states.length - 1] ?? IDLE;
}
