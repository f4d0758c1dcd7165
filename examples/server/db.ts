import Database from 'better-sqlite3';

export type Db = Database.Database;

// Indexes match the queries: a user's live sessions, and the admin console's keyset pages by each sort key.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT,
  role TEXT NOT NULL DEFAULT 'user',
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  token_preview TEXT NOT NULL,
  user_agent TEXT,
  ip_address TEXT,
  city TEXT,
  region TEXT,
  country TEXT,
  trusted INTEGER NOT NULL DEFAULT 0,
  application_id TEXT,
  created_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  fresh_until INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(user_id, expires_at);
CREATE INDEX IF NOT EXISTS sessions_by_last_active ON sessions(last_active_at, id);
CREATE INDEX IF NOT EXISTS sessions_by_created ON sessions(created_at, id);
CREATE INDEX IF NOT EXISTS sessions_by_expires ON sessions(expires_at, id);
CREATE TABLE IF NOT EXISTS password_failures (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  failures INTEGER NOT NULL,
  window_start INTEGER NOT NULL
);
`;

/** Opens (and creates) the database: a file path, or ':memory:' for tests. */
export function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}
