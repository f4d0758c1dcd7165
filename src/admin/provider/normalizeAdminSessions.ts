import { cleanText, type NormalizationIssue, normalizeSessions } from '../../provider/normalizeSessions.js';
import { isCount } from '../../provider/readCount.js';
import { SessionsError } from '../../provider/SessionsError.js';
import type { AdminSession, SessionStats, SessionUser } from './types.js';

function readUser(raw: unknown): SessionUser | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const id = cleanText(typeof record.id === 'number' ? String(record.id) : record.id);
  if (!id) return undefined;
  const user: SessionUser = { id };
  const email = cleanText(record.email);
  const name = cleanText(record.name);
  if (email) user.email = email;
  if (name) user.name = name;
  return user;
}

/**
 * Validates an admin page: every session goes through the same checks as the user-facing list, and an
 * entry without a user id is dropped and reported too. A session past `expiresAt` is 'expired'.
 */
export function normalizeAdminSessions(
  entries: unknown,
  now = Date.now(),
): { sessions: AdminSession[]; issues: NormalizationIssue[] } {
  if (!Array.isArray(entries)) throw new SessionsError('INVALID_RESPONSE', 'Expected a list of sessions.');
  const sessions: AdminSession[] = [];
  const issues: NormalizationIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((entry: unknown, index) => {
    const user = readUser((entry as { user?: unknown } | null)?.user);
    if (!user) {
      issues.push({ index, reason: 'missing user id' });
      return;
    }
    // One entry at a time through the user-side checks, so each issue keeps this page's index.
    const checked = normalizeSessions([entry]);
    const session = checked.sessions[0];
    if (!session) {
      issues.push(...checked.issues.map((issue) => ({ ...issue, index })));
      return;
    }
    if (seen.has(session.id)) {
      issues.push({ index, id: session.id, reason: 'duplicate id' });
      return;
    }
    seen.add(session.id);
    const status = session.expiresAt && session.expiresAt.getTime() <= now ? 'expired' : 'active';
    sessions.push({ ...session, user, status });
  });
  return { sessions, issues };
}

/** Checks the four counts of the stats: whole, non-negative numbers. */
export function readSessionStats(raw: unknown): SessionStats {
  const record = (raw ?? {}) as Record<string, unknown>;
  const keys = ['totalActive', 'uniqueUsers', 'expired', 'startedToday'] as const;
  for (const key of keys) {
    if (!isCount(record[key])) {
      throw new SessionsError('INVALID_RESPONSE', `Session stats: ${key} is not a count.`);
    }
  }
  return {
    totalActive: record.totalActive as number,
    uniqueUsers: record.uniqueUsers as number,
    expired: record.expired as number,
    startedToday: record.startedToday as number,
  };
}
