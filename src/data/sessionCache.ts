import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { normalizeSessions } from '../provider/normalizeSessions.js';
import type { Session } from '../provider/types.js';
import { sessionsKeys } from './sessionsKeys.js';

/** What the list query holds: normalized sessions, current first. */
export interface SessionsListData {
  sessions: Session[];
  currentSessionId?: string;
}

/** Where a session stood in one cached list, so a failed revoke can put it back in place. */
export interface RemovedSession {
  queryKey: QueryKey;
  session: Session;
  index: number;
}

/** The cached copy of a session, from any list of the scope. */
export function findCachedSession(
  client: QueryClient,
  scope: string,
  sessionId: string,
): Session | undefined {
  for (const [, data] of client.getQueriesData<SessionsListData>({ queryKey: sessionsKeys.lists(scope) })) {
    const session = data?.sessions.find((s) => s.id === sessionId);
    if (session) return session;
  }
  return undefined;
}

/** Removes a session from every cached list of a scope; returns where it was. */
export function removeSessionFromLists(
  client: QueryClient,
  scope: string,
  sessionId: string,
): RemovedSession[] {
  const removed: RemovedSession[] = [];
  for (const [queryKey, data] of client.getQueriesData<SessionsListData>({
    queryKey: sessionsKeys.lists(scope),
  })) {
    const index = data?.sessions.findIndex((s) => s.id === sessionId) ?? -1;
    const session = data?.sessions[index];
    if (!data || !session) continue;
    removed.push({ queryKey, session, index });
    client.setQueryData<SessionsListData>(queryKey, {
      ...data,
      sessions: data.sessions.filter((s) => s.id !== sessionId),
    });
  }
  return removed;
}

/**
 * Puts removed sessions back where they were — and only them. Restoring a whole snapshot instead would
 * undo a second revoke that is still in flight, or rows a refetch brought in meanwhile.
 */
export function restoreSessions(client: QueryClient, removed: readonly RemovedSession[]): void {
  for (const { queryKey, session, index } of removed) {
    client.setQueryData<SessionsListData>(queryKey, (data) => {
      if (!data || data.sessions.some((s) => s.id === session.id)) return data;
      const sessions = [...data.sessions];
      sessions.splice(Math.min(index, sessions.length), 0, session);
      return { ...data, sessions };
    });
  }
}

/** After "sign out other devices" the server keeps only the current session: show that at once. */
export function keepOnlyCurrentSession(client: QueryClient, scope: string): void {
  client.setQueriesData<SessionsListData>({ queryKey: sessionsKeys.lists(scope) }, (data) =>
    data ? { ...data, sessions: data.sessions.filter((s) => s.isCurrent) } : data,
  );
}

function sameSession(a: Session, b: Session): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Session>;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (
      x instanceof Date && y instanceof Date
        ? x.getTime() !== y.getTime()
        : JSON.stringify(x) !== JSON.stringify(y)
    ) {
      return false;
    }
  }
  return true;
}

/**
 * The list's structural sharing: every session that did not change keeps its previous object, found by
 * id. TanStack's default shares by array index and cannot see into Dates, so removing one row would hand
 * every row after it a new object and the whole (memoized) list would render again.
 */
export function shareUnchangedSessions(previous: unknown, next: unknown): unknown {
  const before = previous as SessionsListData | undefined;
  const after = next as SessionsListData | undefined;
  if (!before?.sessions || !after?.sessions) return next;
  const byId = new Map(before.sessions.map((s) => [s.id, s]));
  const sessions = after.sessions.map((session) => {
    const old = byId.get(session.id);
    return old && sameSession(old, session) ? old : session;
  });
  const unchanged =
    before.currentSessionId === after.currentSessionId &&
    sessions.length === before.sessions.length &&
    sessions.every((s, i) => s === before.sessions[i]);
  return unchanged ? before : { ...after, sessions };
}

/** Current session first, then the most recently active. Sessions without a date go last. */
export function compareSessions(a: Session, b: Session): number {
  if (a.isCurrent !== b.isCurrent) return a.isCurrent ? -1 : 1;
  const at = (s: Session) => (s.lastActiveAt ?? s.createdAt)?.getTime() ?? Number.NEGATIVE_INFINITY;
  return at(b) - at(a);
}

const hasDateStrings = (session: Session) =>
  [session.createdAt, session.lastActiveAt, session.expiresAt].some(
    (d) => d !== undefined && !(d instanceof Date),
  );

/**
 * Dates back as Dates in a list that came through plain JSON (a server's dehydrated cache), by the same
 * normalization every answer goes through: every reader of the list, the kit's rows and a host's
 * `useSessions`, sees Dates. Returns the same object when there is nothing to revive.
 */
export function reviveSessionDates(data: SessionsListData): SessionsListData {
  return data.sessions.some(hasDateStrings) ? { ...data, sessions: normalizeSessions(data).sessions } : data;
}
