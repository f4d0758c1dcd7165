import type { ActivityRecord } from '../createSessionManager.js';
import { encodeCursor } from './cursor.js';
import { toActivityWire } from './toWire.js';

/** A page of log entries (one more was asked for, to know whether another page follows). */
export function pageOf(
  entries: ActivityRecord[],
  limit: number,
  query: unknown,
  currentSessionId: string | null,
) {
  const page = entries.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((entry) => toActivityWire(entry, currentSessionId)),
    nextCursor: entries.length > limit && last ? encodeCursor({ value: last.at, id: last.id }, query) : null,
  };
}
