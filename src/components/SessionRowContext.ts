'use client';

import { createContext, useContext } from 'react';
import type { RevokeSessionState } from '../data/SessionRevokes.js';

/**
 * What a row tells the actions inside it, the way a Radix part tells its children: the id of its place
 * and time line, so a sign-out button is described by them ("Sign out Safari on iPhone" — "Porto, active
 * 2 hours ago"), and where the row's sign-out stands, so its button needs no subscription of its own (a
 * list of a thousand rows keeps a thousand, not two thousand) — without the row handing its insides to
 * the button through props.
 */
export interface SessionRowContextValue {
  sessionId?: string;
  descriptionId?: string;
  revokeState?: RevokeSessionState;
}

export const SessionRowContext = createContext<SessionRowContextValue>({});
SessionRowContext.displayName = 'SessionRowContext';

/** The row around an action, if any. */
export function useSessionRow(): SessionRowContextValue {
  return useContext(SessionRowContext);
}
