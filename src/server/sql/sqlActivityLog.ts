import {
  ACTIVITY_COLUMNS,
  type ActivityColumns,
  activityFromColumns,
  activityValues,
  flagFromColumn,
} from '../history/activityColumns.js';
import type { SessionStore, StoredActivity } from '../types.js';
import type { SqlDriver, SqlExecutor } from './sqlDriver.js';
import { parameters } from './sqlParameters.js';

type LogMethods = Pick<SessionStore, 'appendActivity' | 'listActivity' | 'countActivity' | 'pruneActivity'>;

/** A sign-in whose `newDevice` the store decides, as of `since` (SessionStore.createSession). */
export interface NewDeviceCheck {
  signIn: StoredActivity;
  since: number;
}

const NEW_DEVICE = ACTIVITY_COLUMNS.indexOf('new_device');

/**
 * The SQL store's authentication log, over the same driver and schema (table `profilekit_activity`): its
 * SessionStore methods (`methods`), `appendTo` for the store's own transactions (housekeeping with the
 * expiries it records), and the INSERT of a new session's entries, which decides whether its sign-in is
 * from a new device.
 */
export function createSqlActivityLog(driver: SqlDriver, ready: () => Promise<void>) {
  const { dialect } = driver;
  const log = dialect.table('profilekit_activity');
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
   * SessionStore.createSession's new-device rule, the SQL of both engines: a condition on the log as it
   * stood before the statement, over placeholders of the sign-in's own values. The device's sign-ins come
   * first: they decide the common case (a device seen before) alone, on the (user_id, device_key, kind, at)
   * index. The user's other sign-ins then read the (user_id, at, id) index: `kind || ''` keeps SQLite off
   * the (kind, at, id) one, which it would otherwise pick and walk through every user's sign-ins in the
   * window. The CAST gives PostgreSQL the parameter's type where nothing else would.
   */
  const isNewDevice = (userId: string, deviceKey: string, sessionId: string, since: string) => {
    const otherSession = `(session_id IS NULL OR session_id <> ${sessionId})`;
    return `(CAST(${deviceKey} AS ${dialect.types.text}) IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ${log} WHERE user_id = ${userId} AND device_key = ${deviceKey}
        AND kind = 'signed-in' AND at >= ${since} AND ${otherSession})
      AND EXISTS (SELECT 1 FROM ${log} WHERE user_id = ${userId} AND at >= ${since}
        AND kind || '' = 'signed-in' AND ${otherSession}))`;
  };

  /**
   * A new session's entries as one INSERT, its placeholders taken from `p` (so it can follow the session's
   * own INSERT in one statement): an id the log holds is skipped, and with `check` the sign-in's
   * `new_device` is decided in the statement. It answers the rows it added: `id` and `new_device`.
   */
  const insertSessionEntries = (
    p: ReturnType<typeof parameters>,
    entries: readonly StoredActivity[],
    check?: NewDeviceCheck,
  ) => {
    const rows = entries.map((entry) => {
      if (!check || entry !== check.signIn) return `(${activityValues(entry).map(p.value).join(', ')})`;
      // The decided flag takes no parameter of its own (PostgreSQL refuses one it cannot type).
      const values = activityValues(entry).map((value, i) => (i === NEW_DEVICE ? '' : p.value(value)));
      const of = (column: (typeof ACTIVITY_COLUMNS)[number]) =>
        values[ACTIVITY_COLUMNS.indexOf(column)] as string;
      values[NEW_DEVICE] = isNewDevice(
        of('user_id'),
        of('device_key'),
        of('session_id'),
        p.value(check.since),
      );
      return `(${values.join(', ')})`;
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
      const clauses: string[] = [];
      if (q.userId !== undefined) clauses.push(`user_id = ${p.value(q.userId)}`);
      if (q.kinds !== undefined) clauses.push(dialect.inJsonArray('kind', p.value(JSON.stringify(q.kinds))));
      if (q.sessionIds !== undefined) {
        clauses.push(dialect.inJsonArray('session_id', p.value(JSON.stringify(q.sessionIds))));
      }
      if (q.from !== undefined) clauses.push(`at >= ${p.value(q.from)}`);
      if (q.to !== undefined) clauses.push(`at < ${p.value(q.to)}`);
      if (q.after) clauses.push(`(at, id) < (${p.value(q.after.at)}, ${p.value(q.after.id)})`);
      await ready();
      const found = await driver.query<ActivityColumns>(
        `SELECT * FROM ${log}${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}
         ORDER BY at DESC, id DESC LIMIT ${p.value(q.limit)}`,
        p.values,
      );
      return found.map(activityFromColumns);
    },

    async countActivity({ kinds, starts, end }) {
      const counts = Object.fromEntries(kinds.map((kind) => [kind, starts.map(() => 0)]));
      if (kinds.length === 0 || starts.length === 0) return counts;
      const p = parameters();
      // The buckets' edges come from the caller (local midnights move with daylight saving): one CASE
      // arm per edge, newest first, over one range scan of the time index.
      const arms = starts
        .map((start, i) => ({ start, i }))
        .reverse()
        .map(({ start, i }) => `WHEN at >= ${p.value(start)} THEN ${i}`)
        .join(' ');
      const sql = `SELECT kind, CASE ${arms} END AS bucket, count(*) AS n FROM ${log}
        WHERE at >= ${p.value(starts[0])} AND at < ${p.value(end)}
        AND ${dialect.inJsonArray('kind', p.value(JSON.stringify(kinds)))}
        GROUP BY kind, bucket`;
      await ready();
      const found = await driver.query<{ kind: string; bucket: number | string; n: number | string }>(
        sql,
        p.values,
      );
      for (const row of found) {
        const kindCounts = counts[row.kind];
        if (kindCounts) kindCounts[Number(row.bucket)] = Number(row.n);
      }
      return counts;
    },

    async pruneActivity(before) {
      await ready();
      return driver.run(`DELETE FROM ${log} WHERE at < $1`, [before]);
    },
  };

  return {
    methods,
    appendTo,
    insertSessionEntries,
    /** Whether the rows of `insertSessionEntries` hold `check`'s sign-in, added as from a new device. */
    addedFromNewDevice: (rows: readonly Record<string, unknown>[], check: NewDeviceCheck | undefined) =>
      check !== undefined && rows.some((row) => row.id === check.signIn.id && flagFromColumn(row.new_device)),
  };
}
