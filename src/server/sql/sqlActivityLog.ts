import {
  ACTIVITY_COLUMNS,
  type ActivityColumns,
  activityFromColumns,
  activityValues,
  flagFromColumn,
} from '../history/activityColumns.js';
import { DESCRIBED_COLUMNS } from '../sessionColumns.js';
import type { SessionStore, StoredActivity, StoredSession } from '../types.js';
import type { SqlDriver, SqlExecutor } from './sqlDriver.js';
import { parameters } from './sqlParameters.js';

type LogMethods = Pick<SessionStore, 'appendActivity' | 'listActivity' | 'countActivity' | 'pruneActivity'>;

/** A sign-in whose `newDevice` the store decides, as of `since` (SessionStore.createSession). */
interface NewDeviceCheck {
  signIn: StoredActivity;
  since: number;
}

/**
 * How a live session's row holds its sign-in's entry (schema step 6), column for column in
 * ACTIVITY_COLUMNS' order: what the log's columns are in a session row. A row's sign-in is read as an entry
 * through these; the schema's trigger moves it into the log, the same columns, when the row goes.
 */
const SIGN_IN_IN_ROW: Record<(typeof ACTIVITY_COLUMNS)[number], string> = {
  id: 'sign_in_id',
  user_id: 'user_id',
  kind: "'signed-in'",
  at: 'sign_in_at',
  session_id: 'id',
  ...(Object.fromEntries(DESCRIBED_COLUMNS.map((column) => [column, `sign_in_${column}`])) as Record<
    (typeof DESCRIBED_COLUMNS)[number],
    string
  >),
  device_key: 'sign_in_device_key',
  method: 'sign_in_method',
  new_device: 'sign_in_new_device',
  identifier: 'NULL',
  reason: 'NULL',
  by_session_id: 'NULL',
  by_user_id: 'NULL',
};
/** The row's columns its sign-in is written to, and the entry's values for them, in one order. */
const SIGN_IN_WRITTEN = ACTIVITY_COLUMNS.filter(
  (column) => column !== 'id' && SIGN_IN_IN_ROW[column].startsWith('sign_in_'),
);
/** A row's sign-in, selected as a log row. */
const LIVE_SIGN_IN_SELECT = ACTIVITY_COLUMNS.map((column) => `${SIGN_IN_IN_ROW[column]} AS ${column}`).join(
  ', ',
);

/**
 * Whether a new session's row can hold its sign-in `entry` (`isSignInOf`): its user's, with nothing a
 * sign-in does not have, well formed. Any other goes to the log's table, decided there just the same.
 */
const rowCanHold = (entry: StoredActivity, session: StoredSession) =>
  entry.userId === session.userId &&
  entry.identifier === null &&
  entry.reason === null &&
  entry.bySessionId === null &&
  entry.byUserId === null &&
  Number.isFinite(entry.at) &&
  typeof entry.newDevice === 'boolean';

/**
 * The SQL store's authentication log, over the same driver and schema: the table `profilekit_activity`,
 * and the sign-ins of live sessions, which their rows hold (schema step 6). Its SessionStore methods
 * (`methods`) read both as one log; `appendTo` serves the store's own transactions (housekeeping with the
 * expiries it records); `signInColumns` and `insertEntries` write a new session's entries.
 */
export function createSqlActivityLog(driver: SqlDriver, ready: () => Promise<void>) {
  const { dialect } = driver;
  const log = dialect.table('profilekit_activity');
  const sessions = dialect.table('profilekit_sessions');
  /** Inserts entries, skipping an id the log holds already (the store's promise: recorded once). */
  const appendTo = async (db: SqlExecutor, entries: readonly StoredActivity[]) => {
    const placeholders = ACTIVITY_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    let added = 0;
    for (const entry of entries) {
      added += await db.run(
        `INSERT INTO ${log} (${ACTIVITY_COLUMNS.join(', ')}) VALUES (${placeholders}) ON CONFLICT (id) DO NOTHING`,
        activityValues(entry),
      );
    }
    return added;
  };

  /**
   * SessionStore.createSession's new-device rule, the SQL of both engines: a condition on the log and the
   * live rows' sign-ins as they stood before the statement, over placeholders of the sign-in's own values.
   * The device's sign-ins come first: they decide the common case (a device seen before) alone, on the
   * (user_id, device_key, kind, at) index and the user's few rows. The user's other sign-ins then read the
   * (user_id, at, id) index: `kind || ''` keeps SQLite off the (kind, at, id) one, which it would otherwise
   * pick and walk through every user's sign-ins in the window. The CAST gives PostgreSQL the parameter's
   * type where nothing else would.
   */
  const isNewDevice = (userId: string, deviceKey: string, sessionId: string, since: string) => {
    const otherSession = `(session_id IS NULL OR session_id <> ${sessionId})`;
    const otherRow = `sign_in_id IS NOT NULL AND sign_in_at >= ${since} AND id <> ${sessionId}`;
    return `(CAST(${deviceKey} AS ${dialect.types.text}) IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ${log} WHERE user_id = ${userId} AND device_key = ${deviceKey}
        AND kind = 'signed-in' AND at >= ${since} AND ${otherSession})
      AND NOT EXISTS (SELECT 1 FROM ${sessions} WHERE user_id = ${userId} AND sign_in_device_key = ${deviceKey}
        AND ${otherRow})
      AND (EXISTS (SELECT 1 FROM ${log} WHERE user_id = ${userId} AND at >= ${since}
          AND kind || '' = 'signed-in' AND ${otherSession})
        OR EXISTS (SELECT 1 FROM ${sessions} WHERE user_id = ${userId} AND ${otherRow})))`;
  };

  /**
   * A new session's sign-in as columns of its row and their values, placeholders taken from `p` (the
   * session's INSERT). An id the log or another row holds already is skipped (`sign_in_id` null: not
   * recorded), as the log's INSERT skips it; with `since`, the row's `sign_in_new_device` is decided in the statement.
   */
  const signInColumns = (p: ReturnType<typeof parameters>, signIn: StoredActivity, since?: number) => {
    const values = activityValues(signIn);
    const of = (column: (typeof ACTIVITY_COLUMNS)[number]) => values[ACTIVITY_COLUMNS.indexOf(column)];
    const id = p.value(signIn.id);
    const written = SIGN_IN_WRITTEN.map((column) => {
      if (column === 'new_device' && since !== undefined) {
        // The decided flag takes no parameter of its own (PostgreSQL refuses one it cannot type).
        return isNewDevice(
          p.value(signIn.userId),
          p.value(signIn.deviceKey),
          p.value(signIn.sessionId),
          p.value(since),
        );
      }
      return p.value(of(column));
    });
    return {
      columns: ['sign_in_id', ...SIGN_IN_WRITTEN.map((column) => SIGN_IN_IN_ROW[column])],
      values: [
        `CASE WHEN EXISTS (SELECT 1 FROM ${log} WHERE id = ${id})
           OR EXISTS (SELECT 1 FROM ${sessions} WHERE sign_in_id = ${id}) THEN NULL ELSE ${id} END`,
        ...written,
      ],
    };
  };

  /**
   * Entries as one INSERT into the log's table, placeholders from `p`, an id the log holds skipped (the
   * schema skips one a row holds); with `check`, that sign-in's `new_device` is decided in the statement.
   * It answers the rows it added: `id` and `new_device`.
   */
  const insertEntries = (
    p: ReturnType<typeof parameters>,
    entries: readonly StoredActivity[],
    check?: NewDeviceCheck,
  ) => {
    const rows = entries.map((entry) => {
      const values = activityValues(entry);
      if (entry !== check?.signIn) return `(${values.map(p.value).join(', ')})`;
      const newDevice = ACTIVITY_COLUMNS.indexOf('new_device');
      // The decided flag takes no parameter of its own (PostgreSQL refuses one it cannot type).
      const written = values.map((value, i) => (i === newDevice ? '' : p.value(value)));
      const of = (column: (typeof ACTIVITY_COLUMNS)[number]) =>
        written[ACTIVITY_COLUMNS.indexOf(column)] as string;
      written[newDevice] = isNewDevice(
        of('user_id'),
        of('device_key'),
        of('session_id'),
        p.value(check.since),
      );
      return `(${written.join(', ')})`;
    });
    return `INSERT INTO ${log} (${ACTIVITY_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}
      ON CONFLICT (id) DO NOTHING RETURNING id, new_device`;
  };

  const methods: LogMethods = {
    appendActivity: async (entries) => {
      await ready();
      if (entries.length === 0) return 0;
      return entries.length === 1
        ? appendTo(driver, entries)
        : driver.transaction((tx) => appendTo(tx, entries));
    },

    async listActivity(q) {
      const p = parameters();
      // The same filter twice, once in the log's columns and once in a row's (SIGN_IN_IN_ROW).
      const logged: string[] = [];
      const live: string[] = ['sign_in_id IS NOT NULL'];
      const both = (clause: (column: (name: (typeof ACTIVITY_COLUMNS)[number]) => string) => string) => {
        logged.push(clause((name) => name));
        live.push(clause((name) => SIGN_IN_IN_ROW[name]));
      };
      if (q.userId !== undefined) {
        const userId = p.value(q.userId);
        both((c) => `${c('user_id')} = ${userId}`);
      }
      if (q.sessionIds !== undefined) {
        const ids = p.value(JSON.stringify(q.sessionIds));
        both((c) => dialect.inJsonArray(c('session_id'), ids));
      }
      if (q.from !== undefined) {
        const from = p.value(q.from);
        both((c) => `${c('at')} >= ${from}`);
      }
      if (q.to !== undefined) {
        const to = p.value(q.to);
        both((c) => `${c('at')} < ${to}`);
      }
      if (q.after) {
        const at = p.value(q.after.at);
        const id = p.value(q.after.id);
        both((c) => `(${c('at')}, ${c('id')}) < (${at}, ${id})`);
      }
      const limit = p.value(q.limit);
      const newestFirst = (where: readonly string[]) =>
        `${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${limit}`;
      // A filter by kind alone is one ordered read of the (kind, at, id) index per kind asked, merged: an
      // equality on the kind is what lets each engine read it newest first (a list, `kind IN …`, made
      // PostgreSQL walk the whole log by time). With a user or sessions the list stays a list: their index is
      // the narrower one, and SQLite, given an equality on the kind, would read the kind's instead.
      const columns = `SELECT ${ACTIVITY_COLUMNS.join(', ')} FROM ${log}`;
      const byKind = q.kinds !== undefined && q.userId === undefined && q.sessionIds === undefined;
      const parts = byKind
        ? [...new Set(q.kinds)].map(
            (kind) => `${columns}${newestFirst([...logged, `kind = ${p.value(kind)}`])}`,
          )
        : [
            `${columns}${newestFirst(
              q.kinds === undefined
                ? logged
                : [...logged, dialect.inJsonArray('kind', p.value(JSON.stringify(q.kinds)))],
            )}`,
          ];
      if (q.kinds === undefined || q.kinds.includes('signed-in')) {
        parts.push(`SELECT ${LIVE_SIGN_IN_SELECT} FROM ${sessions} WHERE ${live.join(' AND ')}
          ORDER BY sign_in_at DESC, sign_in_id DESC LIMIT ${limit}`);
      }
      if (parts.length === 0) return [];
      const sql =
        parts.length === 1
          ? (parts[0] as string)
          : `${parts.map((part, i) => `SELECT * FROM (${part}) AS part_${i}`).join(' UNION ALL ')}
             ORDER BY at DESC, id DESC LIMIT ${limit}`;
      await ready();
      const found = await driver.query<ActivityColumns>(sql, p.values);
      return found.map(activityFromColumns);
    },

    async countActivity({ kinds, starts, end }) {
      const counts = Object.fromEntries(kinds.map((kind) => [kind, starts.map(() => 0)]));
      if (kinds.length === 0 || starts.length === 0) return counts;
      const p = parameters();
      // The buckets' edges come from the caller (local midnights move with daylight saving): one CASE
      // arm per edge, newest first, over one range scan of the time index.
      const edges = starts.map((start) => p.value(start));
      const last = p.value(end);
      const bucketOf = (at: string) =>
        `CASE ${edges
          .map((start, i) => ({ start, i }))
          .reverse()
          .map(({ start, i }) => `WHEN ${at} >= ${start} THEN ${i}`)
          .join(' ')} END`;
      const fromLog = `SELECT kind, ${bucketOf('at')} AS bucket, count(*) AS n FROM ${log}
        WHERE at >= ${edges[0]} AND at < ${last}
        AND ${dialect.inJsonArray('kind', p.value(JSON.stringify(kinds)))}
        GROUP BY kind, bucket`;
      const sql = kinds.includes('signed-in')
        ? `${fromLog} UNION ALL
           SELECT 'signed-in' AS kind, ${bucketOf('sign_in_at')} AS bucket, count(*) AS n FROM ${sessions}
           WHERE sign_in_id IS NOT NULL AND sign_in_at >= ${edges[0]} AND sign_in_at < ${last}
           GROUP BY bucket`
        : fromLog;
      await ready();
      const found = await driver.query<{ kind: string; bucket: number | string; n: number | string }>(
        sql,
        p.values,
      );
      for (const row of found) {
        const kindCounts = counts[row.kind];
        if (kindCounts)
          kindCounts[Number(row.bucket)] = (kindCounts[Number(row.bucket)] ?? 0) + Number(row.n);
      }
      return counts;
    },

    async pruneActivity(before) {
      await ready();
      // A live session's sign-in is in its row (never here); a sign-in written here before schema step 6
      // stays while its session does, as every store keeps it.
      return driver.run(
        `DELETE FROM ${log} WHERE at < $1 AND NOT (kind = 'signed-in'
           AND EXISTS (SELECT 1 FROM ${sessions} WHERE ${sessions}.id = ${log}.session_id))`,
        [before],
      );
    },
  };

  return {
    methods,
    appendTo,
    rowCanHold,
    signInColumns,
    insertEntries,
    /** Whether a new session's statements stored its sign-in `id` as from a new device (`id`, `new_device`). */
    storedAsNew: (rows: readonly Record<string, unknown>[], id: string) =>
      rows.some((row) => row.id === id && flagFromColumn(row.new_device)),
  };
}
