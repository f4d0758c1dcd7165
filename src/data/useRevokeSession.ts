'use client';

import { useCallback, useState } from 'react';
import { SessionsError } from '../provider/SessionsError.js';
import type { RevokeSessionData, RevokeSessionVariables } from './SessionRevokes.js';
import { useSessionsData } from './SessionsDataContext.js';

export type { RevokeSessionData, RevokeSessionVariables } from './SessionRevokes.js';

export interface UseRevokeSessionOptions {
  /**
   * Remove the row before the server answers, and put it back if the server refuses. Turn off when the
   * server must check a password first, so the row stays until the password is accepted.
   * @default true
   */
  optimistic?: boolean;
}

/** Called when a sign-out this hook started settles, as TanStack Query's `mutate` options are. */
export interface RevokeSessionCallbacks {
  onSuccess?: (data: RevokeSessionData) => void;
  onError?: (error: SessionsError) => void;
  onSettled?: (data: RevokeSessionData | undefined, error: SessionsError | null) => void;
}

/** Where the latest sign-out this hook started stands (the password is never kept). */
export interface UseRevokeSessionResult {
  /** Does nothing while a sign-out of the same session is on its way (from here, a row, anywhere). */
  mutate: (variables: RevokeSessionVariables, callbacks?: RevokeSessionCallbacks) => void;
  /** Rejects while a sign-out of the same session is on its way. */
  mutateAsync: (variables: RevokeSessionVariables) => Promise<RevokeSessionData>;
  status: 'idle' | 'pending' | 'success' | 'error';
  isIdle: boolean;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  data: RevokeSessionData | undefined;
  error: SessionsError | null;
  /** The session being (or last) signed out. */
  variables: { sessionId: string } | undefined;
  /** Back to idle (a failure shown, then dismissed). */
  reset: () => void;
}

type Outcome = Pick<UseRevokeSessionResult, 'status' | 'data' | 'error' | 'variables'>;
const IDLE: Outcome = { status: 'idle', data: undefined, error: null, variables: undefined };

/**
 * Signs one session out, through the scope's one owner of sign-outs — the same way in as the kit's own
 * rows, so they show it, and a second click anywhere sends nothing. Optimistic by default: the row leaves
 * every reader of the list at once and comes back if the server refuses. NOT_FOUND counts as success —
 * the session is already gone. UNAUTHORIZED means this device itself was signed out, and tells the host.
 *
 * @example
 * const revoke = useRevokeSession();
 * <button onClick={() => revoke.mutate({ sessionId: session.id })}>Sign out</button>
 */
export function useRevokeSession(options: UseRevokeSessionOptions = {}): UseRevokeSessionResult {
  const { revokes } = useSessionsData('useRevokeSession');
  const optimistic = options.optimistic !== false;
  const [outcome, setOutcome] = useState<Outcome>(IDLE);

  const mutateAsync = useCallback<UseRevokeSessionResult['mutateAsync']>(
    (variables) => {
      const started = revokes.start(variables, optimistic);
      if (!started) {
        return Promise.reject(
          new SessionsError('UNKNOWN', 'A sign-out of this session is already on its way.'),
        );
      }
      const target = { sessionId: variables.sessionId };
      setOutcome({ status: 'pending', data: undefined, error: null, variables: target });
      return started.then(
        (data) => {
          setOutcome({ status: 'success', data, error: null, variables: target });
          return data;
        },
        (error: SessionsError) => {
          setOutcome({ status: 'error', data: undefined, error, variables: target });
          throw error;
        },
      );
    },
    [revokes, optimistic],
  );
  const mutate = useCallback<UseRevokeSessionResult['mutate']>(
    (variables, callbacks = {}) => {
      mutateAsync(variables).then(
        (data) => {
          callbacks.onSuccess?.(data);
          callbacks.onSettled?.(data, null);
        },
        (error: SessionsError) => {
          callbacks.onError?.(error);
          callbacks.onSettled?.(undefined, error);
        },
      );
    },
    [mutateAsync],
  );
  const reset = useCallback(() => setOutcome(IDLE), []);
  return {
    ...outcome,
    mutate,
    mutateAsync,
    reset,
    isIdle: outcome.status === 'idle',
    isPending: outcome.status === 'pending',
    isSuccess: outcome.status === 'success',
    isError: outcome.status === 'error',
  };
}
