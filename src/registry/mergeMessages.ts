import type { SessionsMessages, SessionsMessagesOverride } from '../messages/types.js';

/** Applies a partial override: top-level texts replace, `errors` merge per code. */
export function mergeMessages(
  base: SessionsMessages,
  override: SessionsMessagesOverride | undefined,
): SessionsMessages {
  if (!override) return base;
  return { ...base, ...override, errors: { ...base.errors, ...override.errors } } as SessionsMessages;
}
