'use client';

import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { SESSION_EVENTS, sessionSetFingerprint } from '../contract/events.js';
import type { SessionEndCause, SessionsDataProvider } from '../provider/types.js';
import type { SignedOutReason } from './SessionsDataContext.js';
import { removeSessionFromLists, type SessionsListData } from './sessionCache.js';
import { sessionsKeys } from './sessionsKeys.js';

interface LiveSessionsOptions {
  dataProvider: SessionsDataProvider;
  queryClient: QueryClient;
  scope: string;
  isSignedOut: boolean;
  signalSignedOut: (reason: SignedOutReason, cause?: SessionEndCause) => void;
  /** Subscribe to the provider's live events when it has them. */
  live: boolean;
  /** Refetch this often while there is no live stream; 0 or false never. */
  pollIntervalMs: number | false;
}

/**
 * Keeps the list current: through the provider's live events when it has them (a new sign-in shows at
 * once; this device, signed out elsewhere, goes to `onSignedOut` at once), and by polling when it has none
 * or while its stream is down. A session that ended leaves the list as the event says (no refetch), and
 * this device's own actions echoed back are ignored; a new sign-in, a (re)connect that may have missed
 * something, or a stream that breaks (is the server still there?) refetches.
 */
export function useLiveSessions(options: LiveSessionsOptions): void {
  const { dataProvider, queryClient, scope, isSignedOut, signalSignedOut, live, pollIntervalMs } = options;
  useEffect(() => {
    if (isSignedOut) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: sessionsKeys.lists(scope) });
    let poll: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      if (poll !== undefined || !pollIntervalMs) return;
      poll = setInterval(() => {
        // A hidden tab does not need fresh rows; focus refetches them when it is seen again.
        if (typeof document === 'undefined' || document.visibilityState !== 'hidden') refresh();
      }, pollIntervalMs);
    };
    const stopPolling = () => {
      clearInterval(poll);
      poll = undefined;
    };
    const subscribe = live ? dataProvider.subscribeToSessionEvents : undefined;
    if (!subscribe) {
      startPolling();
      return stopPolling;
    }
    let unsubscribe = () => {};
    let streaming = false;
    try {
      unsubscribe = subscribe.call(dataProvider, (event) => {
        if (event.type === 'connected') {
          streaming = true;
          stopPolling();
          // Every connect may have missed something, the first one too: a device that signed in between
          // the list's fetch (a server render seconds ago, say) and the stream's start sent its event to
          // nobody. The server names the sessions it sees; the same name as the list held means nothing was
          // missed, and no refetch is needed.
          const held = queryClient.getQueryData<SessionsListData>(sessionsKeys.list(scope, {}));
          const same =
            event.fingerprint !== undefined &&
            held !== undefined &&
            sessionSetFingerprint(held.sessions.map((s) => s.id)) === event.fingerprint;
          if (!same) refresh();
        } else if (event.type === 'disconnected') {
          // A stream that was up broke: the server may be gone, which only a fetch can tell (the list then
          // says it shows what it last saw). Reconnects that fail after it tell nothing new.
          if (streaming) refresh();
          streaming = false;
          startPolling();
        } else if (event.type === 'signed-out') signalSignedOut('session-ended', event.cause);
        else if (event.type === SESSION_EVENTS.ended) {
          // The event names the session that ended: the row leaves, no refetch needed. When this device
          // ended it (its own sign-out, echoed back), its mutation has already done so: nothing to do.
          const held = queryClient.getQueryData<SessionsListData>(sessionsKeys.list(scope, {}));
          if (event.bySessionId && event.bySessionId === held?.currentSessionId) return;
          removeSessionFromLists(queryClient, scope, event.sessionId);
        }
        // A new sign-in: only a refetch can say what the new row looks like.
        else refresh();
      });
    } catch {
      // A provider whose subscribe throws is treated as one without a stream.
      startPolling();
    }
    return () => {
      unsubscribe();
      stopPolling();
    };
  }, [dataProvider, queryClient, scope, isSignedOut, signalSignedOut, live, pollIntervalMs]);
}
