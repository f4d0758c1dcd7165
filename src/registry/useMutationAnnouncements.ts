import { useEffect } from 'react';
import type { SessionsDataContextValue } from '../data/SessionsDataContext.js';
import { sessionsKeys } from '../data/sessionsKeys.js';
import type { RevokeSessionContext, SealedRevokeVariables } from '../data/useRevokeSession.js';
import { describeDevice } from '../format/describeDevice.js';
import { errorMessage } from '../format/errorMessage.js';
import type { SessionsMessages } from '../messages/types.js';
import type { RevokeManyResult } from '../provider/types.js';

/**
 * Announces what the user's actions did, from the mutation cache: it hears every outcome of this scope,
 * even of a row that was removed (and unmounted) before its server answered.
 */
export function useMutationAnnouncements(
  data: SessionsDataContextValue | null,
  messages: SessionsMessages,
  announce: (message: string) => void,
) {
  useEffect(() => {
    if (!data) return;
    const prefix = sessionsKeys.scope(data.scope);
    return data.queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const { mutation, action } = event;
      if (action.type !== 'success' && action.type !== 'error') return;
      const key = mutation.options.mutationKey;
      if (!key || key[0] !== prefix[0] || key[1] !== prefix[1]) return;
      const name = key[2];
      if (name === 'revokeSession') {
        const context = mutation.state.context as RevokeSessionContext | undefined;
        const variables = mutation.state.variables as SealedRevokeVariables | undefined;
        const device = context?.session
          ? describeDevice(context.session, messages).label
          : messages.unknownDevice;
        if (action.type === 'success') announce(messages.sessionRevoked(device));
        // With a password, the dialog shows the failure itself (as an alert); saying it twice is noise.
        else if (!variables?.sealed)
          announce(messages.sessionRevokeFailed(device, errorMessage(messages, action.error)));
      } else if (name === 'revokeOtherSessions' && action.type === 'success') {
        announce(messages.revokedCount((action.data as RevokeManyResult).revokedCount));
      } else if (name === 'revokeAllSessions' && action.type === 'success') {
        announce(messages.signedOutEverywhere);
      }
    });
  }, [data, messages, announce]);
}
