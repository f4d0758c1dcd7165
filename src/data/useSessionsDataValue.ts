'use client';

import { QueryClient, QueryClientContext, useQuery } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { createEmitter } from '../internal/createEmitter.js';
import { isDevelopment } from '../internal/isDevelopment.js';
import { getCapabilities } from '../provider/getCapabilities.js';
import type { NormalizationIssue } from '../provider/normalizeSessions.js';
import { isSessionsError, SessionsError } from '../provider/SessionsError.js';
import type { SessionEndCause, SessionsDataProvider } from '../provider/types.js';
import { cacheScope } from './cacheScope.js';
import { policyQueryOptions } from './policyQueryOptions.js';
import { SessionRevokes } from './SessionRevokes.js';
import type { SessionsDataContextValue, SignedOutEvent, SignedOutReason } from './SessionsDataContext.js';
import type { SessionsEvent } from './sessionsEvents.js';
import { isScopeKey, sessionsKeys } from './sessionsKeys.js';
import { DEFAULT_SYNC_CHANNEL, useCrossTabSync } from './useCrossTabSync.js';
import { useLiveSessions } from './useLiveSessions.js';

export interface SessionsDataOptions {
  dataProvider: SessionsDataProvider;
  /**
   * Whose sessions these are — usually the signed-in user's id. Part of every cache key, so switching
   * users on one QueryClient never shows the previous user's sessions, not even for a frame.
   * @default a scope private to this dataProvider object
   */
  scope?: string;
  /**
   * The QueryClient to cache in. Without it the kit uses the host's `QueryClientProvider`, and without
   * that a private client of its own.
   */
  queryClient?: QueryClient;
  onSignedOut?: (event: SignedOutEvent) => void;
  onError?: (error: SessionsError) => void;
  onReauthRequired?: () => void | Promise<void>;
  /**
   * Keep the app's tabs in step over a BroadcastChannel: a device signed out in one tab leaves the
   * others at once, and signing this device out in one tab signs out every tab. `false` turns it off; a
   * string names the channel (two kits of one app that must not talk).
   * @default true (channel "profilekit:sessions")
   */
  crossTabSync?: boolean | string;
  /**
   * Use the provider's live events (`subscribeToSessionEvents`) when it has them.
   * @default true
   */
  live?: boolean;
  /**
   * How often to refetch the list while there is no live stream (none, or it is down), in ms. `false`
   * never polls (focus and reconnect still refetch).
   * @default 60000
   */
  pollIntervalMs?: number | false;
}

// Without a live stream, a device signed in or out elsewhere shows within a minute.
const DEFAULT_POLL_INTERVAL_MS = 60_000;

// A private client's defaults: sessions change when other devices sign in, so refetch on focus, but a
// re-render storm should not refetch.
const PRIVATE_STALE_TIME_MS = 10_000;

/** Builds the data context for `SessionsProvider`. */
export function useSessionsDataValue(options: SessionsDataOptions): SessionsDataContextValue {
  const {
    dataProvider,
    scope: userScope,
    onSignedOut,
    onError,
    onReauthRequired,
    crossTabSync = true,
    live = true,
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
  } = options;
  const hostClient = useContext(QueryClientContext);
  const [privateClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: PRIVATE_STALE_TIME_MS } } }),
  );
  const queryClient = options.queryClient ?? hostClient ?? privateClient;

  // QueryClientProvider mounts its client (focus and online refetching); a client we picked ourselves
  // needs the same. mount() is reference-counted, so a client mounted elsewhere too is safe.
  useEffect(() => {
    if (queryClient === hostClient) return;
    queryClient.mount();
    return () => queryClient.unmount();
  }, [queryClient, hostClient]);

  const scope = cacheScope(dataProvider, userScope);
  useWarnOnProviderChurn(dataProvider, userScope);

  const [signedOutScope, setSignedOutScope] = useState<string | null>(null);
  // Hosts pass inline callbacks and providers; reading them through a ref keeps the context value stable.
  const host = useRef<HostHandlers>({ dataProvider, onSignedOut, onError, onReauthRequired });
  host.current = { dataProvider, onSignedOut, onError, onReauthRequired };
  const scoped = useMemo(
    () => createScopeServices(queryClient, scope, host, setSignedOutScope),
    [queryClient, scope],
  );
  const { reportFailure, signalSignedOut, events } = scoped;

  // A query's failure is reported here, once, however many components read the query: its cache says
  // when a fetch failed for good (after retries), which no reader's effect can.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        // A cancelled fetch (CancelledError) is no failure of the backend.
        if (isSessionsError(event.action.error) && isScopeKey(event.query.queryKey, scope))
          reportFailure(event.action.error);
      }),
    [queryClient, scope, reportFailure],
  );

  useCrossTabSync(
    { queryClient, scope, signalSignedOut, events },
    userScope,
    crossTabSync === true ? DEFAULT_SYNC_CHANNEL : crossTabSync,
  );

  const isSignedOut = signedOutScope === scope;
  // What the server advertises (which actions ask for the password), read once per scope.
  const { data: policy } = useQuery(
    {
      ...policyQueryOptions(dataProvider, scope),
      enabled: typeof dataProvider.getPolicy === 'function' && !isSignedOut,
    },
    queryClient,
  );
  const hasSignOutHandler = onSignedOut !== undefined;
  const capabilities = useMemo(() => {
    const own = getCapabilities(dataProvider, policy);
    // Without the provider's signOut, "Sign out" on this device hands over to the host's onSignedOut.
    return { ...own, canSignOut: own.canSignOut || hasSignOutHandler };
  }, [dataProvider, policy, hasSignOutHandler]);
  useLiveSessions({ dataProvider, queryClient, scope, isSignedOut, signalSignedOut, live, pollIntervalMs });
  const hasReauthHandler = onReauthRequired !== undefined;

  return useMemo(() => {
    const { reauth, ...services } = scoped;
    return {
      ...services,
      dataProvider,
      capabilities,
      queryClient,
      isSignedOut,
      onReauthRequired: hasReauthHandler ? reauth : undefined,
    };
  }, [scoped, dataProvider, capabilities, queryClient, isSignedOut, hasReauthHandler]);
}

interface HostHandlers {
  dataProvider: SessionsDataProvider;
  onSignedOut?: (event: SignedOutEvent) => void;
  onError?: (error: SessionsError) => void;
  onReauthRequired?: () => void | Promise<void>;
}

/**
 * What belongs to one cache and one scope, made once for them: signing out (once per scope), reporting
 * failures and dropped entries (each issue once), the owner of sign-outs, and the events channel.
 */
function createScopeServices(
  queryClient: QueryClient,
  scope: string,
  host: { readonly current: HostHandlers },
  setSignedOutScope: (scope: string) => void,
) {
  let signedOut = false;
  const reportedIssues = new Set<string>();
  const events = createEmitter<SessionsEvent>();

  const signalSignedOut = (reason: SignedOutReason, cause?: SessionEndCause) => {
    if (signedOut) return;
    signedOut = true;
    setSignedOutScope(scope);
    // The next user of this QueryClient must not see this user's sessions.
    void queryClient.cancelQueries({ queryKey: sessionsKeys.scope(scope) });
    queryClient.removeQueries({ queryKey: sessionsKeys.scope(scope) });
    host.current.onSignedOut?.(cause ? { reason, cause } : { reason });
  };

  const reportFailure = (error: SessionsError) => {
    if (error.code === 'UNAUTHORIZED') signalSignedOut('session-ended');
    else host.current.onError?.(error);
  };

  const reportIssues = (issues: readonly NormalizationIssue[]) => {
    const fresh = issues.filter((issue) => {
      const signature = `${issue.reason}|${issue.id ?? `#${issue.index}`}`;
      if (reportedIssues.has(signature)) return false;
      reportedIssues.add(signature);
      return true;
    });
    if (fresh.length === 0) return;
    const detail = fresh.map((i) => `#${i.index}${i.id ? ` (${i.id})` : ''}: ${i.reason}`).join('; ');
    const message = `listSessions returned ${fresh.length} malformed entr${fresh.length === 1 ? 'y' : 'ies'}, not shown: ${detail}`;
    if (isDevelopment()) console.warn(`[profilekit] ${message}`);
    host.current.onError?.(new SessionsError('INVALID_RESPONSE', message));
  };

  const revokes = new SessionRevokes(queryClient, scope, () => ({
    dataProvider: host.current.dataProvider,
    reportFailure,
    events,
  }));
  const reauth = () => host.current.onReauthRequired?.();

  return { scope, signalSignedOut, reportFailure, reportIssues, revokes, events, reauth };
}

// A provider created inline (`dataProvider={createProvider()}`) is a new object every render, so every
// render starts a new, empty cache. Say so once instead of leaving the host with a list that never loads.
// Development builds only: hosts' bundlers replace `process.env.NODE_ENV`, and production bundles drop
// the check altogether.
// Declared here, not through @types/node: the library build has no Node types.
declare const process: { env: { NODE_ENV?: string } };
const CHURN_LIMIT = 3;
const useWarnOnProviderChurn: (dataProvider: SessionsDataProvider, userScope: string | undefined) => void =
  typeof process !== 'undefined' && process.env.NODE_ENV !== 'production'
    ? (dataProvider, userScope) => {
        const last = useRef({ dataProvider, userScope, changes: 0, warned: false });
        useEffect(() => {
          const seen = last.current;
          if (seen.dataProvider !== dataProvider && seen.userScope === userScope) seen.changes += 1;
          seen.dataProvider = dataProvider;
          seen.userScope = userScope;
          if (seen.changes >= CHURN_LIMIT && !seen.warned) {
            seen.warned = true;
            console.warn(
              '[profilekit] `dataProvider` is a new object on every render, so every render starts an empty cache. Create it once (module scope or useMemo).',
            );
          }
        });
      }
    : () => {};
