import type { ActivityMessages } from '../messages/activity/types.js';
import type { ActivityEntry } from '../provider/types.js';

/** What an entry says happened, in the user's words. */
export function activityTitle(entry: ActivityEntry, messages: ActivityMessages): string {
  switch (entry.kind) {
    case 'signed-in':
      return messages.signedIn;
    case 'sign-in-failed':
      return messages.failedSignIns(1);
    case 'confirmation-failed':
      return messages.confirmationFailed;
    case 'reauthenticated':
      return messages.reauthenticated;
    case 'signed-out':
      return messages.signedOut;
    case 'revoked':
      return entry.byUserId ? messages.revokedByAdmin : messages.revoked;
    case 'expired':
      return messages.expired;
    case 'session-limit':
      return messages.sessionLimit;
    case 'not-me':
      return messages.notMeReported;
  }
}
