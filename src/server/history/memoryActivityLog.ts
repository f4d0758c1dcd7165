import type { ActivityKind } from '../../contract/activity.js';
import type { ActivityCursor, ActivityQuery, StoredActivity } from '../types.js';

/** Oldest first by time, then id: the log's order read backwards is the contract's "newest first". */
const compareEntries = (a: ActivityCursor, b: ActivityCursor) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The index of the first entry of `sorted` that comes after `position`. */
function upperBound(sorted: readonly StoredActivity[], position: ActivityCursor) {
  let start = 0;
  let end = sorted.length;
  while (start < end) {
    const middle = (start + end) >>> 1;
    if (compareEntries(sorted[middle] as StoredActivity, position) > 0) end = middle;
    else start = middle + 1;
  }
  return start;
}

/**
 * A list kept in the log's order: entries mostly arrive newest (a push); one that arrives out of order
 * (a seeded past, an expiry dated back) marks the list for one sort before the next read, so seeding
 * 100,000 entries in any order costs a sort, not 100,000 insertions.
 */
function orderedList() {
  const items: StoredActivity[] = [];
  let sorted = true;
  return {
    add(entry: StoredActivity) {
      const last = items.at(-1);
      if (last && compareEntries(last, entry) > 0) sorted = false;
      items.push(entry);
    },
    /** The entries in order (sorting them first if needed). */
    read(): StoredActivity[] {
      if (!sorted) {
        items.sort(compareEntries);
        sorted = true;
      }
      return items;
    },
  };
}

/**
 * The memory store's authentication log: every entry in one ordered list and in one per user, so a user's
 * page is a binary search and a walk back, not a scan of everyone's entries. Entries are copied in and out,
 * as a database would.
 */
export function createMemoryActivityLog() {
  const everyone = orderedList();
  const byUser = new Map<string | null, ReturnType<typeof orderedList>>();
  const ids = new Set<string>();

  const matches = (entry: StoredActivity, query: ActivityQuery) =>
    (query.userId === undefined || entry.userId === query.userId) &&
    (query.kinds === undefined || query.kinds.includes(entry.kind)) &&
    (query.sessionIds === undefined ||
      (entry.sessionId !== null && query.sessionIds.includes(entry.sessionId))) &&
    (query.from === undefined || entry.at >= query.from) &&
    (query.to === undefined || entry.at < query.to);

  return {
    append(entries: readonly StoredActivity[]) {
      let added = 0;
      for (const entry of entries) {
        if (ids.has(entry.id)) continue;
        added += 1;
        const kept = structuredClone(entry);
        ids.add(kept.id);
        everyone.add(kept);
        const own = byUser.get(kept.userId) ?? orderedList();
        byUser.set(kept.userId, own);
        own.add(kept);
      }
      return added;
    },

    list(query: ActivityQuery): StoredActivity[] {
      const source = query.userId === undefined ? everyone.read() : (byUser.get(query.userId)?.read() ?? []);
      let index = (query.after ? upperBound(source, query.after) : source.length) - 1;
      // `after` is the previous page's last entry: this page starts just below it.
      if (query.after) {
        while (index >= 0 && compareEntries(source[index] as StoredActivity, query.after) >= 0) index -= 1;
      }
      const page: StoredActivity[] = [];
      for (; index >= 0 && page.length < query.limit; index -= 1) {
        const entry = source[index] as StoredActivity;
        if (query.from !== undefined && entry.at < query.from) break;
        if (matches(entry, query)) page.push(structuredClone(entry));
      }
      return page;
    },

    /** Whether the log holds an entry of this id. */
    holds: (id: string) => ids.has(id),

    /** Whether `signIn` is from a new device as of `since`: the rule of SessionStore.createSession. */
    isNewDevice(signIn: StoredActivity, since: number) {
      if (signIn.deviceKey === null) return false;
      const own = byUser.get(signIn.userId)?.read() ?? [];
      let signedInSince = false;
      for (let index = own.length - 1; index >= 0; index -= 1) {
        const entry = own[index] as StoredActivity;
        if (entry.at < since) break;
        if (entry.kind !== 'signed-in' || (entry.sessionId !== null && entry.sessionId === signIn.sessionId))
          continue;
        if (entry.deviceKey === signIn.deviceKey) return false;
        signedInSince = true;
      }
      return signedInSince;
    },

    count(query: { kinds: readonly ActivityKind[]; starts: readonly number[]; end: number }) {
      const counts = Object.fromEntries(query.kinds.map((kind) => [kind, query.starts.map(() => 0)]));
      const first = query.starts[0] ?? query.end;
      const all = everyone.read();
      for (let index = all.length - 1; index >= 0; index -= 1) {
        const entry = all[index] as StoredActivity;
        if (entry.at < first) break;
        const row = counts[entry.kind];
        if (!row || entry.at >= query.end) continue;
        let bucket = query.starts.length - 1;
        while (bucket > 0 && entry.at < (query.starts[bucket] as number)) bucket -= 1;
        row[bucket] = (row[bucket] ?? 0) + 1;
      }
      return counts;
    },

    /** Removes entries older than `before` but those `kept` (SessionStore.pruneActivity's exception). */
    prune(before: number, kept: (entry: StoredActivity) => boolean) {
      /** Compacts the older-than-`before` front of `sorted` in place, in order; answers what it removed. */
      const cut = (sorted: StoredActivity[]) => {
        const removed: StoredActivity[] = [];
        let read = 0;
        let write = 0;
        for (; read < sorted.length && (sorted[read] as StoredActivity).at < before; read += 1) {
          const entry = sorted[read] as StoredActivity;
          if (kept(entry)) sorted[write++] = entry;
          else removed.push(entry);
        }
        sorted.copyWithin(write, read);
        sorted.length -= read - write;
        return removed;
      };
      const removed = cut(everyone.read());
      for (const entry of removed) ids.delete(entry.id);
      for (const [user, own] of byUser) {
        const entries = own.read();
        cut(entries);
        if (entries.length === 0) byUser.delete(user);
      }
      return removed.length;
    },
  };
}
