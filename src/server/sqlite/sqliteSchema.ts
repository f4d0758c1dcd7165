/**
 * The SQLite store's schema, by version. A database remembers its version in `profilekit_schema`; opening
 * a store applies the steps it has not seen, in one transaction each, so an old file upgrades in place.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: sessions, the password-failure tally, and the admin search index.
  `
  CREATE TABLE profilekit_sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_preview TEXT NOT NULL,
    user_agent TEXT,
    ip_address TEXT,
    device_name TEXT,
    device_type TEXT,
    device_browser TEXT,
    device_os TEXT,
    city TEXT,
    region TEXT,
    country TEXT,
    trusted INTEGER NOT NULL DEFAULT 0,
    application_id TEXT,
    created_at INTEGER NOT NULL,
    last_active_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    absolute_expires_at INTEGER NOT NULL,
    authenticated_at INTEGER NOT NULL
  );
  -- A user's live sessions (the profile page), and each admin sort key with the id as its tie-break.
  CREATE INDEX profilekit_sessions_by_user ON profilekit_sessions(user_id, expires_at);
  CREATE INDEX profilekit_sessions_by_last_active ON profilekit_sessions(last_active_at, id);
  CREATE INDEX profilekit_sessions_by_created ON profilekit_sessions(created_at, id);
  CREATE INDEX profilekit_sessions_by_expires ON profilekit_sessions(expires_at, id);
  -- Admin search: a trigram index over IP and user agent, so a substring search reads the index instead
  -- of every row. One column each, so a phrase never matches across the two. Contentless (the text is in
  -- the table already), kept by triggers.
  CREATE VIRTUAL TABLE profilekit_session_search USING fts5(
    ip, agent, tokenize = 'trigram', content = '', contentless_delete = 1
  );
  CREATE TRIGGER profilekit_session_search_insert AFTER INSERT ON profilekit_sessions BEGIN
    INSERT INTO profilekit_session_search(rowid, ip, agent) VALUES (new.rowid, new.ip_address, new.user_agent);
  END;
  CREATE TRIGGER profilekit_session_search_update AFTER UPDATE OF ip_address, user_agent ON profilekit_sessions BEGIN
    DELETE FROM profilekit_session_search WHERE rowid = old.rowid;
    INSERT INTO profilekit_session_search(rowid, ip, agent) VALUES (new.rowid, new.ip_address, new.user_agent);
  END;
  CREATE TRIGGER profilekit_session_search_delete AFTER DELETE ON profilekit_sessions BEGIN
    DELETE FROM profilekit_session_search WHERE rowid = old.rowid;
  END;
  CREATE TABLE profilekit_password_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL
  );
  `,
  // 2: recent attempts per limit key (sliding windows: per session, per account and client), replacing
  // the fixed-window tally per user.
  `
  DROP TABLE profilekit_password_failures;
  CREATE TABLE profilekit_attempts (
    key TEXT PRIMARY KEY,
    attempts TEXT NOT NULL,
    keep_until INTEGER NOT NULL
  );
  CREATE INDEX profilekit_attempts_by_keep_until ON profilekit_attempts(keep_until);
  `,
];
