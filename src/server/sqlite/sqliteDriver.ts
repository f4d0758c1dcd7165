import type { SqlDialect, SqlDriver, SqlExecutor } from '../sql/sqlDriver.js';
import { StoreUnavailableError } from '../storeErrors.js';

/**
 * The part of a better-sqlite3 `Database` the store uses. Structural, so the store's types do not make a
 * host install `@types/better-sqlite3`, and any compatible driver fits.
 */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
}
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): unknown[];
  /** Whether the statement returns rows (better-sqlite3 sets it). */
  readonly reader?: boolean;
}

// better-sqlite3's codes for a database another connection holds past the busy timeout, or a disk that
// failed: the store is unavailable for now (503), not broken (500).
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|PROTOCOL)/;

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  table: (name) => name,
  types: { bigint: 'INTEGER', boolean: 'INTEGER', text: 'TEXT' },
  inJsonArray: (column, param) => `${column} IN (SELECT value FROM json_each(${param}))`,
  forUpdate: '',
};

/**
 * The parameters as better-sqlite3 binds `@p1`, `@p2`…: by name (its arrays bind only anonymous `?`). SQLite
 * has no booleans: flags are 0 and 1, as the columns keep them.
 */
const bindable = (params: readonly unknown[]) =>
  Object.fromEntries(
    params.map((value, i) => [`p${i + 1}`, typeof value === 'boolean' ? (value ? 1 : 0) : value]),
  );

/** The turn each database is at (see `inTurn`). */
const queues = new WeakMap<SqliteDatabase, Promise<unknown>>();

/**
 * better-sqlite3 as an SqlDriver. better-sqlite3 is synchronous, so a transaction must not let another
 * caller's statements run inside it while it awaits: every statement and transaction takes turns through
 * one queue. `$1` placeholders become named `@p1`.
 */
export function sqliteDriver(db: SqliteDatabase): SqlDriver {
  const statements = new Map<string, SqliteStatement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql.replace(/\$(\d+)/g, '@p$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const guard = <Result>(step: () => Result): Result => {
    try {
      return step();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && UNAVAILABLE.test(code)) {
        throw new StoreUnavailableError('The SQLite database is busy or cannot be written.', {
          cause: error,
        });
      }
      throw error;
    }
  };
  /** One statement, synchronously: its rows, or an empty list for one that returns none. */
  const step = (sql: string, params: readonly unknown[]) =>
    guard(() => {
      const statement = prepare(sql);
      if (statement.reader === false) {
        statement.run(bindable(params));
        return [];
      }
      return statement.all(bindable(params)) as Record<string, unknown>[];
    });
  const direct: SqlExecutor = {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => step(sql, params) as Row[],
    run: async (sql, params = []) => guard(() => prepare(sql).run(bindable(params)).changes),
  };
  // IMMEDIATE takes the write lock at once: another process on the same file waits (busy timeout) rather
  // than both reading and one failing to upgrade its lock.
  const begin = () => guard(() => db.exec('BEGIN IMMEDIATE'));
  const commit = () => guard(() => db.exec('COMMIT'));
  const rollback = () => {
    try {
      db.exec('ROLLBACK');
    } catch {
      // SQLite rolls back by itself after some errors; nothing is left to undo.
    }
  };

  // Statements and transactions in the order they were asked for, one at a time — per database, not per
  // driver: two stores over one connection (a host that creates its store twice, Next.js evaluating a
  // module again) share its one transaction state.
  const inTurn = <Result>(task: () => Promise<Result>): Promise<Result> => {
    const next = (queues.get(db) ?? Promise.resolve()).then(task, task);
    queues.set(
      db,
      next.catch(() => {}),
    );
    return next;
  };

  return {
    dialect: sqliteDialect,
    query: (sql, params) => inTurn(() => direct.query(sql, params)),
    run: (sql, params) => inTurn(() => direct.run(sql, params)),
    transaction: (work) =>
      inTurn(async () => {
        begin();
        try {
          const result = await work(direct);
          commit();
          return result;
        } catch (error) {
          rollback();
          throw error;
        }
      }),
    // Synchronous from BEGIN to COMMIT: one turn of the queue, no promise between the statements.
    batch: (statements) =>
      inTurn(async () => {
        if (statements.length === 1) return statements.map(({ sql, params }) => step(sql, params));
        begin();
        try {
          const rows = statements.map(({ sql, params }) => step(sql, params));
          commit();
          return rows;
        } catch (error) {
          rollback();
          throw error;
        }
      }),
  };
}
