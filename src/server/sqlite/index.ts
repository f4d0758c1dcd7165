// The public surface of `profilekit/server/sqlite`: the embedded default store over better-sqlite3.

export type { SqliteDatabase, SqliteStatement } from './createSqliteSessionStore.js';
export { createSqliteSessionStore } from './createSqliteSessionStore.js';
