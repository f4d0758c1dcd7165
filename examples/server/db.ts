import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Opens (and creates) the demo's database: a file path, or ':memory:' for tests. */
export function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
