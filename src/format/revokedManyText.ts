import type { SessionsMessages } from '../messages/types.js';
import type { RevokeManyOutcome } from '../provider/types.js';

/**
 * What the page says after signing out many devices, shown under the button and announced alike:
 * everywhere is one sentence; the others are counted when the backend counted them.
 */
export function revokedManyText(
  messages: SessionsMessages,
  everywhere: boolean,
  { revokedCount }: RevokeManyOutcome,
): string {
  if (everywhere) return messages.signedOutEverywhere;
  return revokedCount === null ? messages.signedOutOthers : messages.revokedCount(revokedCount);
}
