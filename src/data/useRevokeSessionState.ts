'use client';

import { useCallback, useSyncExternalStore } from 'react';
import type { RevokeSessionState } from './SessionRevokes.js';
import { useSessionsData } from './SessionsDataContext.js';

export type { RevokeSessionState, RevokeState } from './SessionRevokes.js';

/**
 * Where the latest sign-out of one session stands, from the scope's one owner of sign-outs. A row that
 * is removed optimistically and put back after a failure is a new component: this is how it still knows
 * it failed. A change to one session renders that session's readers only.
 *
 * @example
 * const { state, error } = useRevokeSessionState(session.id);
 * <li data-state={state}>{error && <RevokeError error={error} />}</li>
 */
export function useRevokeSessionState(sessionId: string): RevokeSessionState {
  return useRevokeSessionStateUnlessKnown(sessionId, undefined);
}

const subscribeNever = () => () => {};

/**
 * The same, but `known` (a state the caller's row already reads) is taken as is, with no subscription of
 * its own. Internal: a row's button reads its row's.
 */
export function useRevokeSessionStateUnlessKnown(
  sessionId: string,
  known: RevokeSessionState | undefined,
): RevokeSessionState {
  const { revokes } = useSessionsData('useRevokeSessionState');
  const getSnapshot = useCallback(() => known ?? revokes.get(sessionId), [known, revokes, sessionId]);
  return useSyncExternalStore(known ? subscribeNever : revokes.subscribe, getSnapshot, getSnapshot);
}
