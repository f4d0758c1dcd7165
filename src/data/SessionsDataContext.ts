'use client';

import type { QueryClient } from '@tanstack/react-query';
import type { Emitter } from '../internal/createEmitter.js';
import { createRequiredContext } from '../internal/createRequiredContext.js';
import type { NormalizationIssue } from '../provider/normalizeSessions.js';
import type { SessionsError } from '../provider/SessionsError.js';
import type { SessionEndCause, SessionsCapabilities, SessionsDataProvider } from '../provider/types.js';
import type { SessionRevokes } from './SessionRevokes.js';
import type { SessionsEvent } from './sessionsEvents.js';

/** Why the kit handed the user back to the host as signed out. */
export type SignedOutReason =
  /** The user chose "Sign out" on this device. */
  | 'signed-out'
  /** "Sign out everywhere" ended the current session too. */
  | 'revoked-all'
  /** The backend answered UNAUTHORIZED: the session was ended elsewhere or expired. */
  | 'session-ended';

export interface SignedOutEvent {
  reason: SignedOutReason;
  /** Who or what ended the session, when the backend's live events said so (e.g. 'revoked', 'admin'). */
  cause?: SessionEndCause;
}

/** What every data hook reads: which backend, which cache, which user, and how to tell the host. */
export interface SessionsDataContextValue {
  dataProvider: SessionsDataProvider;
  /** What the provider can do; `canSignOut` also when the host signs out through `onSignedOut`. */
  capabilities: SessionsCapabilities;
  queryClient: QueryClient;
  /** Part of every cache key: which provider instance and which user. */
  scope: string;
  /** True once this scope was signed out; queries stop fetching. */
  isSignedOut: boolean;
  /** Tells the host, once per scope, that the user is signed out. */
  signalSignedOut: (reason: SignedOutReason, cause?: SessionEndCause) => void;
  /**
   * Hands a failure to the host, once per failure: UNAUTHORIZED means the session is over (`onSignedOut`),
   * anything else goes to `onError`. Queries report through the cache, mutations through their options.
   */
  reportFailure: (error: SessionsError) => void;
  /** Reports dropped entries of a provider answer, each distinct issue once. */
  reportIssues: (issues: readonly NormalizationIssue[]) => void;
  /** The host's way to re-authenticate when the provider has no `reauthenticate`. */
  onReauthRequired?: () => void | Promise<void>;
  /** The one owner of every sign-out of one session in this scope. */
  revokes: SessionRevokes;
  /** What the user's actions did (announced, and told to the app's other tabs). */
  events: Emitter<SessionsEvent>;
}

/** The data context, and its reader that throws with the consumer's name outside `SessionsProvider`. */
export const [SessionsDataContext, useSessionsData] = createRequiredContext<SessionsDataContextValue>(
  'SessionsDataContext',
  'SessionsProvider',
);

/**
 * What the provider can do (and so what the kit offers), for a host's own component or override. Throws
 * outside `SessionsProvider`.
 *
 * @example
 * const { canRevokeSession, password } = useSessionsCapabilities();
 * if (canRevokeSession && password.revokeSession === 'required') askForPassword();
 */
export function useSessionsCapabilities(): SessionsCapabilities {
  return useSessionsData('useSessionsCapabilities').capabilities;
}
