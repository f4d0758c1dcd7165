import { createSqlSessionStore, type SqlSessionStore } from '../sql/createSqlSessionStore.js';
import { postgresDriver } from './postgresDriver.js';
import type { PostgresPool } from './postgresTypes.js';

export interface PostgresSessionStoreOptions {
  /**
   * The PostgreSQL schema the tables live in, created when missing. A plain identifier (letters, digits,
   * `_`, `$`; at most 63 characters), quoted as given, so it is case-sensitive.
   * @default 'public'
   */
  schema?: string;
}

/** A SessionStore over PostgreSQL, plus the way to run its schema setup up front (at boot, say). */
export type PostgresSessionStore = SqlSessionStore;

/**
 * Sessions in PostgreSQL (13 or later; tested on 15) through node-postgres or any pool of the same shape:
 * the same store, statement for statement, as SQLite's. Pass the host's pool: the store never creates nor
 * ends it. The tables (all prefixed `profilekit_`, in `options.schema`) are created and upgraded on first
 * use, once, even when several instances start at the same moment. Several instances may share one
 * database: deletes answer exactly the rows they removed, so counts stay exact under concurrent revokes.
 *
 * The admin search uses a trigram index when the `pg_trgm` extension is installed or can be created
 * (`CREATE EXTENSION pg_trgm` needs the right to create in the database); without it the search still
 * works, and scans.
 *
 * @example
 * import pg from 'pg';
 * const store = createPostgresSessionStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 */
export function createPostgresSessionStore(
  pool: PostgresPool,
  options: PostgresSessionStoreOptions = {},
): PostgresSessionStore {
  return createSqlSessionStore(postgresDriver(pool, options.schema));
}
