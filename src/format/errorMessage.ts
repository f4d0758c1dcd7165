import type { SessionsMessages } from '../messages/types.js';
import { toSessionsError } from '../provider/toSessionsError.js';

/** The user-facing text for any failure: the message of its code, never the backend's own wording. */
export function errorMessage(messages: SessionsMessages, error: unknown): string {
  const { code, retryAfter } = toSessionsError(error);
  return messages.errors[code]({ retryAfter });
}
