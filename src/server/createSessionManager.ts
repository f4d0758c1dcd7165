import type { SignInFailureReason } from '../contract/activity.js';
import type { SessionEndCause } from '../contract/events.js';
import { startOfServerDay } from '../contract/params.js';
import type { SessionDevice, SessionLocation } from '../contract/wire.js';
import { getClientAddress } from './clientAddress.js';
import { readCookie, serializeCookie } from './cookies.js';
import { createInProcessEventBus, type SessionEventBus, type SessionEventListener } from './events.js';
import {
  type ActivityRecord,
  createActivityLog,
  type HistoryOptions,
  type NotMeResult,
} from './history/createActivityLog.js';
import {
  endedEntry,
  expiredEntries,
  failedSignInEntry,
  notMeEntry,
  sessionEntry,
} from './history/entries.js';
import { liveSessionOf } from './liveSession.js';
import { parseDevice } from './parseDevice.js';
import { headersOnly, type IncomingRequest } from './requestFacts.js';
import {
  hashSessionToken,
  isWellFormedToken,
  MAX_HOST_SESSION_ID_LENGTH,
  newSessionId,
  newSessionToken,
} from './tokens.js';
import type {
  ActivityQuery,
  SessionCounts,
  SessionStore,
  SessionsPage,
  SessionsPageQuery,
  StoredSession,
} from './types.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// A default high enough for anyone's devices, low enough that one user's list stays a page (a script
// signing in a thousand times no longer makes a thousand rows).
const DEFAULT_MAX_SESSIONS_PER_USER = 50;

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

/** A sign-in refused because the user has `maxSessionsPerUser` live sessions (`whenFull: 'refuse'`). */
export class SessionLimitError extends Error {
  override readonly name = 'SessionLimitError';
  constructor(readonly maxSessionsPerUser: number) {
    super(`This account has ${maxSessionsPerUser} signed-in devices, the most allowed. Sign one out first.`);
  }
}

/**
 * Sessions as rows, tokens as secrets: what a host's sign-in calls and its request middleware asks.
 *
 * @example
 * const manager = createSessionManager({ store: createSqliteSessionStore(db), cookie: { secure: false } });
 * const { setCookie } = await manager.signIn({ userId: user.id, request });
 * const auth = await manager.authenticate(request); // { session, userId } | null
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const store = options.store;
  const now = options.now ?? Date.now;
  const cookieName = options.cookie?.name ?? 'pk_session';
  const absoluteLifetimeMs = options.absoluteLifetimeMs ?? 30 * DAY_MS;
  const idleTimeoutMs = options.idleTimeoutMs ?? 14 * DAY_MS;
  const activityWindowMs = options.activityWindowMs ?? MINUTE_MS;
  const clientIp = options.clientIp ?? getClientAddress;
  const toDevice = options.parseDevice ?? parseDevice;
  const events = options.events ?? createInProcessEventBus();
  const maxSessionsPerUser = options.maxSessionsPerUser ?? DEFAULT_MAX_SESSIONS_PER_USER;
  if (!Number.isInteger(maxSessionsPerUser) || maxSessionsPerUser < 1)
    throw new TypeError('createSessionManager: maxSessionsPerUser must be a whole number of at least 1.');
  const whenFull = options.whenFull ?? 'end-oldest';
  const hostSessions = options.hostSessions ?? null;
  const log = createActivityLog({ store, history: options.history, absoluteLifetimeMs, now });
  const record = log.record;
  const cookieAttributes = {
    path: options.cookie?.path ?? '/',
    domain: options.cookie?.domain,
    httpOnly: true,
    secure: options.cookie?.secure ?? true,
    sameSite: options.cookie?.sameSite ?? 'Lax',
  } as const;

  const expiryAt = (at: number, absoluteExpiresAt: number) => Math.min(absoluteExpiresAt, at + idleTimeoutMs);

  /**
   * Who a request comes from, for a session's row. What the request does not say (an in-process call with
   * no user agent, no recorded address) keeps what `previous` knew: an activity write never replaces a
   * recorded value with an unknown one.
   */
  const describeRequest = async (request: Request, previous?: StoredSession) => {
    const userAgent = request.headers.get('user-agent')?.slice(0, 512) || previous?.userAgent || null;
    const ipAddress = clientIp(request) || previous?.ipAddress || null;
    const device =
      userAgent === previous?.userAgent ? previous.device : (toDevice(userAgent) ?? previous?.device ?? null);
    let location: SessionLocation | null = ipAddress === previous?.ipAddress ? previous.location : null;
    if (ipAddress && ipAddress !== previous?.ipAddress && options.resolveLocation) {
      try {
        location = await options.resolveLocation(ipAddress);
      } catch {
        // A geo-IP lookup that fails leaves the place out; it never fails a sign-in or a request.
      }
    }
    return { ipAddress, userAgent, device, location };
  };

  /** The live session the request's cookie carries, without recording activity. */
  const presentedSession = async (request: Request) => {
    const token = hostSessions ? hostSessions.tokenOf(request) : readCookie(request, cookieName);
    if (!token || !(hostSessions ? token.length <= MAX_HOST_SESSION_ID_LENGTH : isWellFormedToken(token)))
      return null;
    return liveSessionOf(store, token, now());
  };

  async function ended(sessions: StoredSession[], by: EndedBy) {
    const at = now();
    await record(sessions.map((session) => endedEntry(session, at, by)));
    return publishEnded(sessions, by, at);
  }

  async function publishEnded(sessions: StoredSession[], by: EndedBy, at: number) {
    for (const session of sessions) {
      await events.publish({
        type: 'session.ended',
        userId: session.userId,
        sessionId: session.id,
        at,
        cause: by.cause,
        bySessionId: by.bySessionId ?? null,
      });
    }
    return sessions.length;
  }

  /** Keeps a user within `maxSessionsPerUser` after a sign-in, ending the least recently active. */
  async function enforceLimit(userId: string, newSessionId: string) {
    const live = await store.listUserSessions(userId, { now: now() });
    // Most recently active first: the ones past the limit are the least recently active.
    const extra = live.filter((s) => s.id !== newSessionId).slice(maxSessionsPerUser - 1);
    for (const session of extra) {
      const gone = await store.deleteSession(session.id, { now: now(), userId });
      if (gone) await ended([gone], { cause: 'session-limit', bySessionId: newSessionId });
    }
  }

  /** What a sign-in and a host's new session share: the cap, the row with its log entry, the event, the alert. */
  async function begin(params: {
    userId: string;
    request: Request;
    token: string;
    method: string;
    trusted: boolean;
    applicationId: string | null;
    expiresAt: number;
    absoluteExpiresAt: number;
  }) {
    const { userId, request } = params;
    if (whenFull === 'refuse') {
      const live = await store.listUserSessions(userId, { now: now() });
      if (live.length >= maxSessionsPerUser) {
        await record([
          failedSignInEntry({
            userId,
            identifier: null,
            reason: 'session-limit',
            at: now(),
            described: await describeRequest(request),
          }),
        ]);
        throw new SessionLimitError(maxSessionsPerUser);
      }
    }
    const at = now();
    const tokenHash = await hashSessionToken(params.token);
    const session: StoredSession = {
      id: newSessionId(),
      userId,
      tokenHash,
      // The admin's hint of a session: a host's session id is its cookie's whole secret, so not its start.
      tokenPreview: hostSessions ? tokenHash.slice(0, 8) : params.token.slice(0, 8),
      ...(await describeRequest(request)),
      trusted: params.trusted,
      applicationId: params.applicationId,
      createdAt: at,
      lastActiveAt: at,
      expiresAt: params.expiresAt,
      absoluteExpiresAt: params.absoluteExpiresAt,
      authenticatedAt: at,
    };
    const newDevice = await log.storeSignIn(session, params.method);
    await events.publish({ type: 'session.started', userId, sessionId: session.id, at });
    await enforceLimit(userId, session.id);
    if (newDevice) void log.alertNewDevice(session);
    return session;
  }

  /**
   * Last activity, address and device at most once per `activityWindowMs`, with the expiry; an expiry
   * moved by more than that window (a host's session system changed it) is written at once.
   */
  async function touch(session: StoredSession, request: Request, expiresAt: number) {
    const at = now();
    const due = at - session.lastActiveAt >= activityWindowMs;
    if (!due && Math.abs(expiresAt - session.expiresAt) < activityWindowMs) return;
    const { lastActiveAt, ipAddress, userAgent, device, location } = session;
    const activity = due
      ? { lastActiveAt: at, expiresAt, ...(await describeRequest(request, session)) }
      : { lastActiveAt, expiresAt, ipAddress, userAgent, device, location };
    await store.recordActivity(session.id, activity);
    Object.assign(session, activity);
  }

  const NO_REQUEST = () => new Request('http://localhost/');

  const manager: SessionManager = {
    async signIn(params) {
      if (hostSessions)
        throw new TypeError(
          "signIn: this manager's sessions are kept by the host's session system (hostSessions); it starts them.",
        );
      const request = headersOnly(params.request);
      // The browser is about to replace its cookie: the session it presented would live on, unreachable,
      // until it expired. End it now.
      const replaced = await presentedSession(request);
      if (replaced) {
        const gone = await store.deleteSession(replaced.id, { now: now() });
        if (gone) await ended([gone], { cause: 'signed-out', bySessionId: gone.id });
      }
      const token = newSessionToken();
      const absoluteExpiresAt = now() + absoluteLifetimeMs;
      const session = await begin({
        userId: params.userId,
        request,
        token,
        method: params.method ?? 'password',
        trusted: params.trusted ?? false,
        applicationId: params.applicationId ?? null,
        expiresAt: expiryAt(now(), absoluteExpiresAt),
        absoluteExpiresAt,
      });
      const setCookie = serializeCookie(cookieName, token, {
        ...cookieAttributes,
        maxAge: absoluteLifetimeMs / 1000,
      });
      return { session, setCookie };
    },

    startHostSession: (params) =>
      begin({
        userId: params.userId,
        request: params.request ? headersOnly(params.request) : NO_REQUEST(),
        token: params.token,
        method: params.method ?? 'password',
        trusted: false,
        applicationId: null,
        expiresAt: params.expiresAt,
        // The host's session system decides when its sessions end; the row follows its expiry.
        absoluteExpiresAt: params.expiresAt,
      }),

    touchHostSession: (session, { request, expiresAt }) =>
      touch(session, request ? headersOnly(request) : NO_REQUEST(), expiresAt),

    keptByHost: hostSessions !== null,
    activityWindowMs,

    async authenticate(incoming) {
      const request = headersOnly(incoming);
      const session = await presentedSession(request);
      if (!session) return null;
      // A host's session system decides its sessions' expiry; profilekit's slide with their use.
      await touch(
        session,
        request,
        hostSessions ? session.expiresAt : expiryAt(now(), session.absoluteExpiresAt),
      );
      return { session, userId: session.userId };
    },

    async signOut(request) {
      const auth = await manager.authenticate(request);
      const session = auth ? await store.deleteSession(auth.session.id, { now: now() }) : null;
      if (session) await ended([session], { cause: 'signed-out', bySessionId: session.id });
      return { ended: session !== null, setCookie: manager.clearCookie() };
    },

    clearCookie: () => serializeCookie(cookieName, '', { ...cookieAttributes, maxAge: 0 }),
    cookie: { name: cookieName, secure: cookieAttributes.secure },

    listSessions: (userId, filter = {}) => store.listUserSessions(userId, { now: now(), ...filter }),
    getSession: (sessionId) => store.findById(sessionId),
    listAllSessions: (query) => store.listSessionsPage({ ...query, now: now() }),
    countSessions() {
      const at = now();
      return store.countSessions({ now: at, startOfDay: startOfServerDay(at) });
    },

    async revokeSession({ userId, sessionId, cause = 'host', bySessionId, byUserId }) {
      const session = await store.deleteSession(sessionId, { now: now(), userId });
      if (session) await ended([session], { cause, bySessionId, byUserId });
      return session !== null;
    },
    async revokeOtherSessions({ userId, exceptSessionId, applicationId, cause = 'host', bySessionId }) {
      const sessions = await store.deleteUserSessions(userId, {
        now: now(),
        exceptId: exceptSessionId,
        applicationId,
      });
      return ended(sessions, { cause, bySessionId: bySessionId ?? exceptSessionId });
    },
    async revokeAllSessions({ userId, applicationId, cause = 'host', bySessionId, byUserId }) {
      const sessions = await store.deleteUserSessions(userId, { now: now(), applicationId });
      return ended(sessions, { cause, bySessionId, byUserId });
    },
    async endSession(sessionId, by: EndedBy = { cause: 'admin' }) {
      const session = await store.deleteSession(sessionId, { now: now() });
      if (session) await ended([session], by);
      return session !== null;
    },
    async markAuthenticated(sessionId) {
      const at = now();
      await store.markAuthenticated(sessionId, at);
      const session = log.keepsHistory ? await store.findById(sessionId) : null;
      if (session) await record([sessionEntry('reauthenticated', session, at)]);
    },
    async pruneExpired(olderThanMs = 30 * DAY_MS) {
      const at = now();
      const removed = await store.deleteExpired(
        at - olderThanMs,
        log.keepsHistory ? expiredEntries : undefined,
      );
      await log.prune(at);
      return removed;
    },

    async recordFailedSignIn({ identifier, userId = null, reason, request }) {
      if (!log.keepsHistory) return;
      const described = await describeRequest(headersOnly(request));
      await record([failedSignInEntry({ userId, identifier, reason, at: now(), described })]);
    },
    async recordConfirmationFailure(session) {
      await record([sessionEntry('confirmation-failed', session, now())]);
    },
    async listActivity(query) {
      return log.list(query);
    },
    async reportNotMe({ userId, sessionId, bySessionId = null }) {
      if (!log.keepsHistory) return 'unknown';
      const at = now();
      const session = await store.findById(sessionId);
      if (session && session.userId !== userId) return 'unknown';
      const [signIn] = session
        ? []
        : await store.listActivity({ userId, sessionIds: [sessionId], kinds: ['signed-in'], limit: 1 });
      const described = session ?? signIn;
      if (!described) return 'unknown';
      // The report before the end: its id is one per session, so of two reports (two clicks, two
      // instances) exactly one is written and goes on to end the session.
      const added = await record([notMeEntry({ ...described, userId, sessionId }, at, bySessionId)]);
      // Ended either way: a report whose delete failed (the store went away) is finished by the next one.
      const gone = await store.deleteSession(sessionId, { now: at, userId });
      // Its end is the report itself: no second entry, only the events.
      if (gone) await publishEnded([gone], { cause: 'not-me', bySessionId }, at);
      return added === 0 ? 'already-reported' : 'reported';
    },
    async redeemNotMeToken(token) {
      const read = await log.readNotMeToken(token);
      if (!read.ok) return read.reason;
      const reported = await manager.reportNotMe(read);
      return reported === 'unknown' ? 'invalid' : reported;
    },
    notMeLandingUrl: log.notMeLandingUrl,
    countSignInsByDay: log.countSignInsByDay,
    keepsHistory: log.keepsHistory,
    historyRetentionMs: log.retentionMs,

    subscribe: (listener) => events.subscribe(listener),
    eventsReady: async () => {
      await events.ready?.();
    },
    updateAttempts: store.updateAttempts.bind(store),
    now,
    clientAddress: (request) => clientIp(headersOnly(request)) ?? null,
  };
  return manager;
}
