import {
  ACTIVITY_COLUMNS,
  type ActivityColumns,
  activityFromColumns,
  activityValues,
} from '../history/activityColumns.js';
import type { SessionStore, StoredActivity } from '../types.js';
import type { SqlDriver, SqlExecutor } from './sqlDriver.js';
import { parameters } from './sqlParameters.js';

type LogMethods = Pick<
  SessionStore,
  'appendActivity' | 'listActivity' | 'hasSignedInFrom' | 'countActivity' | 'pruneActivity'
>;

/**
 * The SQL store's authentication log, over the same driver and schema (table `profilekit_activity`):
 * its SessionStore methods, and `appendTo` for the store's own transactions (a session with its sign-in,
 * housekeeping with the expiries it records).
 */
export function createSqlActivityLog(
  driver: SqlDriver,
  ready: () => Promise<void>,
): LogMethods & { appendTo: (db: SqlExecutor, entries: readonly StoredActivity[]) => Promise<number> } {
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

  return {
    appendTo,

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

    async hasSignedInFrom(userId, deviceKey, { since, exceptSessionId }) {
      await ready();
      const found = await driver.query(
        `SELECT 1 AS found FROM ${log} WHERE user_id = $1 AND device_key = $2 AND at >= $3
         AND kind = 'signed-in' AND (session_id IS NULL OR session_id <> $4) LIMIT 1`,
        [userId, deviceKey, since, exceptSessionId ?? ''],
      );
      return found.length > 0;
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
}
