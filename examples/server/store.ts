import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: 'user' | 'admin';
  password_hash: string;
  created_at: number;
}

export interface SessionRow {
  id: string;
  user_id: string;
  token_preview: string;
  user_agent: string | null;
  ip_address: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  trusted: number;
  application_id: string | null;
  created_at: number;
  last_active_at: number;
  expires_at: number;
  fresh_until: number;
}

export interface NewSession {
  userId: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  location?: { city?: string; region?: string; country?: string } | null;
  trusted?: boolean;
  applicationId?: string | null;
  createdAt: number;
  lastActiveAt?: number;
  expiresAt: number;
  freshUntil: number;
}

/** The cookie carries the token; the database keeps only its SHA-256, so a leaked table signs nobody in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Data access for users and sessions, with every statement prepared once. */
export function createStore(db: Db) {
  const s = {
    userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
    userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
    insertUser: db.prepare(
      'INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (@id, @email, @name, @role, @password_hash, @created_at)',
    ),
    insertSession:
      db.prepare(`INSERT INTO sessions (id, user_id, token_hash, token_preview, user_agent, ip_address,
      city, region, country, trusted, application_id, created_at, last_active_at, expires_at, fresh_until)
      VALUES (@id, @user_id, @token_hash, @token_preview, @user_agent, @ip_address, @city, @region, @country,
      @trusted, @application_id, @created_at, @last_active_at, @expires_at, @fresh_until)`),
    sessionByToken: db.prepare<[string, number], SessionRow>(
      'SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?',
    ),
    touch: db.prepare('UPDATE sessions SET last_active_at = ?, ip_address = ?, user_agent = ? WHERE id = ?'),
    markFresh: db.prepare('UPDATE sessions SET fresh_until = ? WHERE id = ?'),
    liveSessionsOf: db.prepare<[string, number], SessionRow>(
      'SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_active_at DESC',
    ),
    deleteOne: db.prepare('DELETE FROM sessions WHERE id = ? AND user_id = ? AND expires_at > ?'),
    deleteOthers: db.prepare(
      'DELETE FROM sessions WHERE user_id = @user AND id != @keep AND expires_at > @now AND (@app IS NULL OR application_id = @app)',
    ),
    deleteAll: db.prepare(
      'DELETE FROM sessions WHERE user_id = @user AND expires_at > @now AND (@app IS NULL OR application_id = @app)',
    ),
    failures: db.prepare<[string], { failures: number; window_start: number }>(
      'SELECT failures, window_start FROM password_failures WHERE user_id = ?',
    ),
    setFailures: db.prepare(
      'INSERT INTO password_failures (user_id, failures, window_start) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start',
    ),
    clearFailures: db.prepare('DELETE FROM password_failures WHERE user_id = ?'),
  };

  return {
    userByEmail: (email: string) => s.userByEmail.get(email),
    userById: (id: string) => s.userById.get(id),
    createUser(user: Omit<UserRow, 'id'> & { id?: string }): string {
      const id = user.id ?? `usr_${randomHex(8)}`;
      s.insertUser.run({ ...user, id });
      return id;
    },
    /** Starts a session; returns its public id and the secret token for the cookie. */
    createSession(session: NewSession): { id: string; token: string } {
      const token = randomHex(32);
      const id = `ses_${randomHex(12)}`;
      s.insertSession.run({
        id,
        user_id: session.userId,
        token_hash: hashToken(token),
        token_preview: token.slice(0, 8),
        user_agent: session.userAgent ?? null,
        ip_address: session.ipAddress ?? null,
        city: session.location?.city ?? null,
        region: session.location?.region ?? null,
        country: session.location?.country ?? null,
        trusted: session.trusted ? 1 : 0,
        application_id: session.applicationId ?? null,
        created_at: session.createdAt,
        last_active_at: session.lastActiveAt ?? session.createdAt,
        expires_at: session.expiresAt,
        fresh_until: session.freshUntil,
      });
      return { id, token };
    },
    sessionByToken: (token: string, now: number) => s.sessionByToken.get(hashToken(token), now),
    touch: (id: string, now: number, ip: string | null, userAgent: string | null) =>
      s.touch.run(now, ip, userAgent, id),
    markFresh: (id: string, until: number) => s.markFresh.run(until, id),
    liveSessionsOf: (userId: string, now: number) => s.liveSessionsOf.all(userId, now),
    revokeOne: (id: string, userId: string, now: number) => s.deleteOne.run(id, userId, now).changes,
    revokeOthers: (userId: string, keep: string, now: number, app: string | null) =>
      s.deleteOthers.run({ user: userId, keep, now, app }).changes,
    revokeAll: (userId: string, now: number, app: string | null) =>
      s.deleteAll.run({ user: userId, now, app }).changes,
    failures: (userId: string) => s.failures.get(userId),
    setFailures: (userId: string, failures: number, windowStart: number) =>
      s.setFailures.run(userId, failures, windowStart),
    clearFailures: (userId: string) => s.clearFailures.run(userId),
  };
}

export type Store = ReturnType<typeof createStore>;
