import type { Db } from './db.js';
import type { SessionRow } from './store.js';

export type AdminSortField = 'last_active_at' | 'created_at' | 'expires_at';

export interface AdminQuery {
  now: number;
  status: 'active' | 'expired';
  search?: string;
  userId?: string;
  applicationId?: string;
  sort: AdminSortField;
  direction: 'asc' | 'desc';
  limit: number;
  /** The last row of the previous page: keyset pagination stays fast however deep the page. */
  after?: { value: number; id: string };
}

export type AdminSessionRow = SessionRow & { email: string; name: string | null };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The admin console's queries. Sorting columns are whitelisted, never interpolated from input. */
export function createAdminStore(db: Db) {
  function where(q: AdminQuery): { sql: string; params: Record<string, unknown>; readsUsers: boolean } {
    const clauses = [q.status === 'active' ? 's.expires_at > @now' : 's.expires_at <= @now'];
    const params: Record<string, unknown> = { now: q.now };
    if (q.userId) {
      clauses.push('s.user_id = @userId');
      params.userId = q.userId;
    }
    if (q.applicationId) {
      clauses.push('s.application_id = @applicationId');
      params.applicationId = q.applicationId;
    }
    if (q.search && [...q.search].length >= 3) {
      // The trigram index finds substrings of three characters or more, case-insensitively.
      clauses.push('s.rowid IN (SELECT rowid FROM session_search WHERE session_search MATCH @phrase)');
      params.phrase = `"${q.search.replaceAll('"', '""')}"`;
    } else if (q.search) {
      clauses.push(
        "(u.email LIKE @search ESCAPE '\\' OR u.name LIKE @search ESCAPE '\\' OR s.ip_address LIKE @search ESCAPE '\\' OR s.user_agent LIKE @search ESCAPE '\\')",
      );
      params.search = `%${escapeLike(q.search)}%`;
    }
    return { sql: clauses.join(' AND '), params, readsUsers: Boolean(q.search) && !('phrase' in params) };
  }

  return {
    page(q: AdminQuery): { rows: AdminSessionRow[]; total: number } {
      const filter = where(q);
      const cmp = q.direction === 'desc' ? '<' : '>';
      const keyset = q.after
        ? ` AND (s.${q.sort} ${cmp} @afterValue OR (s.${q.sort} = @afterValue AND s.id ${cmp} @afterId))`
        : '';
      const order = q.direction === 'desc' ? 'DESC' : 'ASC';
      const rows = db
        .prepare(
          `SELECT s.*, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE ${filter.sql}${keyset} ORDER BY s.${q.sort} ${order}, s.id ${order} LIMIT @limit`,
        )
        .all({
          ...filter.params,
          limit: q.limit,
          afterValue: q.after?.value,
          afterId: q.after?.id,
        }) as AdminSessionRow[];
      // Only a short search reads the users table; otherwise the count stays on the sessions' indexes.
      const from = filter.readsUsers ? 'sessions s JOIN users u ON u.id = s.user_id' : 'sessions s';
      const { total } = db
        .prepare(`SELECT count(*) AS total FROM ${from} WHERE ${filter.sql}`)
        .get(filter.params) as { total: number };
      return { rows, total };
    },
    byId: (id: string) =>
      db
        .prepare(
          'SELECT s.*, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?',
        )
        .get(id) as AdminSessionRow | undefined,
    revoke: (id: string, now: number) =>
      db.prepare('DELETE FROM sessions WHERE id = ? AND expires_at > ?').run(id, now).changes,
    revokeUser: (userId: string, now: number) =>
      db.prepare('DELETE FROM sessions WHERE user_id = ? AND expires_at > ?').run(userId, now).changes,
    stats(now: number, midnight: number) {
      return db
        .prepare(
          `SELECT
             (SELECT count(*) FROM sessions WHERE expires_at > @now) AS totalActive,
             (SELECT count(DISTINCT user_id) FROM sessions WHERE expires_at > @now) AS uniqueUsers,
             (SELECT count(*) FROM sessions WHERE expires_at <= @now) AS expired,
             (SELECT count(*) FROM sessions WHERE created_at >= @midnight) AS startedToday`,
        )
        .get({ now, midnight }) as {
        totalActive: number;
        uniqueUsers: number;
        expired: number;
        startedToday: number;
      };
    },
  };
}
