/**
 * What the one SQL store (createSqlSessionStore) needs of a database: statements with positional
 * parameters (`$1`, `$2`, … in both engines), a transaction that holds the write lock, and the few words
 * the two dialects spell differently. The SQLite and PostgreSQL drivers are this interface over
 * better-sqlite3 and node-postgres; a driver for another engine is a third.
 */
export interface SqlExecutor {
  /** Runs one statement, answering its rows (an empty list for a statement that returns none). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs one statement, answering how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** One statement and its parameters (`$1`, `$2`, … its own). */
export interface SqlStatement {
  sql: string;
  params: readonly unknown[];
  /**
   * A statement run often, always with this text: the driver may keep it prepared, so it is not parsed
   * and planned on every run (PostgreSQL: a named prepared statement on each connection; SQLite keeps
   * every statement prepared anyway).
   */
  prepare?: boolean;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: SqlDialect;
  /**
   * Runs `statements` in order, all or none, answering each one's rows (an empty list for one that returns
   * none). No code of the caller's runs between them, so a driver runs them in one step: SQLite
   * synchronously, in one turn of its queue and one write-locked transaction; PostgreSQL one statement as
   * it is (it is atomic alone), several in a transaction on one connection.
   */
  batch(statements: readonly SqlStatement[]): Promise<Record<string, unknown>[][]>;
  /**
   * Runs `work` in one transaction that first takes the database's write lock (SQLite: BEGIN IMMEDIATE;
   * PostgreSQL: a transaction-scoped advisory lock named `lock`, when given), so two processes or two
   * instances doing the same work take turns. Rolled back when `work` throws.
   */
  transaction<Result>(work: (tx: SqlExecutor) => Promise<Result>, lock?: string): Promise<Result>;
}

/** The words the engines spell differently, and nothing else. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** PostgreSQL: the quoted schema the tables live in. */
  readonly schema?: string;
  /** A table's name as a statement writes it (PostgreSQL qualifies it with the store's schema). */
  table(name: string): string;
  /** Column types: epoch-millisecond integers, flags, text. */
  readonly types: { readonly bigint: string; readonly boolean: string; readonly text: string };
  /** `column IN` the values of a JSON array text parameter. */
  inJsonArray(column: string, param: string): string;
  /** Locks the selected rows until the transaction ends (PostgreSQL); SQLite's write lock already does. */
  readonly forUpdate: string;
}
