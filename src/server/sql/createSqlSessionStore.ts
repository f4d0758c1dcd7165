import { foldForSearch, searchTextOf } from '../../contract/params.js';
import { isSignInOf } from '../history/entries.js';
import { DESCRIBED_COLUMNS, describedColumns, fromColumns, type SessionColumns } from '../sessionColumns.js';
import { byRecentActivity } from '../sessionOrder.js';
import type { SessionStore, SessionsPageQuery, StoredSession } from '../types.js';
import { createSqlActivityLog } from './sqlActivityLog.js';
import type { SqlDriver, SqlExecutor, SqlStatement } from './sqlDriver.js';
import { createSqlHostSessions } from './sqlHostSessions.js';
import { parameters } from './sqlParameters.js';
import { migrate } from './sqlSchema.js';

/** A SessionStore over SQL, plus the way to run its schema setup up front (at boot, say). */
export interface SqlSessionStore extends SessionStore {
  /** Creates or upgrades the tables if needed. Every method does this on first use; this only runs it now. */
  ready(): Promise<void>;
}

// Whitelisted: a sort column never comes from input.
const SORT_COLUMNS = {
  lastActiveAt: 'last_active_at',
  createdAt: 'created_at',
  expiresAt: 'expires_at',
} as const;

const INSERT_COLUMNS = [
  'id',
  'user_id',
  'token_hash',
  'token_preview',
  ...DESCRIBED_COLUMNS,
  'trusted',
  'application_id',
  'created_at',
  'last_active_at',
  'expires_at',
  'absolute_expires_at',
  'authenticated_at',
  'search_text',
] as const;

/** What describes where a session is used: written at sign-in and by each activity write. */
const describedBy = (s: Pick<StoredSession, 'userAgent' | 'ipAddress' | 'device' | 'location'>) => [
  s.userAgent,
  s.ipAddress,
  ...describedColumns(s),
];

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The one SQL store: SQLite and PostgreSQL run these same statements through their drivers, so the two
 * cannot drift. Every write is one statement or one transaction; deletes answer exactly the rows they
 * removed, most recently active first, so counts and the order of `session.ended` events are the same
 * under races and on either engine. `createSqliteSessionStore` and `createPostgresSessionStore` are this
 * over their drivers.
 */
export function createSqlSessionStore(driver: SqlDriver): SqlSessionStore {
  const { dialect } = driver;
  const sessions = dialect.table('profilekit_sessions');
  const attempts = dialect.table('profilekit_attempts');
  const hostSessions = dialect.table('profilekit_host_sessions');

  let setup: Promise<void> | null = null;
  const ready = () => {
    // Once per store; a failure (the database was down) is retried by the next call.
    setup ??= migrate(driver).catch((error: unknown) => {
      setup = null;
      throw error;
    });
    return setup;
  };
  const activityLog = createSqlActivityLog(driver, ready);
  const hostSessionRecords = createSqlHostSessions(driver, ready);
  const rows = async (sql: string, params: readonly unknown[], db: SqlExecutor = driver) => {
    await ready();
    return (await db.query<SessionColumns>(sql, params)).map(fromColumns);
  };

  /** WHERE clause of an admin page query; columns are whitelisted, never taken from input. */
  function pageFilter(q: SessionsPageQuery, value: (v: unknown) => string) {
    const clauses = [
      q.status === 'active' ? `expires_at > ${value(q.now)}` : `expires_at <= ${value(q.now)}`,
    ];
    if (q.userId !== undefined) clauses.push(`user_id = ${value(q.userId)}`);
    if (q.applicationId !== undefined) clauses.push(`application_id = ${value(q.applicationId)}`);
    if (q.search !== undefined) {
      const text = `search_text LIKE ${value(`%${escapeLike(foldForSearch(q.search))}%`)} ESCAPE '\\'`;
      const users = q.searchUserIds?.length
        ? ` OR ${dialect.inJsonArray('user_id', value(JSON.stringify(q.searchUserIds)))}`
        : '';
      clauses.push(`(${text}${users})`);
    }
    return clauses.join(' AND ');
  }

  return {
    ready,

    async createSession(s, entries = [], { newDeviceSince } = {}) {
      await ready();
      const signIn = entries.find((entry) => isSignInOf(entry, s));
      const check = signIn && newDeviceSince !== undefined ? { signIn, since: newDeviceSince } : undefined;
      // The session's own sign-in goes into its row when the row can hold it (schema step 6): one row
      // written, not a row and a log entry. Whichever holds it decides its new device in the statement.
      const inRow = signIn && activityLog.rowCanHold(signIn, s) ? signIn : undefined;
      const logged = entries.filter((entry) => entry !== inRow);
      const inLog = inRow ? undefined : check;
      const p = parameters();
      const sessionValues = [
        s.id,
        s.userId,
        s.tokenHash,
        s.tokenPreview,
        ...describedBy(s),
        s.trusted,
        s.applicationId,
        s.createdAt,
        s.lastActiveAt,
        s.expiresAt,
        s.absoluteExpiresAt,
        s.authenticatedAt,
        searchTextOf(s),
      ].map(p.value);
      const held = inRow ? activityLog.signInColumns(p, inRow, check?.since) : undefined;
      const columns = [...INSERT_COLUMNS, ...(held?.columns ?? [])];
      const values = [...sessionValues, ...(held?.values ?? [])];
      const insertSession = `INSERT INTO ${sessions} (${columns.join(', ')}) VALUES (${values.join(', ')})`;
      if (entries.length === 0) {
        await driver.run(insertSession, p.values);
        return { newDevice: false };
      }
      const storeSession = held
        ? `${insertSession} RETURNING sign_in_id AS id, sign_in_new_device AS new_device`
        : insertSession;
      // The session and its entries, all or none: one statement when the row holds them all, kept prepared
      // on PostgreSQL (planning the check's lookups took longer than running them). Entries for the log's
      // table: PostgreSQL adds them in the same statement (the session's INSERT a data-modifying CTE);
      // SQLite runs its two statements as one synchronous transaction, one commit.
      let statements: SqlStatement[];
      if (logged.length === 0) statements = [{ sql: storeSession, params: p.values, prepare: true }];
      else if (dialect.name === 'postgres') {
        const logEntries = activityLog.insertEntries(p, logged, inLog);
        const sql = held
          ? `WITH new_session AS (${storeSession}), logged AS (${logEntries}) SELECT * FROM new_session`
          : `WITH new_session AS (${insertSession}) ${logEntries}`;
        statements = [{ sql, params: p.values, prepare: true }];
      } else {
        const q = parameters();
        statements = [
          { sql: storeSession, params: p.values },
          { sql: activityLog.insertEntries(q, logged, inLog), params: q.values },
        ];
      }
      const answered = (await driver.batch(statements)).flat();
      return { newDevice: check !== undefined && activityLog.storedAsNew(answered, check.signIn.id) };
    },

    findByTokenHash: async (tokenHash) =>
      (await rows(`SELECT * FROM ${sessions} WHERE token_hash = $1`, [tokenHash]))[0] ?? null,
    findById: async (id) => (await rows(`SELECT * FROM ${sessions} WHERE id = $1`, [id]))[0] ?? null,
    findByIds: async (ids) =>
      rows(`SELECT * FROM ${sessions} WHERE ${dialect.inJsonArray('id', '$1')}`, [JSON.stringify(ids)]),

    async recordActivity(id, a) {
      await ready();
      await driver.run(
        `UPDATE ${sessions} SET user_agent = $2, ip_address = $3, device_name = $4, device_type = $5,
          device_browser = $6, device_os = $7, city = $8, region = $9, country = $10, last_active_at = $11,
          expires_at = $12, search_text = $13 WHERE id = $1`,
        [id, ...describedBy(a), a.lastActiveAt, a.expiresAt, searchTextOf(a)],
      );
    },

    async markAuthenticated(id, at) {
      await ready();
      await driver.run(`UPDATE ${sessions} SET authenticated_at = $2 WHERE id = $1`, [id, at]);
    },

    listUserSessions(userId, { now, applicationId }) {
      const p = parameters();
      const app = applicationId === undefined ? '' : ` AND application_id = ${p.value(applicationId)}`;
      return rows(
        `SELECT * FROM ${sessions} WHERE user_id = ${p.value(userId)} AND expires_at > ${p.value(now)}${app}
         ORDER BY last_active_at DESC, id DESC`,
        p.values,
      );
    },

    async deleteSession(id, { now, userId }) {
      const p = parameters();
      const user = userId === undefined ? '' : ` AND user_id = ${p.value(userId)}`;
      const [ended] = await rows(
        `DELETE FROM ${sessions} WHERE id = ${p.value(id)} AND expires_at > ${p.value(now)}${user} RETURNING *`,
        p.values,
      );
      return ended ?? null;
    },

    async deleteUserSessions(userId, { now, exceptId, applicationId }) {
      const p = parameters();
      const except = exceptId === undefined ? '' : ` AND id <> ${p.value(exceptId)}`;
      const app = applicationId === undefined ? '' : ` AND application_id = ${p.value(applicationId)}`;
      // On PostgreSQL the rows are locked in id order first, so two of these racing (two instances) wait
      // instead of deadlocking; a row another delete removed meanwhile drops out. RETURNING answers what
      // went; the order is the store's promise, set here for both engines.
      const ended = await rows(
        `WITH doomed AS (
           SELECT id FROM ${sessions}
           WHERE user_id = ${p.value(userId)} AND expires_at > ${p.value(now)}${except}${app}
           ORDER BY id ${dialect.forUpdate}
         )
         DELETE FROM ${sessions} WHERE id IN (SELECT id FROM doomed) RETURNING *`,
        p.values,
      );
      return ended.sort(byRecentActivity);
    },

    async deleteExpired(before, record) {
      await ready();
      await driver.run(`DELETE FROM ${attempts} WHERE keep_until <= $1`, [before]);
      await driver.run(`DELETE FROM ${hostSessions} WHERE expires_at <= $1`, [before]);
      if (!record) return driver.run(`DELETE FROM ${sessions} WHERE expires_at <= $1`, [before]);
      // The removed rows and their entries in one transaction: a crash loses neither, and two instances
      // pruning at once remove (and record) each session once.
      return driver.transaction(async (tx) => {
        const removed = await rows(
          `DELETE FROM ${sessions} WHERE expires_at <= $1 RETURNING *`,
          [before],
          tx,
        );
        await activityLog.appendTo(tx, record(removed));
        return removed.length;
      });
    },

    ...activityLog.methods,

    async listSessionsPage(q) {
      const p = parameters();
      const filter = pageFilter(q, p.value);
      const column = SORT_COLUMNS[q.sort];
      const cmp = q.direction === 'desc' ? '<' : '>';
      const order = q.direction === 'desc' ? 'DESC' : 'ASC';
      const keyset = q.after
        ? ` AND (${column}, id) ${cmp} (${p.value(q.after.value)}, ${p.value(q.after.id)})`
        : '';
      await ready();
      // One statement, so the page and its total come from the same snapshot. An empty page answers one
      // row holding only the total.
      const found = await driver.query<SessionColumns & { profilekit_total: string | number }>(
        `SELECT matches.total AS profilekit_total, page.*
         FROM (SELECT count(*) AS total FROM ${sessions} WHERE ${filter}) AS matches
         LEFT JOIN (
           SELECT * FROM ${sessions} WHERE ${filter}${keyset}
           ORDER BY ${column} ${order}, id ${order} LIMIT ${p.value(q.limit)}
         ) AS page ON 1 = 1
         ORDER BY page.${column} ${order}, page.id ${order}`,
        p.values,
      );
      return {
        sessions: found.filter((row) => row.id !== null).map(fromColumns),
        total: Number(found[0]?.profilekit_total ?? 0),
      };
    },

    async countSessions({ now, startOfDay }) {
      await ready();
      const [counted] = await driver.query<
        Record<'total_active' | 'unique_users' | 'expired' | 'started_today', string | number>
      >(
        `SELECT
           (SELECT count(*) FROM ${sessions} WHERE expires_at > $1) AS total_active,
           (SELECT count(DISTINCT user_id) FROM ${sessions} WHERE expires_at > $1) AS unique_users,
           (SELECT count(*) FROM ${sessions} WHERE expires_at <= $1) AS expired,
           (SELECT count(*) FROM ${sessions} WHERE created_at >= $2) AS started_today`,
        [now, startOfDay],
      );
      return {
        totalActive: Number(counted?.total_active ?? 0),
        uniqueUsers: Number(counted?.unique_users ?? 0),
        expired: Number(counted?.expired ?? 0),
        startedToday: Number(counted?.started_today ?? 0),
      };
    },

    ...hostSessionRecords,

    async updateAttempts(key, update, { keepUntil }) {
      await ready();
      return driver.transaction(async (tx) => {
        // The row exists before it is read under lock, so two first attempts of one key queue on one lock.
        // An emptied list stays as '[]' (housekeeping drops it): deleting it here would let an update
        // waiting on the lock find no row.
        await tx.run(
          `INSERT INTO ${attempts} (key, attempts, keep_until) VALUES ($1, '[]', $2) ON CONFLICT (key) DO NOTHING`,
          [key, keepUntil],
        );
        const [locked] = await tx.query<{ attempts: string }>(
          `SELECT attempts FROM ${attempts} WHERE key = $1 ${dialect.forUpdate}`,
          [key],
        );
        const { attempts: next, result } = update(JSON.parse(locked?.attempts ?? '[]') as number[]);
        await tx.run(
          `INSERT INTO ${attempts} (key, attempts, keep_until) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET attempts = excluded.attempts, keep_until = excluded.keep_until`,
          [key, JSON.stringify(next), keepUntil],
        );
        return result;
      });
    },
  };
}
