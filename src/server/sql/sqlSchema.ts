import { searchTextOf } from '../../contract/params.js';
import type { SqlDialect, SqlDriver, SqlExecutor } from './sqlDriver.js';

/**
 * The store's schema, by version, for both engines: one table definition written once, the dialect
 * spelling its types. A database remembers its version in `profilekit_schema (version, applied_at)`; the
 * first use of a store applies the steps it has not seen in one transaction holding the database's write
 * lock, so two processes opening a fresh SQLite file, or instances starting together over PostgreSQL,
 * take turns and the second finds the work done. Databases written by earlier versions upgrade in place.
 *
 * Times are epoch milliseconds. PostgreSQL ids use the "C" collation, so keyset paging orders them by code
 * point as SQLite does, whatever the database's locale.
 */
export interface MigrationContext {
  dialect: SqlDialect;
  /** PostgreSQL only: the quoted schema pg_trgm lives in, or null when the extension cannot be had. */
  trigramSchema: string | null;
}

interface Migration {
  sql: (context: MigrationContext) => string;
  /** Work SQL alone cannot do (a value computed in JavaScript), after the statements. */
  backfill?: (tx: SqlExecutor, context: MigrationContext) => Promise<void>;
}

const idColumn = ({ dialect }: MigrationContext) =>
  dialect.name === 'postgres' ? 'text COLLATE "C"' : 'TEXT';

export const MIGRATIONS: readonly Migration[] = [
  // 1: sessions and a per-user tally of wrong passwords (replaced in 2).
  {
    sql: (c) => {
      const { bigint, boolean, text } = c.dialect.types;
      const t = c.dialect.table;
      return `
      CREATE TABLE ${t('profilekit_sessions')} (
        id ${idColumn(c)} PRIMARY KEY,
        user_id ${text} NOT NULL,
        token_hash ${text} NOT NULL UNIQUE,
        token_preview ${text} NOT NULL,
        user_agent ${text},
        ip_address ${text},
        device_name ${text},
        device_type ${text},
        device_browser ${text},
        device_os ${text},
        city ${text},
        region ${text},
        country ${text},
        trusted ${boolean} NOT NULL DEFAULT ${c.dialect.name === 'postgres' ? 'false' : '0'},
        application_id ${text},
        created_at ${bigint} NOT NULL,
        last_active_at ${bigint} NOT NULL,
        expires_at ${bigint} NOT NULL,
        absolute_expires_at ${bigint} NOT NULL,
        authenticated_at ${bigint} NOT NULL
      );
      -- A user's live sessions (the profile page), and each admin sort key with the id as its tie-break.
      CREATE INDEX profilekit_sessions_by_user ON ${t('profilekit_sessions')} (user_id, expires_at);
      CREATE INDEX profilekit_sessions_by_last_active ON ${t('profilekit_sessions')} (last_active_at, id);
      CREATE INDEX profilekit_sessions_by_created ON ${t('profilekit_sessions')} (created_at, id);
      CREATE INDEX profilekit_sessions_by_expires ON ${t('profilekit_sessions')} (expires_at, id);
      CREATE TABLE ${t('profilekit_password_failures')} (
        key ${text} PRIMARY KEY,
        failures integer NOT NULL,
        window_start ${bigint} NOT NULL
      );`;
    },
  },
  // 2: recent attempts per limit key (sliding windows per session, per account and client).
  {
    sql: ({ dialect: { table: t, types } }) => `
      DROP TABLE ${t('profilekit_password_failures')};
      CREATE TABLE ${t('profilekit_attempts')} (
        key ${types.text} PRIMARY KEY,
        attempts ${types.text} NOT NULL,
        keep_until ${types.bigint} NOT NULL
      );
      CREATE INDEX profilekit_attempts_by_keep_until ON ${t('profilekit_attempts')} (keep_until);`,
  },
  // 3: one search for both engines — a folded copy of IP and user agent, matched as a literal substring —
  // replacing SQLite's FTS5 index and PostgreSQL's ILIKE indexes; one version table for both.
  {
    sql: ({ dialect, trigramSchema }) => {
      const t = dialect.table;
      const common = `ALTER TABLE ${t('profilekit_sessions')} ADD COLUMN search_text ${dialect.types.text};`;
      if (dialect.name === 'sqlite') {
        return `
        DROP TRIGGER IF EXISTS profilekit_session_search_insert;
        DROP TRIGGER IF EXISTS profilekit_session_search_update;
        DROP TRIGGER IF EXISTS profilekit_session_search_delete;
        DROP TABLE IF EXISTS profilekit_session_search;
        CREATE TABLE profilekit_schema_next (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);
        INSERT INTO profilekit_schema_next (version, applied_at) SELECT DISTINCT version, 0 FROM profilekit_schema;
        DROP TABLE profilekit_schema;
        ALTER TABLE profilekit_schema_next RENAME TO profilekit_schema;
        ${common}`;
      }
      return `
      DROP INDEX IF EXISTS ${t('profilekit_sessions_ip_search')};
      DROP INDEX IF EXISTS ${t('profilekit_sessions_agent_search')};
      ${common}
      ${
        trigramSchema === null
          ? '-- pg_trgm is not available: the search scans.'
          : `CREATE INDEX profilekit_sessions_search ON ${t('profilekit_sessions')}
             USING gin (search_text ${trigramSchema}.gin_trgm_ops);`
      }`;
    },
    async backfill(tx, { dialect }) {
      const sessions = dialect.table('profilekit_sessions');
      const rows = await tx.query<{ id: string; ip_address: string | null; user_agent: string | null }>(
        `SELECT id, ip_address, user_agent FROM ${sessions}`,
      );
      for (const row of rows) {
        await tx.run(`UPDATE ${sessions} SET search_text = $2 WHERE id = $1`, [
          row.id,
          searchTextOf({ ipAddress: row.ip_address, userAgent: row.user_agent }),
        ]);
      }
    },
  },
  // 4: the authentication log, append-only (its device columns written out as migration 1's are: a
  // migration is frozen once shipped, never built from constants that may change). A user's page, the
  // admin's by time and by kind (a rare kind walked 12,500 rows a page at 1,000,000 entries without its
  // index: bench/RESULTS.md, section 7), a session's entries and the new-device lookup each read one
  // index; the lookup's holds the kind, so no planner prefers the kind index for it (SQLite did).
  {
    sql: (c) => {
      const { bigint, boolean, text } = c.dialect.types;
      const t = c.dialect.table;
      const log = t('profilekit_activity');
      return `
      CREATE TABLE ${log} (
        id ${idColumn(c)} PRIMARY KEY,
        user_id ${text},
        kind ${text} NOT NULL,
        at ${bigint} NOT NULL,
        session_id ${text},
        user_agent ${text},
        ip_address ${text},
        device_name ${text},
        device_type ${text},
        device_browser ${text},
        device_os ${text},
        city ${text},
        region ${text},
        country ${text},
        device_key ${text},
        method ${text},
        new_device ${boolean} NOT NULL DEFAULT ${c.dialect.name === 'postgres' ? 'false' : '0'},
        identifier ${text},
        reason ${text},
        by_session_id ${text},
        by_user_id ${text}
      );
      CREATE INDEX profilekit_activity_by_user ON ${log} (user_id, at, id);
      CREATE INDEX profilekit_activity_by_at ON ${log} (at, id);
      CREATE INDEX profilekit_activity_by_session ON ${log} (session_id);
      CREATE INDEX profilekit_activity_by_device ON ${log} (user_id, device_key, kind, at);
      CREATE INDEX profilekit_activity_by_kind ON ${log} (kind, at, id);`;
    },
  },
  // 5: the records of hosts that keep their own sessions (express-session's data), under the hash of the
  // host's session id, as a profilekit session's token hash is; housekeeping removes them by expiry.
  {
    sql: (c) => {
      const { bigint, text } = c.dialect.types;
      const t = c.dialect.table;
      return `
      CREATE TABLE ${t('profilekit_host_sessions')} (
        token_hash ${idColumn(c)} PRIMARY KEY,
        data ${text} NOT NULL,
        expires_at ${bigint} NOT NULL
      );
      CREATE INDEX profilekit_host_sessions_by_expiry ON ${t('profilekit_host_sessions')} (expires_at);`;
    },
  },
  // 6: a live session's sign-in lives in its row (seed 000's model: a session is a log entry that has not
  // ended). Signing in then writes one row, not a row and a log entry — the log's row cost a sign-in +43 %
  // on SQLite (bench/RESULTS.md, section 7). The entry's own columns are kept apart from the session's,
  // which later requests update; `sign_in_id` is null when the session's sign-in was not recorded (history
  // off, or rows from before this step, whose sign-ins are in the log). When a row goes, however it goes,
  // a trigger moves its sign-in into the log in the same statement. The admin's feed of sign-ins reads
  // an index of the rows that hold one.
  {
    sql: (c) => {
      const { bigint, boolean, text } = c.dialect.types;
      const t = c.dialect.table;
      const sessions = t('profilekit_sessions');
      const log = t('profilekit_activity');
      const add = (column: string, type: string) => `ALTER TABLE ${sessions} ADD COLUMN ${column} ${type};`;
      const moved = `(id, user_id, kind, at, session_id, user_agent, ip_address, device_name, device_type,
        device_browser, device_os, city, region, country, device_key, method, new_device)`;
      const from = (
        row: string,
      ) => `(${row}.sign_in_id, ${row}.user_id, 'signed-in', ${row}.sign_in_at, ${row}.id,
        ${row}.sign_in_user_agent, ${row}.sign_in_ip_address, ${row}.sign_in_device_name,
        ${row}.sign_in_device_type, ${row}.sign_in_device_browser, ${row}.sign_in_device_os,
        ${row}.sign_in_city, ${row}.sign_in_region, ${row}.sign_in_country, ${row}.sign_in_device_key,
        ${row}.sign_in_method, ${row}.sign_in_new_device)`;
      // No semicolon may end a line inside a trigger: statements are split at one that does. The second
      // trigger keeps "an id the log holds is skipped" true of the ids rows hold: the log's table does not
      // take one while a row holds it.
      const triggers =
        c.dialect.name === 'sqlite'
          ? `CREATE TRIGGER profilekit_sessions_keep_sign_in AFTER DELETE ON ${sessions} WHEN OLD.sign_in_id IS NOT NULL BEGIN INSERT INTO ${log} ${moved} VALUES ${from('OLD')} ON CONFLICT (id) DO NOTHING; END;
      CREATE TRIGGER profilekit_activity_skip_held BEFORE INSERT ON ${log} WHEN EXISTS (SELECT 1 FROM ${sessions} WHERE sign_in_id = NEW.id) BEGIN SELECT RAISE(IGNORE); END;`
          : `CREATE FUNCTION ${t('profilekit_keep_sign_in')}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN INSERT INTO ${log} ${moved} VALUES ${from('OLD')} ON CONFLICT (id) DO NOTHING; RETURN NULL; END $body$;
      CREATE TRIGGER profilekit_sessions_keep_sign_in AFTER DELETE ON ${sessions} FOR EACH ROW WHEN (OLD.sign_in_id IS NOT NULL) EXECUTE FUNCTION ${t('profilekit_keep_sign_in')}();
      CREATE FUNCTION ${t('profilekit_skip_held')}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN IF EXISTS (SELECT 1 FROM ${sessions} WHERE sign_in_id = NEW.id) THEN RETURN NULL; END IF; RETURN NEW; END $body$;
      CREATE TRIGGER profilekit_activity_skip_held BEFORE INSERT ON ${log} FOR EACH ROW EXECUTE FUNCTION ${t('profilekit_skip_held')}();`;
      return `
      ${add('sign_in_id', idColumn(c))}
      ${add('sign_in_at', bigint)}
      ${add('sign_in_user_agent', text)}
      ${add('sign_in_ip_address', text)}
      ${add('sign_in_device_name', text)}
      ${add('sign_in_device_type', text)}
      ${add('sign_in_device_browser', text)}
      ${add('sign_in_device_os', text)}
      ${add('sign_in_city', text)}
      ${add('sign_in_region', text)}
      ${add('sign_in_country', text)}
      ${add('sign_in_device_key', text)}
      ${add('sign_in_method', text)}
      ${add('sign_in_new_device', boolean)}
      CREATE INDEX profilekit_sessions_by_sign_in ON ${sessions} (sign_in_at, sign_in_id) WHERE sign_in_id IS NOT NULL;
      CREATE UNIQUE INDEX profilekit_sessions_sign_in_id ON ${sessions} (sign_in_id) WHERE sign_in_id IS NOT NULL;
      ${triggers}`;
    },
  },
];

/**
 * Brings the schema to the latest version. The common case (already there) is one read and no lock; else
 * one transaction under the database's write lock, which checks again, so the second of two openers
 * finds the work done.
 */
export async function migrate(driver: SqlDriver): Promise<void> {
  const { dialect } = driver;
  const versions = dialect.table('profilekit_schema');
  const latest = MIGRATIONS.length;
  const current = async (db: SqlExecutor) => {
    try {
      const [row] = await db.query<{ version: number | string | null }>(
        `SELECT max(version) AS version FROM ${versions}`,
      );
      return Number(row?.version ?? 0);
    } catch {
      return 0; // No version table yet.
    }
  };
  if (dialect.name === 'sqlite' && (await current(driver)) >= latest) return;
  if (dialect.name === 'postgres') {
    // Reading a table that does not exist would abort a PostgreSQL transaction: look it up first.
    const [found] = await driver.query<{ present: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AS present',
      [versions],
    );
    if (found?.present && (await current(driver)) >= latest) return;
  }
  await driver.transaction(async (tx) => {
    if (dialect.name === 'postgres') await createSchema(tx, dialect);
    await tx.run(
      `CREATE TABLE IF NOT EXISTS ${versions} (version integer PRIMARY KEY, applied_at ${dialect.types.bigint} NOT NULL)`,
    );
    const applied = await current(tx);
    if (applied >= latest) return;
    const context: MigrationContext = {
      dialect,
      trigramSchema: dialect.name === 'postgres' ? await trigramExtension(tx) : null,
    };
    for (let version = applied + 1; version <= latest; version++) {
      const step = MIGRATIONS[version - 1];
      if (!step) break;
      for (const statement of splitStatements(step.sql(context))) await tx.run(statement);
      await step.backfill?.(tx, context);
      await tx.run(`INSERT INTO ${versions} (version, applied_at) VALUES ($1, $2)`, [version, Date.now()]);
    }
  }, 'profilekit_schema');
}

/** The statements of a migration, one at a time (drivers run one statement per call). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement !== '');
}

/** PostgreSQL: the store's schema, created when missing. */
async function createSchema(tx: SqlExecutor, dialect: SqlDialect) {
  const schema = dialect.schema ?? '"public"';
  const name = schema.slice(1, -1);
  const [found] = await tx.query('SELECT 1 AS present FROM pg_namespace WHERE nspname = $1', [name]);
  if (!found) await tx.run(`CREATE SCHEMA ${schema}`);
}

/** PostgreSQL: the quoted schema pg_trgm lives in, creating it when allowed; null when it cannot be had. */
async function trigramExtension(tx: SqlExecutor): Promise<string | null> {
  const find = async () => {
    const [row] = await tx.query<{ nspname: string }>(
      `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       WHERE e.extname = 'pg_trgm'`,
    );
    return row === undefined ? null : `"${row.nspname.replaceAll('"', '""')}"`;
  };
  const installed = await find();
  if (installed !== null) return installed;
  await tx.run('SAVEPOINT profilekit_trgm');
  try {
    await tx.run('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await tx.run('RELEASE SAVEPOINT profilekit_trgm');
  } catch {
    // Not installed on the server, or no right to create it: the search works without the index.
    await tx.run('ROLLBACK TO SAVEPOINT profilekit_trgm');
  }
  return find();
}
