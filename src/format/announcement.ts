import type { SessionsEvent } from '../data/sessionsEvents.js';
import type { SessionsMessages } from '../messages/types.js';
import { describeDevice } from './describeDevice.js';
import { errorMessage } from './errorMessage.js';

/** What the live region says after something happened, in the texts in force; nothing for some events. */
export function announcementOf(event: SessionsEvent, messages: SessionsMessages): string | undefined {
  switch (event.type) {
    case 'sessionRevoked':
    case 'sessionRevokeFailed': {
      const device = event.session ? describeDevice(event.session, messages).label : messages.unknownDevice;
      if (event.type === 'sessionRevoked') return messages.sessionRevoked(device);
      // With a password, the dialog shows the failure itself (as an alert); saying it twice is noise.
      return event.withPassword
        ? undefined
        : messages.sessionRevokeFailed(device, errorMessage(messages, event.error));
    }
    case 'otherSessionsRevoked':
      // A backend that does not count (revokedCount null) gets no number made up for it.
      return event.revokedCount === null
        ? messages.signedOutOthers
        : messages.revokedCount(event.revokedCount);
    case 'allSessionsRevoked':
      return messages.signedOutEverywhere;
    case 'signedOut':
      return undefined;
  }
}
