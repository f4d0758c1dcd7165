import { fromColumns, type SessionColumns } from '../sessionColumns.js';
import type { AttemptsUpdate, SessionStore, SessionsPageQuery, StoredSession } from '../types.js';
import { SQLITE_MIGRATIONS } from './sqliteSchema.js';

/**
 * The part of a better-sqlite3 `Database` the store uses. Structural, so the store's types do not make a
 * host install `@types/better-sqlite3`, and any compatible driver fits.
 */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  transaction<Args extends unknown[], Result>(
    run: (...args: Args) => Result,
  ): ((...args: Args) => Result) & { immediate?: (...args: Args) => Result };
}
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

const SORT_COLUMNS = { lastActiveAt: 'last_active_at', createdAt: 'created_at', expiresAt: 'expires_at' };
// The trigram index answers substrings of three characters or more; shorter ones scan with LIKE.
const TRIGRAM = 3;

const activityParams = (a: Pick<StoredSession, 'device' | 'location' | 'ipAddress' | 'userAgent'>) => ({
  user_agent: a.userAgent,
  ip_address: a.ipAddress,
  device_name: a.device?.name ?? null,
  device_type: a.device?.type ?? null,
  device_browser: a.device?.browser ?? null,
  device_os: a.device?.os ?? null,
  city: a.location?.city ?? null,
  region: a.location?.region ?? null,
  country: a.location?.country ?? null,
});

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE clause and parameters of an admin page query; columns are whitelisted, never taken from input. */
function pageFilter(q: SessionsPageQuery) {
  const clauses = [q.status === 'active' ? 'expires_at > @now' : 'expires_at <= @now'];
  const params: Record<string, unknown> = { now: q.now };
  if (q.userId !== undefined) {
    clauses.push('user_id = @userId');
    params.userId = q.userId;
  }
  if (q.applicationId !== undefined) {
    clauses.push('application_id = @applicationId');
    params.applicationId = q.applicationId;
  }
  if (q.search !== undefined) {
    const text =
      [...q.search].length >= TRIGRAM
        ? 'rowid IN (SELECT rowid FROM profilekit_session_search WHERE profilekit_session_search MATCH @phrase)'
        : "(ip_address LIKE @like ESCAPE '\\' OR user_agent LIKE @like ESCAPE '\\')";
    params.phrase = `"${q.search.replaceAll('"', '""')}"`;
    params.like = `%${escapeLike(q.search)}%`;
    params.userIds = JSON.stringify(q.searchUserIds ?? []);
    clauses.push(`(${text} OR user_id IN (SELECT value FROM json_each(@userIds)))`);
  }
  return { sql: clauses.join(' AND '), params };
}

/**
 * The embedded default: sessions in SQLite through better-sqlite3 (12.x on Node 20). Pass an open
 * database; the store creates and upgrades its own tables (all prefixed `profilekit_`) on first use and
 * never closes the database, which stays the host's.
 *
 * @example
 * const store = createSqliteSessionStore(new Database('app.sqlite'));
 */
export function createSqliteSessionStore(db: SqliteDatabase): SessionStore {
  migrate(db);
  const statement = cachedStatements(db);
  const all = (sql: string, params: object = {}) =>
    (statement(sql).all(params) as SessionColumns[]).map(fromColumns);
  const one = (sql: string, params: object) => {
    const row = statement(sql).get(params) as SessionColumns | undefined;
    return row ? fromColumns(row) : null;
  };
  // Select-then-delete in one transaction: the rows answered are exactly the rows removed.
  const deleteWhere = db.transaction((where: string, params: object) => {
    const rows = all(`SELECT * FROM profilekit_sessions WHERE ${where}`, params);
    statement(`DELETE FROM profilekit_sessions WHERE ${where}`).run(params);
    return rows;
  });

  // better-sqlite3 runs a transaction synchronously, so the read, the update and the write are one step
  // for this process; BEGIN IMMEDIATE takes the write lock first, so they are one for every other process
  // on the file too.
  const attemptsTransaction = db.transaction(
    <Result>(key: string, update: AttemptsUpdate<Result>, keepUntil: number): Result => {
      const row = statement('SELECT attempts FROM profilekit_attempts WHERE key = @key').get({ key }) as
        | { attempts: string }
        | undefined;
      const { attempts, result } = update(row ? (JSON.parse(row.attempts) as number[]) : []);
      if (attempts.length === 0) statement('DELETE FROM profilekit_attempts WHERE key = @key').run({ key });
      else
        statement(`INSERT INTO profilekit_attempts (key, attempts, keep_until) VALUES (@key, @attempts, @keepUntil)
          ON CONFLICT(key) DO UPDATE SET attempts = excluded.attempts, keep_until = excluded.keep_until`).run(
          {
            key,
            attempts: JSON.stringify(attempts),
            keepUntil,
          },
        );
      return result;
    },
  );
  const updateAttempts = (attemptsTransaction.immediate ?? attemptsTransaction) as <Result>(
    key: string,
    update: AttemptsUpdate<Result>,
    keepUntil: number,
  ) => Result;

  return {
    createSession: async (s) => {
      statement(`INSERT INTO profilekit_sessions (id, user_id, token_hash, token_preview, user_agent, ip_address,
        device_name, device_type, device_browser, device_os, city, region, country, trusted, application_id,
        created_at, last_active_at, expires_at, absolute_expires_at, authenticated_at)
        VALUES (@id, @user_id, @token_hash, @token_preview, @user_agent, @ip_address, @device_name, @device_type,
        @device_browser, @device_os, @city, @region, @country, @trusted, @application_id, @created_at,
        @last_active_at, @expires_at, @absolute_expires_at, @authenticated_at)`).run({
        id: s.id,
        user_id: s.userId,
        token_hash: s.tokenHash,
        token_preview: s.tokenPreview,
        ...activityParams(s),
        trusted: s.trusted ? 1 : 0,
        application_id: s.applicationId,
        created_at: s.createdAt,
        last_active_at: s.lastActiveAt,
        expires_at: s.expiresAt,
        absolute_expires_at: s.absoluteExpiresAt,
        authenticated_at: s.authenticatedAt,
      });
    },
    findByTokenHash: async (tokenHash) =>
      one('SELECT * FROM profilekit_sessions WHERE token_hash = @tokenHash', { tokenHash }),
    findById: async (id) => one('SELECT * FROM profilekit_sessions WHERE id = @id', { id }),
    recordActivity: async (id, a) => {
      statement(`UPDATE profilekit_sessions SET last_active_at = @last_active_at, expires_at = @expires_at,
        user_agent = @user_agent, ip_address = @ip_address, device_name = @device_name, device_type = @device_type,
        device_browser = @device_browser, device_os = @device_os, city = @city, region = @region,
        country = @country WHERE id = @id`).run({
        id,
        last_active_at: a.lastActiveAt,
        expires_at: a.expiresAt,
        ...activityParams(a),
      });
    },
    markAuthenticated: async (id, at) => {
      statement('UPDATE profilekit_sessions SET authenticated_at = @at WHERE id = @id').run({ id, at });
    },
    listUserSessions: async (userId, { now, applicationId }) =>
      all(
        `SELECT * FROM profilekit_sessions WHERE user_id = @userId AND expires_at > @now
         AND (@app IS NULL OR application_id = @app) ORDER BY last_active_at DESC, id DESC`,
        { userId, now, app: applicationId ?? null },
      ),
    deleteSession: async (id, { now, userId }) =>
      deleteWhere('id = @id AND expires_at > @now AND (@userId IS NULL OR user_id = @userId)', {
        id,
        now,
        userId: userId ?? null,
      })[0] ?? null,
    deleteUserSessions: async (userId, { now, exceptId, applicationId }) =>
      deleteWhere(
        `user_id = @userId AND expires_at > @now AND (@exceptId IS NULL OR id != @exceptId)
         AND (@app IS NULL OR application_id = @app)`,
        { userId, now, exceptId: exceptId ?? null, app: applicationId ?? null },
      ),
    deleteExpired: async (before) => {
      statement('DELETE FROM profilekit_attempts WHERE keep_until <= @before').run({ before });
      return statement('DELETE FROM profilekit_sessions WHERE expires_at <= @before').run({ before }).changes;
    },
    listSessionsPage: async (q) => {
      const filter = pageFilter(q);
      const column = SORT_COLUMNS[q.sort];
      const cmp = q.direction === 'desc' ? '<' : '>';
      const order = q.direction === 'desc' ? 'DESC' : 'ASC';
      const keyset = q.after
        ? ` AND (${column} ${cmp} @afterValue OR (${column} = @afterValue AND id ${cmp} @afterId))`
        : '';
      const sessions = all(
        `SELECT * FROM profilekit_sessions WHERE ${filter.sql}${keyset} ORDER BY ${column} ${order}, id ${order} LIMIT @limit`,
        {
          ...filter.params,
          limit: q.limit,
          afterValue: q.after?.value ?? null,
          afterId: q.after?.id ?? null,
        },
      );
      const { total } = statement(
        `SELECT count(*) AS total FROM profilekit_sessions WHERE ${filter.sql}`,
      ).get(filter.params) as { total: number };
      return { sessions, total };
    },
    countSessions: async ({ now, startOfDay }) =>
      statement(`SELECT
          (SELECT count(*) FROM profilekit_sessions WHERE expires_at > @now) AS totalActive,
          (SELECT count(DISTINCT user_id) FROM profilekit_sessions WHERE expires_at > @now) AS uniqueUsers,
          (SELECT count(*) FROM profilekit_sessions WHERE expires_at <= @now) AS expired,
          (SELECT count(*) FROM profilekit_sessions WHERE created_at >= @startOfDay) AS startedToday`).get({
        now,
        startOfDay,
      }) as Awaited<ReturnType<SessionStore['countSessions']>>,
    updateAttempts: async (key, update, { keepUntil }) => updateAttempts(key, update, keepUntil),
  };
}

function migrate(db: SqliteDatabase) {
  db.exec('CREATE TABLE IF NOT EXISTS profilekit_schema (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT max(version) AS version FROM profilekit_schema').get() as {
    version: number | null;
  };
  const applied = row.version ?? 0;
  SQLITE_MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= applied) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO profilekit_schema (version) VALUES (?)').run(version);
    })();
  });
}

// Each distinct SQL text is prepared once (the page query has a handful of shapes, all from whitelists).
function cachedStatements(db: SqliteDatabase) {
  const cache = new Map<string, SqliteStatement>();
  return (sql: string) => {
    let prepared = cache.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql);
      cache.set(sql, prepared);
    }
    return prepared;
  };
}
