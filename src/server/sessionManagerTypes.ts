// The session manager's surface: its options, what its calls take and answer, and the manager itself as
// an interface. createSessionManager.ts builds it; hosts and the handler read these.
import type { SignInFailureReason } from '../contract/activity.js';
import type { SessionEndCause } from '../contract/events.js';
import type { SessionDevice, SessionLocation } from '../contract/wire.js';
import type { SessionEventBus, SessionEventListener } from './events.js';
import type { ActivityRecord, HistoryOptions, NotMeResult } from './history/createActivityLog.js';
import type { IncomingRequest } from './requestFacts.js';
import type {
  ActivityQuery,
  SessionCounts,
  SessionStore,
  SessionsPage,
  SessionsPageQuery,
  StoredSession,
} from './types.js';

export interface SessionCookieOptions {
  /** @default 'pk_session' */
  name?: string;
  /** Send the cookie over HTTPS only. Turn off only for plain-HTTP localhost development. @default true */
  secure?: boolean;
  /** @default '/' */
  path?: string;
  domain?: string;
  /** @default 'Lax' */
  sameSite?: 'Lax' | 'Strict';
}

export type {
  ActivityRecord,
  HistoryOptions,
  NewDeviceAlert,
  NotMeLinkOptions,
  NotMeResult,
} from './history/createActivityLog.js';

export interface SessionManagerOptions {
  store: SessionStore;
  /** The authentication log; `false` records nothing. @default on, entries kept 90 days */
  history?: HistoryOptions | false;
  cookie?: SessionCookieOptions;
  /** How long a session lives at most, whatever its activity. @default 30 days */
  absoluteLifetimeMs?: number;
  /** A session unused this long ends. @default 14 days */
  idleTimeoutMs?: number;
  /**
   * Last activity, IP and user agent are written at most once per this window: a write per request
   * would turn every read into a database write. @default 1 minute
   */
  activityWindowMs?: number;
  /**
   * The most live sessions one user may have. A sign-in past it ends the user's least recently active
   * session (`whenFull: 'end-oldest'`, its device told `session-limit`) or is refused with a
   * SessionLimitError (`'refuse'`). `maxSessionsPerUser: 1` is "one device at a time".
   * @default 50
   */
  maxSessionsPerUser?: number;
  /** @default 'end-oldest' */
  whenFull?: 'end-oldest' | 'refuse';
  /** Where a request comes from. @default the peer address the Node adapter recorded, else null */
  clientIp?: (request: Request) => string | null | undefined;
  /** A place for an IP (an offline geo-IP database; see the README). @default none */
  resolveLocation?: (ip: string) => SessionLocation | null | Promise<SessionLocation | null>;
  /** @default Bowser's parse of the user agent */
  parseDevice?: (userAgent: string | null) => SessionDevice | null;
  /** Carries session events to the live stream. @default in this process only */
  events?: SessionEventBus;
  /** @default Date.now */
  now?: () => number;
  /**
   * The host's own session system keeps the sessions (express-session, @fastify/session, Auth.js): it
   * starts them (through `startHostSession`), decides their expiry and owns their cookie; profilekit lists
   * them, records their activity and history, and ends them. `tokenOf` reads the host's session id — the
   * bearer secret, stored only as a hash — that a request carries. `createHostSessions` sets this, and
   * `tokenOf` knows only the requests its contract adapters made: the host's own routes ask its session
   * middleware (Passport's `req.user`), not `authenticate` or `signOut`.
   * @default none: profilekit's own cookie and `signIn`
   */
  hostSessions?: { tokenOf: (request: Request) => string | null | undefined };
}

/** A session the host's own session system started (see `SessionManagerOptions.hostSessions`). */
export interface HostSessionParams {
  /** The host's session id: the bearer secret its cookie carries. Stored only as a hash. */
  token: string;
  userId: string;
  /** The request that started it (its user agent and address describe the session), when there is one. */
  request: IncomingRequest | null;
  /** When the host's session expires (its cookie's expiry). */
  expiresAt: number;
  /** @default 'password' */
  method?: string;
}

export interface SignInParams {
  userId: string;
  /**
   * The sign-in request — a Fetch `Request` or a Node/Express request: its user agent and address describe
   * the new session, and the session its cookie still carries ends. Its body is never read.
   */
  request: IncomingRequest;
  /** "Remember this device": shown as a trusted badge. @default false */
  trusted?: boolean;
  /** How the user proved who they are, as the log records it ('password', 'passkey', 'oauth:github'). @default 'password' */
  method?: string;
  applicationId?: string | null;
}

export interface SignInResult {
  session: StoredSession;
  /** The `Set-Cookie` header value carrying the new token. */
  setCookie: string;
}

export interface AuthenticatedRequest {
  session: StoredSession;
  userId: string;
}

/** Who ended a session and why, for the events and the ended device. */
export interface EndedBy {
  cause: SessionEndCause;
  /** The session whose request ended it; null (the default) when an admin, the host or time did. */
  bySessionId?: string | null;
  /** The admin who ended it, for the log. */
  byUserId?: string | null;
}

/** The admin's page query: the store's, without the clock (the manager adds it). */
export type AdminPageQuery = Omit<SessionsPageQuery, 'now'>;

/**
 * Sessions as rows, tokens as secrets: what a host's sign-in calls, its middleware asks, and the contract
 * handler serves. Every request it takes may be a Fetch `Request` or a Node request (headers only).
 */
export interface SessionManager {
  /** Starts a session: a new 256-bit token every time (never reused across sign-ins). */
  signIn(params: SignInParams): Promise<SignInResult>;
  /**
   * Starts the row of a session the host's session system began (`hostSessions`): recorded in the log,
   * announced, and counted against `maxSessionsPerUser`, as a sign-in is.
   */
  startHostSession(params: HostSessionParams): Promise<StoredSession>;
  /**
   * A host session was used: its last activity, address and device (at most once per `activityWindowMs`)
   * and its expiry, which the host's session system decides.
   */
  touchHostSession(
    session: StoredSession,
    params: { request: IncomingRequest | null; expiresAt: number },
  ): Promise<void>;
  /** Whether the host's session system keeps the sessions and their cookie (`hostSessions`). */
  readonly keptByHost: boolean;
  /** Activity is written at most once per this window (`activityWindowMs`). */
  readonly activityWindowMs: number;
  /**
   * The session a request's cookie carries, or null: none, unknown, ended, expired (absolutely or idle).
   * Records activity at most once per `activityWindowMs`.
   */
  authenticate(request: IncomingRequest): Promise<AuthenticatedRequest | null>;
  /** Ends the request's own session. Answers the `Set-Cookie` value that clears the cookie. */
  signOut(request: IncomingRequest): Promise<{ ended: boolean; setCookie: string }>;
  /** A `Set-Cookie` value that removes the session cookie from the browser. */
  clearCookie(): string;
  /** The session cookie's name and whether it is Secure (the CSRF cookie follows it). */
  readonly cookie: { readonly name: string; readonly secure: boolean };
  /** A user's live sessions, most recently active first. */
  listSessions(userId: string, filter?: { applicationId?: string }): Promise<StoredSession[]>;
  /** Any user's session by id, ended by expiry or not; null when unknown (or removed). */
  getSession(sessionId: string): Promise<StoredSession | null>;
  /** Every user's sessions, a keyset page at a time (the admin console). */
  listAllSessions(query: AdminPageQuery): Promise<SessionsPage>;
  /** Counts for the admin console; "started today" from the server's local midnight. */
  countSessions(): Promise<SessionCounts>;
  /** Ends one of a user's sessions; false when it is unknown, ended or someone else's. */
  revokeSession(params: { userId: string; sessionId: string } & Partial<EndedBy>): Promise<boolean>;
  /** Ends every session of a user but `exceptSessionId` (e.g. after a password change). Answers how many. */
  revokeOtherSessions(
    params: { userId: string; exceptSessionId: string; applicationId?: string } & Partial<EndedBy>,
  ): Promise<number>;
  /** Ends every session of a user (e.g. an account locked). Answers how many. */
  revokeAllSessions(params: { userId: string; applicationId?: string } & Partial<EndedBy>): Promise<number>;
  /** Ends any user's session by id (admins). */
  endSession(sessionId: string, by?: EndedBy): Promise<boolean>;
  /** Records that the session proved the password again (re-authentication). */
  markAuthenticated(sessionId: string): Promise<void>;
  /**
   * Housekeeping, say daily: removes sessions expired more than `olderThanMs` ago (recording each one's
   * expiry in the log) and log entries older than the history's retention. @default 30 days
   */
  pruneExpired(olderThanMs?: number): Promise<number>;
  /**
   * A refused sign-in, for the log: the identifier tried, the account when one has it (so its owner sees
   * the attempt), why. `createPasswordSignIn` records its own; call this from a sign-in of yours.
   */
  recordFailedSignIn(params: {
    identifier: string | null;
    userId?: string | null;
    reason: SignInFailureReason;
    request: IncomingRequest;
  }): Promise<void>;
  /** A wrong password where a session had to confirm one, for the log. */
  recordConfirmationFailure(session: StoredSession): Promise<void>;
  /** The log, newest first, a keyset page at a time; sign-ins say whether their session is still active. */
  listActivity(query: ActivityQuery): Promise<ActivityRecord[]>;
  /**
   * The user reports one of their sessions as not theirs: it ends (its device told `not-me`) and the log
   * says so, once. `unknown` for a session the user never had (or the log no longer remembers).
   */
  reportNotMe(params: {
    userId: string;
    sessionId: string;
    bySessionId?: string | null;
  }): Promise<'reported' | 'already-reported' | 'unknown'>;
  /** Opens a not-me link's token: ends its session once and records it. */
  redeemNotMeToken(token: string): Promise<NotMeResult>;
  /** Where a not-me link lands, for `result`; null without `history.notMe`. */
  notMeLandingUrl(result: NotMeResult): string | null;
  /**
   * Sign-ins and failed sign-ins per day for the last `days` days (the server's calendar, today last): the
   * admin console's chart.
   */
  countSignInsByDay(days: number): Promise<Array<{ start: number; signedIn: number; failedSignIns: number }>>;
  /** Whether the manager keeps the authentication log (`history` not `false`). */
  readonly keepsHistory: boolean;
  /** How long the log keeps entries (0 when history is off). */
  readonly historyRetentionMs: number;
  /** Listens to session events (started, ended) wherever the event bus carries them. */
  subscribe(listener: SessionEventListener): () => void;
  /** Resolves once events published anywhere reach this process (over PostgreSQL, once LISTEN is on). */
  eventsReady(): Promise<void>;
  /** A key's recent attempts, for the limits (the handler's confirmations, a host's sign-in form). */
  updateAttempts: SessionStore['updateAttempts'];
  /** The manager's clock. */
  now(): number;
  /** Where a request comes from, as the manager records it in a session (its `clientIp`). */
  clientAddress(request: IncomingRequest): string | null;
}
