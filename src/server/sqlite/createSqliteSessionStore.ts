import { createSqlSessionStore, type SqlSessionStore } from '../sql/createSqlSessionStore.js';
import { type SqliteDatabase, sqliteDriver } from './sqliteDriver.js';

export type { SqliteDatabase, SqliteStatement } from './sqliteDriver.js';

/**
 * The embedded default: sessions in SQLite through better-sqlite3 (12.x on Node 20). Pass an open
 * database; the store creates and upgrades its own tables (all prefixed `profilekit_`) on first use — two
 * processes opening one fresh file take turns — and never closes the database, which stays the host's.
 *
 * @example
 * const store = createSqliteSessionStore(new Database('app.sqlite'));
 */
export function createSqliteSessionStore(db: SqliteDatabase): SqlSessionStore {
  return createSqlSessionStore(sqliteDriver(db));
}
