import { fromColumns, type SessionColumns } from '../sessionColumns.js';
import type {
  AttemptsUpdate,
  SessionCounts,
  SessionStore,
  SessionsPageQuery,
  StoredSession,
} from '../types.js';
import { quoteIdentifier } from './identifiers.js';
import { POSTGRES_MIGRATIONS } from './postgresSchema.js';
import type { PostgresPool, PostgresPoolClient, PostgresQueryable } from './postgresTypes.js';

export interface PostgresSessionStoreOptions {
  /**
   * The PostgreSQL schema the tables live in, created when missing. A plain identifier (letters, digits,
   * `_`, `$`; at most 63 characters), quoted as given, so it is case-sensitive.
   * @default 'public'
   */
  schema?: string;
}

/** A SessionStore over PostgreSQL, plus the way to run its schema setup up front (at boot, say). */
export interface PostgresSessionStore extends SessionStore {
  /** Creates or upgrades the tables if needed. Every method does this on first use; this only runs it now. */
  ready(): Promise<void>;
}

const SORT_COLUMNS = { lastActiveAt: 'last_active_at', createdAt: 'created_at', expiresAt: 'expires_at' };

const activityValues = (a: Pick<StoredSession, 'device' | 'location' | 'ipAddress' | 'userAgent'>) => [
  a.userAgent,
  a.ipAddress,
  a.device?.name ?? null,
  a.device?.type ?? null,
  a.device?.browser ?? null,
  a.device?.os ?? null,
  a.location?.city ?? null,
  a.location?.region ?? null,
  a.location?.country ?? null,
];

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Collects the values of a query as it is written: `value(x)` answers the placeholder (`$3`). */
function parameters() {
  const values: unknown[] = [];
  return {
    values,
    value(v: unknown) {
      values.push(v);
      return `$${values.length}`;
    },
  };
}

/** WHERE clause of an admin page query; columns are whitelisted, never taken from input. */
function pageFilter(q: SessionsPageQuery, value: (v: unknown) => string) {
  const clauses = [q.status === 'active' ? `expires_at > ${value(q.now)}` : `expires_at <= ${value(q.now)}`];
  if (q.userId !== undefined) clauses.push(`user_id = ${value(q.userId)}`);
  if (q.applicationId !== undefined) clauses.push(`application_id = ${value(q.applicationId)}`);
  if (q.search !== undefined) {
    const like = value(`%${escapeLike(q.search)}%`);
    // ILIKE: case-insensitive; the trigram indexes (when pg_trgm is there) answer it without a full scan.
    const text = `ip_address ILIKE ${like} ESCAPE E'\\\\' OR user_agent ILIKE ${like} ESCAPE E'\\\\'`;
    const users = q.searchUserIds?.length ? ` OR user_id = ANY(${value([...q.searchUserIds])}::text[])` : '';
    clauses.push(`(${text}${users})`);
  }
  return clauses.join(' AND ');
}

/**
 * Sessions in PostgreSQL (13 or later; tested on 15) through node-postgres or any pool of the same shape.
 * Pass the host's pool: the store never creates nor ends it. The tables (all prefixed `profilekit_`, in
 * `options.schema`) are created and upgraded on first use, once, even when several instances start at the
 * same moment. Several instances may share one database: every write is a single statement, and deletes
 * answer exactly the rows they removed, so counts stay exact under concurrent revokes.
 *
 * Admin search uses trigram indexes when the `pg_trgm` extension is installed or can be created
 * (`CREATE EXTENSION pg_trgm` needs the right to create in the database); without it, search still works
 * and scans.
 *
 * @example
 * import pg from 'pg';
 * const store = createPostgresSessionStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 */
export function createPostgresSessionStore(
  pool: PostgresPool,
  options: PostgresSessionStoreOptions = {},
): PostgresSessionStore {
  const schemaName = options.schema ?? 'public';
  const s = quoteIdentifier(schemaName, 'schema');
  const sessions = `${s}.profilekit_sessions`;
  const attemptsTable = `${s}.profilekit_attempts`;

  let setup: Promise<void> | null = null;
  const ready = () => {
    // Once per store; a failure (the database was down) is retried by the next call.
    setup ??= migrate(pool, schemaName, s).catch((error: unknown) => {
      setup = null;
      throw error;
    });
    return setup;
  };
  const query = async (text: string, values: unknown[]) => {
    await ready();
    return pool.query(text, values);
  };
  const rows = async (text: string, values: unknown[]) =>
    ((await query(text, values)).rows as SessionColumns[]).map(fromColumns);

  return {
    ready,
    createSession: async (x) => {
      await query(
        `INSERT INTO ${sessions} (id, user_id, token_hash, token_preview, user_agent, ip_address, device_name,
          device_type, device_browser, device_os, city, region, country, trusted, application_id, created_at,
          last_active_at, expires_at, absolute_expires_at, authenticated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
        [
          x.id,
          x.userId,
          x.tokenHash,
          x.tokenPreview,
          ...activityValues(x),
          x.trusted,
          x.applicationId,
          x.createdAt,
          x.lastActiveAt,
          x.expiresAt,
          x.absoluteExpiresAt,
          x.authenticatedAt,
        ],
      );
    },
    findByTokenHash: async (tokenHash) =>
      (await rows(`SELECT * FROM ${sessions} WHERE token_hash = $1`, [tokenHash]))[0] ?? null,
    findById: async (id) => (await rows(`SELECT * FROM ${sessions} WHERE id = $1`, [id]))[0] ?? null,
    recordActivity: async (id, a) => {
      await query(
        `UPDATE ${sessions} SET user_agent = $2, ip_address = $3, device_name = $4, device_type = $5,
          device_browser = $6, device_os = $7, city = $8, region = $9, country = $10, last_active_at = $11,
          expires_at = $12 WHERE id = $1`,
        [id, ...activityValues(a), a.lastActiveAt, a.expiresAt],
      );
    },
    markAuthenticated: async (id, at) => {
      await query(`UPDATE ${sessions} SET authenticated_at = $2 WHERE id = $1`, [id, at]);
    },
    listUserSessions: async (userId, { now, applicationId }) => {
      const p = parameters();
      const app = applicationId === undefined ? '' : ` AND application_id = ${p.value(applicationId)}`;
      return rows(
        `SELECT * FROM ${sessions} WHERE user_id = ${p.value(userId)} AND expires_at > ${p.value(now)}${app}
         ORDER BY last_active_at DESC, id DESC`,
        p.values,
      );
    },
    deleteSession: async (id, { now, userId }) => {
      const p = parameters();
      const user = userId === undefined ? '' : ` AND user_id = ${p.value(userId)}`;
      const ended = await rows(
        `DELETE FROM ${sessions} WHERE id = ${p.value(id)} AND expires_at > ${p.value(now)}${user} RETURNING *`,
        p.values,
      );
      return ended[0] ?? null;
    },
    deleteUserSessions: async (userId, { now, exceptId, applicationId }) => {
      const p = parameters();
      const except = exceptId === undefined ? '' : ` AND id <> ${p.value(exceptId)}`;
      const app = applicationId === undefined ? '' : ` AND application_id = ${p.value(applicationId)}`;
      // Rows are locked in id order first, so two of these racing (two instances) wait instead of
      // deadlocking; a row another delete removed meanwhile drops out. RETURNING answers what went.
      return rows(
        `WITH doomed AS (
           SELECT id FROM ${sessions}
           WHERE user_id = ${p.value(userId)} AND expires_at > ${p.value(now)}${except}${app}
           ORDER BY id FOR UPDATE
         ), ended AS (
           DELETE FROM ${sessions} WHERE id IN (SELECT id FROM doomed) RETURNING *
         )
         SELECT * FROM ended ORDER BY last_active_at DESC, id DESC`,
        p.values,
      );
    },
    deleteExpired: async (before) => {
      await query(`DELETE FROM ${attemptsTable} WHERE keep_until <= $1`, [before]);
      return (await query(`DELETE FROM ${sessions} WHERE expires_at <= $1`, [before])).rowCount ?? 0;
    },
    listSessionsPage: async (q) => {
      const p = parameters();
      const filter = pageFilter(q, p.value);
      const column = SORT_COLUMNS[q.sort];
      const cmp = q.direction === 'desc' ? '<' : '>';
      const order = q.direction === 'desc' ? 'DESC' : 'ASC';
      const keyset = q.after
        ? ` AND (${column}, id) ${cmp} (${p.value(q.after.value)}::bigint, ${p.value(q.after.id)}::text)`
        : '';
      // One statement, so the page and its total come from the same snapshot. An empty page answers one
      // row holding only the total.
      const result = await query(
        `WITH page AS (
           SELECT * FROM ${sessions} WHERE ${filter}${keyset}
           ORDER BY ${column} ${order}, id ${order} LIMIT ${p.value(q.limit)}
         )
         SELECT matches.total AS profilekit_total, page.*
         FROM (SELECT count(*) AS total FROM ${sessions} WHERE ${filter}) AS matches
         LEFT JOIN page ON true
         ORDER BY page.${column} ${order}, page.id ${order}`,
        p.values,
      );
      const found = result.rows as (SessionColumns & { profilekit_total: string | number })[];
      return {
        sessions: found.filter((row) => row.id !== null).map(fromColumns),
        total: Number(found[0]?.profilekit_total ?? 0),
      };
    },
    countSessions: async ({ now, startOfDay }) => {
      const { rows: counted } = await query(
        `SELECT
           (SELECT count(*) FROM ${sessions} WHERE expires_at > $1) AS total_active,
           (SELECT count(DISTINCT user_id) FROM ${sessions} WHERE expires_at > $1) AS unique_users,
           (SELECT count(*) FROM ${sessions} WHERE expires_at <= $1) AS expired,
           (SELECT count(*) FROM ${sessions} WHERE created_at >= $2) AS started_today`,
        [now, startOfDay],
      );
      const c = counted[0] as Record<'total_active' | 'unique_users' | 'expired' | 'started_today', string>;
      return {
        totalActive: Number(c.total_active),
        uniqueUsers: Number(c.unique_users),
        expired: Number(c.expired),
        startedToday: Number(c.started_today),
      } satisfies SessionCounts;
    },
    updateAttempts: async <Result>(
      key: string,
      update: AttemptsUpdate<Result>,
      { keepUntil }: { keepUntil: number },
    ) => {
      await ready();
      return inTransaction(pool, async (client) => {
        // The row exists before it is locked, so two first attempts of one key queue on the same lock. An
        // emptied list stays as '[]' (housekeeping drops it): deleting it here would let a waiting update
        // find no row to lock.
        await client.query(
          `INSERT INTO ${attemptsTable} (key, attempts, keep_until) VALUES ($1, '[]', $2) ON CONFLICT (key) DO NOTHING`,
          [key, keepUntil],
        );
        const { rows: locked } = await client.query(
          `SELECT attempts FROM ${attemptsTable} WHERE key = $1 FOR UPDATE`,
          [key],
        );
        const current = (locked[0] as { attempts: string } | undefined)?.attempts ?? '[]';
        const { attempts, result } = update(JSON.parse(current) as number[]);
        await client.query(
          `INSERT INTO ${attemptsTable} (key, attempts, keep_until) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET attempts = EXCLUDED.attempts, keep_until = EXCLUDED.keep_until`,
          [key, JSON.stringify(attempts), keepUntil],
        );
        return result;
      });
    },
  };
}

/** Runs `work` in one transaction on one pooled connection; a connection whose ROLLBACK failed is closed. */
async function inTransaction<Result>(
  pool: PostgresPool,
  work: (client: PostgresPoolClient & PostgresQueryable) => Promise<Result>,
): Promise<Result> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Brings the schema to the latest version. The common case (already there) is one read, no lock; else
 * one transaction under a database-wide advisory lock, so two instances starting at once take turns and
 * the second finds the work done.
 */
async function migrate(pool: PostgresPool, schemaName: string, s: string): Promise<void> {
  const latest = POSTGRES_MIGRATIONS.length;
  const present = await pool.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    `${s}.profilekit_schema`,
  ]);
  if ((present.rows[0] as { present: boolean }).present) {
    const { rows } = await pool.query(`SELECT max(version) AS version FROM ${s}.profilekit_schema`);
    if (Number((rows[0] as { version: number | null }).version ?? 0) >= latest) return;
  }

  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('profilekit_schema', 0))`);
    const namespace = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schemaName]);
    if (namespace.rowCount === 0) await client.query(`CREATE SCHEMA ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.profilekit_schema (version integer PRIMARY KEY, applied_at bigint NOT NULL)`,
    );
    const { rows } = await client.query(`SELECT max(version) AS version FROM ${s}.profilekit_schema`);
    const applied = Number((rows[0] as { version: number | null }).version ?? 0);
    if (applied < latest) {
      const trigramSchema = await trigramExtension(client);
      for (let version = applied + 1; version <= latest; version++) {
        const step = POSTGRES_MIGRATIONS[version - 1];
        if (!step) break;
        await client.query(step({ schema: s, trigramSchema }));
        await client.query(`INSERT INTO ${s}.profilekit_schema (version, applied_at) VALUES ($1, $2)`, [
          version,
          Date.now(),
        ]);
      }
    }
  });
}

/** The quoted schema pg_trgm lives in, creating the extension when allowed; null when it cannot be had. */
async function trigramExtension(client: PostgresPoolClient & PostgresQueryable): Promise<string | null> {
  const find = async () => {
    const { rows } = await client.query(
      `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       WHERE e.extname = 'pg_trgm'`,
    );
    const name = (rows[0] as { nspname: string } | undefined)?.nspname;
    return name === undefined ? null : `"${name.replaceAll('"', '""')}"`;
  };
  const installed = await find();
  if (installed !== null) return installed;
  await client.query('SAVEPOINT profilekit_trgm');
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query('RELEASE SAVEPOINT profilekit_trgm');
  } catch {
    // Not installed on the server, or no right to create it: search works without the index.
    await client.query('ROLLBACK TO SAVEPOINT profilekit_trgm');
  }
  return find();
}
