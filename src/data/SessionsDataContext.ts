'use client';

import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { NormalizationIssue } from '../provider/normalizeSessions.js';
import type { SessionsError } from '../provider/SessionsError.js';
import type { SessionEndCause, SessionsCapabilities, SessionsDataProvider } from '../provider/types.js';

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
  capabilities: SessionsCapabilities;
  queryClient: QueryClient;
  /** Part of every cache key: which provider instance and which user. */
  scope: string;
  /** True once this scope was signed out; queries stop fetching. */
  isSignedOut: boolean;
  /** Tells the host, once per scope, that the user is signed out. */
  signalSignedOut: (reason: SignedOutReason, cause?: SessionEndCause) => void;
  /** Hands a failure to the host's `onError`. */
  reportError: (error: SessionsError) => void;
  /** Reports dropped entries of a provider answer, each distinct issue once. */
  reportIssues: (issues: readonly NormalizationIssue[]) => void;
  /** True when the host passed `onSignedOut`, so "Sign out" on this device can hand over to it. */
  hasSignOutHandler: boolean;
  /** The host's way to re-authenticate when the provider has no `reauthenticate`. */
  onReauthRequired?: () => void | Promise<void>;
}

export const SessionsDataContext = createContext<SessionsDataContextValue | null>(null);
SessionsDataContext.displayName = 'SessionsDataContext';

/** Reads the data context; throws with the consumer's name outside `SessionsProvider`. */
export function useSessionsData(consumerName: string): SessionsDataContextValue {
  const value = useContext(SessionsDataContext);
  if (!value) throw new Error(`\`${consumerName}\` must be used within \`SessionsProvider\`.`);
  return value;
}
