import type { SessionsMessages } from '../messages/types.js';
import type { Session } from '../provider/types.js';
import { describeDevice } from './describeDevice.js';

/**
 * Each other device's name, numbered where two share one ("Safari on iPhone (1)", "Safari on iPhone
 * (2)"), so every row's sign-out button has its own accessible name on the page. Numbers follow the
 * list's order; the current session (its button is "Sign out of this device") is left out.
 */
export function distinctDeviceLabels(
  sessions: readonly Session[],
  messages: SessionsMessages,
): Map<string, string> {
  const others = sessions
    .filter((s) => !s.isCurrent)
    .map((s) => [s.id, describeDevice(s, messages).label] as const);
  const total = new Map<string, number>();
  for (const [, label] of others) total.set(label, (total.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const [id, label] of others) {
    if (total.get(label) === 1) {
      labels.set(id, label);
      continue;
    }
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    labels.set(id, messages.numberedDevice(label, n));
  }
  return labels;
}
