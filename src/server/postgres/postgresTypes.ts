/**
 * The part of node-postgres the PostgreSQL store and event bus use. Structural, so the kit's types do not
 * make a host install `@types/pg`: a `pg.Pool` (and its `PoolClient`) fits as it is, and so does any driver
 * with the same shape.
 */

/** What a query answers. node-postgres returns `bigint` (int8) columns as strings; the store converts. */
export interface PostgresQueryResult {
  rows: unknown[];
  rowCount: number | null;
}

/** Anything that runs a parameterized query (`$1`, `$2`, …): a pool or one of its clients. */
export interface PostgresQueryable {
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
}

/** A connection checked out of a pool; `release(true)` (or an error) closes it instead of returning it. */
export interface PostgresPoolClient extends PostgresQueryable {
  release(destroy?: boolean | Error): void;
}

/** A connection pool such as `pg.Pool`. Always the host's: the kit never creates nor ends it. */
export interface PostgresPool extends PostgresQueryable {
  connect(): Promise<PostgresPoolClient>;
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
  /**
   * A named prepared statement, as node-postgres runs one: parsed on a connection the first time, then
   * only bound and run there. The store names its sign-in's statement; a pool whose connections lose
   * prepared statements (PgBouncer in transaction mode) is noticed, and then sent none.
   */
  query(config: { name: string; text: string }, values?: unknown[]): Promise<PostgresQueryResult>;
}

/** A `NOTIFY` as node-postgres delivers it. */
export interface PostgresNotification {
  channel: string;
  payload?: string | undefined;
}

/**
 * The connection the event bus LISTENs on: a pool's client (released with `release(true)` when done) or a
 * dedicated `pg.Client` (ended with `end()`).
 */
export interface PostgresListenClient extends PostgresQueryable {
  on(event: 'notification', listener: (message: PostgresNotification) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  release?(destroy?: boolean | Error): void;
  end?(): Promise<void>;
}

/** A pool whose clients can LISTEN (a `pg.Pool` is one). */
export interface PostgresListenPool extends PostgresQueryable {
  connect(): Promise<PostgresListenClient>;
}
