'use client';

import { useEffect } from 'react';
import type { SessionsDataContextValue } from './SessionsDataContext.js';
import { keepOnlyCurrentSession, removeSessionFromLists } from './sessionCache.js';

/** The channel every tab of the app shares unless the host names another. */
export const DEFAULT_SYNC_CHANNEL = 'profilekit:sessions';

const ACTIONS = ['revokeSession', 'revokeOtherSessions', 'revokeAllSessions', 'signOut'] as const;
type SyncedAction = (typeof ACTIONS)[number];

/** What one tab tells the others. Ids only: never a password or a token. */
interface TabMessage {
  profilekit: 1;
  userScope: string | null;
  action: SyncedAction;
  sessionId?: string;
}

function isTabMessage(data: unknown): data is TabMessage {
  const message = data as Partial<TabMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.profilekit === 1 &&
    ACTIONS.includes(message.action as SyncedAction) &&
    (message.sessionId === undefined || typeof message.sessionId === 'string')
  );
}

/**
 * Tabs of one app share one browser session: when a tab signs a device out, the others show it at once
 * (the row leaves; the acting tab's refetch is the one the action needs), and when a tab signs this
 * device out, every tab hears it and calls the host's onSignedOut. Messages go over a BroadcastChannel;
 * browsers without one skip this.
 */
export function useCrossTabSync(
  context: Pick<SessionsDataContextValue, 'queryClient' | 'scope' | 'signalSignedOut' | 'events'>,
  userScope: string | undefined,
  channelName: string | false,
): void {
  const { queryClient, scope, signalSignedOut, events } = context;
  useEffect(() => {
    if (!channelName || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName);
    const ownScope = userScope ?? null;
    const post = (action: SyncedAction, sessionId?: string) => {
      const message: TabMessage = { profilekit: 1, userScope: ownScope, action };
      if (sessionId !== undefined) message.sessionId = sessionId;
      channel.postMessage(message);
    };

    const unsubscribe = events.subscribe((event) => {
      if (event.type === 'sessionRevoked') post('revokeSession', event.sessionId);
      else if (event.type === 'otherSessionsRevoked') post('revokeOtherSessions');
      else if (event.type === 'allSessionsRevoked') post('revokeAllSessions');
      else if (event.type === 'signedOut') post('signOut');
    });

    channel.onmessage = ({ data }: MessageEvent) => {
      // Another user's tab (a host that scopes by user) is not ours to change.
      if (!isTabMessage(data) || data.userScope !== ownScope) return;
      switch (data.action) {
        case 'signOut':
          signalSignedOut('signed-out');
          return;
        case 'revokeAllSessions':
          signalSignedOut('revoked-all');
          return;
        // The acting tab knows the outcome and refetches; this tab shows it without asking again.
        case 'revokeOtherSessions':
          keepOnlyCurrentSession(queryClient, scope);
          return;
        case 'revokeSession':
          if (data.sessionId) removeSessionFromLists(queryClient, scope, data.sessionId);
          return;
      }
    };

    return () => {
      unsubscribe();
      channel.close();
    };
  }, [queryClient, scope, signalSignedOut, events, userScope, channelName]);
}
