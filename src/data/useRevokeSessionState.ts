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
  const { revokes } = useSessionsData('useRevokeSessionState');
  const getSnapshot = useCallback(() => revokes.get(sessionId), [revokes, sessionId]);
  return useSyncExternalStore(revokes.subscribe, getSnapshot, getSnapshot);
}
