import type { ActivityEntry } from '../provider/types.js';

/** What the activity list shows: one entry, or a run of failed sign-ins told as one. */
export type ActivityItem =
  | { key: string; kind: 'entry'; entry: ActivityEntry }
  | { key: string; kind: 'failed-sign-ins'; entries: readonly ActivityEntry[] };

/**
 * Entries newest first as list items: consecutive failed sign-ins become one item ("3 failed sign-in
 * attempts"), so a guesser's hundred tries do not bury the sign-in that followed them.
 */
export function groupActivity(entries: readonly ActivityEntry[]): ActivityItem[] {
  const items: ActivityItem[] = [];
  for (const entry of entries) {
    const last = items.at(-1);
    if (entry.kind === 'sign-in-failed' && last?.kind === 'failed-sign-ins') {
      last.entries = [...last.entries, entry];
    } else if (entry.kind === 'sign-in-failed') {
      items.push({ key: entry.id, kind: 'failed-sign-ins', entries: [entry] });
    } else {
      items.push({ key: entry.id, kind: 'entry', entry });
    }
  }
  return items;
}
