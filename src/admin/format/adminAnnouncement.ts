import type { AdminSessionsEvent } from '../data/adminEvents.js';
import type { AdminMessages } from '../messages/types.js';

/** What the live region says after an admin's action, in the texts in force. */
export function adminAnnouncementOf(event: AdminSessionsEvent, messages: AdminMessages): string {
  return event.type === 'sessionEnded'
    ? messages.sessionRevoked
    : messages.userSessionsRevoked(event.revokedCount);
}
