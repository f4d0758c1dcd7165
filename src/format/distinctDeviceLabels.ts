import type { SessionsMessages } from '../messages/types.js';
import type { Session } from '../provider/types.js';
import { describeDevice } from './describeDevice.js';

export interface DistinctDeviceLabel {
  /**
   * The name its sign-out button says: numbered where another device shares it ("Safari on iPhone (1)",
   * "Safari on iPhone (2)"), so every button has its own accessible name on the page.
   */
  label: string;
  /** Another of the user's rows, this device's included, has the same name: the row says when it signed in. */
  sharesName: boolean;
}

/**
 * How rows that share a device's name are told apart: each says when it signed in, and the other devices'
 * buttons are numbered in the list's order (the current session's button is "Sign out of this device",
 * so it takes no number).
 */
export function distinctDeviceLabels(
  sessions: readonly Session[],
  messages: SessionsMessages,
): Map<string, DistinctDeviceLabel> {
  const named = sessions.map((s) => [s, describeDevice(s, messages).label] as const);
  const rowsNamed = new Map<string, number>();
  const buttonsNamed = new Map<string, number>();
  for (const [session, label] of named) {
    rowsNamed.set(label, (rowsNamed.get(label) ?? 0) + 1);
    if (!session.isCurrent) buttonsNamed.set(label, (buttonsNamed.get(label) ?? 0) + 1);
  }
  const numbered = new Map<string, number>();
  const labels = new Map<string, DistinctDeviceLabel>();
  for (const [session, label] of named) {
    let buttonLabel = label;
    if (!session.isCurrent && (buttonsNamed.get(label) ?? 0) > 1) {
      const n = (numbered.get(label) ?? 0) + 1;
      numbered.set(label, n);
      buttonLabel = messages.numberedDevice(label, n);
    }
    labels.set(session.id, { label: buttonLabel, sharesName: (rowsNamed.get(label) ?? 0) > 1 });
  }
  return labels;
}
