/**
 * The server half's data model and the one interface every store implements (SQLite, PostgreSQL, memory).
 * No React, no HTTP: the manager and the handler sit on top of this.
 */
import type { ActivityKind, SignInFailureReason } from '../contract/activity.js';
import type { SessionDevice, SessionLocation } from '../contract/wire.js';

/** One session as a store keeps it. Times are epoch milliseconds. The token itself is never stored. */
export interface StoredSession {
  /** Opaque id the client revokes by (`ses_…`); not the token and not derived from it. */
  id: string;
  userId: string;
  /** SHA-256 of the cookie's token, hex. */
  tokenHash: string;
  /** The first 8 characters of the token, for an admin to tell sessions apart. */
  tokenPreview: string;
  userAgent: string | null;
  ipAddress: string | null;
  device: SessionDevice | null;
  location: SessionLocation | null;
  trusted: boolean;
  applicationId: string | null;
  createdAt: number;
  lastActiveAt: number;
  /** When the session ends: the earlier of its absolute lifetime and its idle timeout, slid on activity. */
  expiresAt: number;
  /** Never slid: the latest `expiresAt` may become. */
  absoluteExpiresAt: number;
  /** The last time this session proved the password (sign-in or re-authentication). */
  authenticatedAt: number;
}

/** What a store writes when a session's activity is recorded (at most once per activity window). */
export interface SessionActivity {
  lastActiveAt: number;
  expiresAt: number;
  ipAddress: string | null;
  userAgent: string | null;
  device: SessionDevice | null;
  location: SessionLocation | null;
}

export type AdminSortKey = 'lastActiveAt' | 'createdAt' | 'expiresAt';

/** The last row of the previous page: keyset paging stays as fast on page 1,000 as on page 1. */
export interface SessionsPageCursor {
  value: number;
  id: string;
}

export interface SessionsPageQuery {
  now: number;
  status: 'active' | 'expired';
  /** Substring of the IP or user agent, case-insensitive, `%` and `_` literal. */
  search?: string;
  /** Users whose own fields (email, name) matched the search, found by the host: also a match. */
  searchUserIds?: readonly string[];
  userId?: string;
  applicationId?: string;
  sort: AdminSortKey;
  direction: 'asc' | 'desc';
  limit: number;
  after?: SessionsPageCursor;
}

export interface SessionsPage {
  sessions: StoredSession[];
  /** Every match, not only this page. */
  total: number;
}

export interface SessionCounts {
  totalActive: number;
  uniqueUsers: number;
  expired: number;
  startedToday: number;
}

/**
 * One entry of the authentication log as a store keeps it: append-only, never updated, removed only by
 * retention. No token and no token hash, ever. Times are epoch milliseconds.
 */
export interface StoredActivity {
  /** Unique; an id derived from what it records (`exp_<session id>`) makes a second write of it a no-op. */
  id: string;
  /** Null for a failed sign-in whose identifier no account has. */
  userId: string | null;
  kind: ActivityKind;
  at: number;
  sessionId: string | null;
  userAgent: string | null;
  ipAddress: string | null;
  device: SessionDevice | null;
  location: SessionLocation | null;
  /** What the new-device rule compares (`deviceKeyOf` in src/server/history/entries.ts); null when the device is unknown. */
  deviceKey: string | null;
  method: string | null;
  /** A `signed-in` entry's: from a new device, as the store decided it (`SessionStore.createSession`). */
  newDevice: boolean;
  identifier: string | null;
  reason: SignInFailureReason | null;
  bySessionId: string | null;
  byUserId: string | null;
}

/** The last entry of the previous page (newest first): its time and id. */
export interface ActivityCursor {
  at: number;
  id: string;
}

export interface ActivityQuery {
  userId?: string;
  kinds?: readonly ActivityKind[];
  /** Entries about these sessions only. */
  sessionIds?: readonly string[];
  /** At or after. */
  from?: number;
  /** Before. */
  to?: number;
  limit: number;
  after?: ActivityCursor;
}

/**
 * What a limit decides from a key's recent attempts (epoch ms, oldest first): the attempts to keep (an
 * empty list forgets the key) and an answer for the caller. A pure function: a store may run it again if
 * it has to retry its transaction.
 */
export type AttemptsUpdate<Result> = (attempts: readonly number[]) => {
  attempts: readonly number[];
  result: Result;
};

/**
 * A session record a host's own session system keeps (express-session's or @fastify/session's data),
 * stored under the hash of its id: that id is the cookie's bearer secret, so it is never stored itself.
 */
export interface HostSessionRecord {
  /** The host's session data, serialized (JSON). */
  data: string;
  /** When the host's session expires (its cookie's expiry). */
  expiresAt: number;
}

/**
 * Where sessions live. Every method is async so a networked database fits unchanged. A store never
 * decides policy (expiry, throttling, who may do what): the manager and the handler do, and pass `now`.
 *
 * "Live" below means `expiresAt > now`. Deletes touch live sessions only and answer what they removed,
 * so a count is exact even when two requests race.
 */
export interface SessionStore {
  /**
   * Stores a new session, and with it `entries` for the log (its sign-in), in one step: both or neither,
   * one commit. An entry whose id the log holds already is skipped, as by `appendActivity`.
   *
   * With `newDeviceSince`, the store also decides whether the sign-in is from a new device, in that same
   * step, and stores the answer as the `newDevice` of the session's `signed-in` entry among `entries`
   * (whatever it held). The rule, the one place it is written: the sign-in is from a new device when its
   * entry has a device key, and the user has a `signed-in` entry at or after `newDeviceSince` other than
   * this session's, and none of those has this device key. A null device key is never new (an unknown
   * device has nothing to compare), nor is a user's first sign-in within the window. Answers the decision:
   * `newDevice` is true only when the stored entry says so (false without `newDeviceSince`, and when the
   * entry was skipped).
   */
  createSession(
    session: StoredSession,
    entries?: readonly StoredActivity[],
    options?: { newDeviceSince?: number },
  ): Promise<{ newDevice: boolean }>;
  findByTokenHash(tokenHash: string): Promise<StoredSession | null>;
  findById(id: string): Promise<StoredSession | null>;
  /**
   * The stored sessions of these ids (live or expired), in any order, each once however often its id is
   * asked; an id no session has is left out. Optional: without it the manager asks `findById` once per id
   * (the activity page's session states), all at once.
   */
  findByIds?(ids: readonly string[]): Promise<StoredSession[]>;
  recordActivity(id: string, activity: SessionActivity): Promise<void>;
  markAuthenticated(id: string, at: number): Promise<void>;
  /** A user's live sessions, most recently active first. */
  listUserSessions(
    userId: string,
    options: { now: number; applicationId?: string },
  ): Promise<StoredSession[]>;
  /** Ends one live session (of this user, when given). Answers the session it ended, or null. */
  deleteSession(id: string, options: { now: number; userId?: string }): Promise<StoredSession | null>;
  /** Ends a user's live sessions but `exceptId`, optionally of one application. Answers what it ended. */
  deleteUserSessions(
    userId: string,
    options: { now: number; exceptId?: string; applicationId?: string },
  ): Promise<StoredSession[]>;
  /**
   * Removes sessions that expired before `before` (housekeeping; the admin's "expired" view reads them),
   * host session records that expired before then, and attempt lists kept until before then, appending what `record` makes of the removed sessions to the
   * log in the same step (so a removed session's `expired` entry is never lost, nor written twice). Answers
   * how many sessions it removed.
   */
  deleteExpired(
    before: number,
    record?: (removed: readonly StoredSession[]) => readonly StoredActivity[],
  ): Promise<number>;
  listSessionsPage(query: SessionsPageQuery): Promise<SessionsPage>;
  /**
   * Appends entries to the log, all or none. An entry whose id the log holds already is skipped (not an
   * error): two instances recording one event under one derived id record it once. Answers how many
   * were new.
   */
  appendActivity(entries: readonly StoredActivity[]): Promise<number>;
  /** Entries matching every filter given, newest first (`at`, then `id`, descending), after the cursor. */
  listActivity(query: ActivityQuery): Promise<StoredActivity[]>;
  /**
   * How many entries of each kind fall in each bucket: bucket i runs from `starts[i]` to `starts[i + 1]`
   * (the last one to `end`). Answers one count per kind per bucket, zeros included.
   */
  countActivity(query: {
    kinds: readonly ActivityKind[];
    starts: readonly number[];
    end: number;
  }): Promise<Record<string, number[]>>;
  /**
   * Removes log entries older than `before` (retention), but a session's `signed-in` entry while the session
   * is stored: "is it still active?" keeps its answer for a session that outlives the retention (a host's
   * long-lived session). Answers how many it removed.
   */
  pruneActivity(before: number): Promise<number>;
  countSessions(options: { now: number; startOfDay: number }): Promise<SessionCounts>;
  /**
   * The host's session record under this hash (expired or not), with the profilekit session of the same
   * token hash (null when there is none: the session is anonymous, or it was ended). One read. Optional:
   * only hosts that keep their own sessions (createHostSessions) need the four host-session methods.
   */
  readHostSession?(
    tokenHash: string,
  ): Promise<(HostSessionRecord & { session: StoredSession | null }) | null>;
  /** Creates or replaces the host's session record under this hash. */
  writeHostSession?(tokenHash: string, record: HostSessionRecord): Promise<void>;
  /** Moves a host session record's expiry (its data unchanged); nothing when there is none. */
  touchHostSession?(tokenHash: string, expiresAt: number): Promise<void>;
  /** Removes the host's session record under this hash, if any. */
  deleteHostSession?(tokenHash: string): Promise<void>;
  /**
   * Reads `key`'s recent attempts, runs `update`, and writes what it answers, atomically: two updates of
   * one key (on any instance) never both read the same list. The limits in src/server/limits decide
   * policy; the store only keeps the list, until `keepUntil` (housekeeping may drop it after that).
   */
  updateAttempts<Result>(
    key: string,
    update: AttemptsUpdate<Result>,
    options: { keepUntil: number },
  ): Promise<Result>;
}
