/**
 * The PostgreSQL store's schema, by version. A database remembers its version in `profilekit_schema`;
 * the first use of a store applies the steps it has not seen, all in one transaction under an advisory
 * lock, so instances starting together never race and an old database upgrades in place.
 *
 * Times are `bigint` epoch milliseconds, as in the SQLite store. Ids use the "C" collation so keyset
 * paging orders them by code point, as the reference order (`pageQuery.ts`) does, whatever the database's
 * locale.
 */
export interface MigrationContext {
  /** The schema the tables live in, quoted (`"public"`). */
  schema: string;
  /** The schema pg_trgm is installed in, quoted, or null when the extension cannot be had. */
  trigramSchema: string | null;
}

export const POSTGRES_MIGRATIONS: readonly ((context: MigrationContext) => string)[] = [
  // 1: sessions, the password-failure tally, and the admin search indexes.
  ({ schema: s, trigramSchema }) => `
  CREATE TABLE ${s}.profilekit_sessions (
    id text COLLATE "C" PRIMARY KEY,
    user_id text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    token_preview text NOT NULL,
    user_agent text,
    ip_address text,
    device_name text,
    device_type text,
    device_browser text,
    device_os text,
    city text,
    region text,
    country text,
    trusted boolean NOT NULL DEFAULT false,
    application_id text,
    created_at bigint NOT NULL,
    last_active_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    absolute_expires_at bigint NOT NULL,
    authenticated_at bigint NOT NULL
  );
  -- A user's live sessions (the profile page), and each admin sort key with the id as its tie-break.
  CREATE INDEX profilekit_sessions_by_user ON ${s}.profilekit_sessions (user_id, expires_at);
  CREATE INDEX profilekit_sessions_by_last_active ON ${s}.profilekit_sessions (last_active_at, id);
  CREATE INDEX profilekit_sessions_by_created ON ${s}.profilekit_sessions (created_at, id);
  CREATE INDEX profilekit_sessions_by_expires ON ${s}.profilekit_sessions (expires_at, id);
  ${
    trigramSchema === null
      ? '-- pg_trgm is not available: admin search scans with ILIKE.'
      : `-- Admin search: trigram indexes answer ILIKE '%…%' over IP and user agent without reading every row.
  CREATE INDEX profilekit_sessions_ip_search ON ${s}.profilekit_sessions
    USING gin (ip_address ${trigramSchema}.gin_trgm_ops);
  CREATE INDEX profilekit_sessions_agent_search ON ${s}.profilekit_sessions
    USING gin (user_agent ${trigramSchema}.gin_trgm_ops);`
  }
  CREATE TABLE ${s}.profilekit_password_failures (
    key text PRIMARY KEY,
    failures integer NOT NULL,
    window_start bigint NOT NULL
  );
  `,
  // 2: recent attempts per limit key (sliding windows: per session, per account and client), replacing
  // the fixed-window tally per user.
  ({ schema: s }) => `
  DROP TABLE ${s}.profilekit_password_failures;
  CREATE TABLE ${s}.profilekit_attempts (
    key text PRIMARY KEY,
    attempts text NOT NULL,
    keep_until bigint NOT NULL
  );
  CREATE INDEX profilekit_attempts_by_keep_until ON ${s}.profilekit_attempts (keep_until);
  `,
];
