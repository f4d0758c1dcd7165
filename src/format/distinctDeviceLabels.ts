import type { SessionsMessages } from '../messages/types.js';
import type { Session } from '../provider/types.js';
import { describeDevice } from './describeDevice.js';

const MINUTE_MS = 60_000;

export interface DistinctDeviceLabel {
  /**
   * The name its sign-out button says: numbered where another device shares it ("Safari on iPhone (1)",
   * "Safari on iPhone (2)"), so every button has its own accessible name on the page.
   */
  label: string;
  /**
   * Another row, this device's included, has the same name: the row says when it signed in, to the minute,
   * or to the second where two of them signed in within one minute. Absent for a name of its own.
   */
  signInTime?: 'minute' | 'second' | undefined;
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
  const byName = new Map<string, Session[]>();
  for (const session of sessions) {
    const name = describeDevice(session, messages).label;
    const rows = byName.get(name);
    if (rows) rows.push(session);
    else byName.set(name, [session]);
  }
  const labels = new Map<string, DistinctDeviceLabel>();
  for (const [name, rows] of byName) {
    const otherDevices = rows.filter((s) => !s.isCurrent).length;
    // Whole minutes since the epoch: the same minute in every time zone a reader may be in.
    const minutes = rows.flatMap((s) => (s.createdAt ? [Math.floor(s.createdAt.getTime() / MINUTE_MS)] : []));
    const signInTime =
      rows.length < 2 ? undefined : new Set(minutes).size < minutes.length ? 'second' : 'minute';
    let n = 0;
    for (const session of rows) {
      const numbered = !session.isCurrent && otherDevices > 1;
      labels.set(session.id, { label: numbered ? messages.numberedDevice(name, ++n) : name, signInTime });
    }
  }
  return labels;
}
