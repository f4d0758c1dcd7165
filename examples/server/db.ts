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
-- Admin search: a trigram index over each session's user email, name, IP and user agent, so a substring
-- search reads the index instead of every row. Kept by triggers; users' email and name never change here.
CREATE VIRTUAL TABLE IF NOT EXISTS session_search USING fts5(text, tokenize = 'trigram', content = '', contentless_delete = 1);
CREATE TRIGGER IF NOT EXISTS session_search_insert AFTER INSERT ON sessions BEGIN
  INSERT INTO session_search(rowid, text)
    SELECT new.rowid, concat_ws(' ', u.email, u.name, new.ip_address, new.user_agent) FROM users u WHERE u.id = new.user_id;
END;
CREATE TRIGGER IF NOT EXISTS session_search_delete AFTER DELETE ON sessions BEGIN
  DELETE FROM session_search WHERE rowid = old.rowid;
END;
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
  const hadSearch = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'session_search'")
    .get();
  db.exec(SCHEMA);
  // A data file from before the search index: index the sessions it already holds.
  if (!hadSearch) {
    db.exec(`INSERT INTO session_search(rowid, text)
      SELECT s.rowid, concat_ws(' ', u.email, u.name, s.ip_address, s.user_agent)
      FROM sessions s JOIN users u ON u.id = s.user_id`);
  }
  return db;
}
