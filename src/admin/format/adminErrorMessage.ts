import { errorMessage } from '../../format/errorMessage.js';
import { toSessionsError } from '../../provider/toSessionsError.js';
import type { AdminSessionsMessages } from '../messages/types.js';

/**
 * The text for a failure of what the console reads (the table, the stats, a session's details): FORBIDDEN
 * there means the signed-in user is not an admin; anything else reads as on the user side.
 */
export function adminErrorMessage(messages: AdminSessionsMessages, error: unknown): string {
  return toSessionsError(error).code === 'FORBIDDEN'
    ? messages.admin.forbidden
    : errorMessage(messages, error);
}
