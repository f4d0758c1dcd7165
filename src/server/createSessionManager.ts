import { SESSION_ENDING_KINDS, type SignInFailureReason } from '../contract/activity.js';
import type { SessionEndCause } from '../contract/events.js';
import { startOfServerDay } from '../contract/params.js';
import type { SessionDevice, SessionLocation } from '../contract/wire.js';
import { getClientAddress } from './clientAddress.js';
import { readCookie, serializeCookie } from './cookies.js';
import { createInProcessEventBus, type SessionEventBus, type SessionEventListener } from './events.js';
import {
  DEFAULT_HISTORY_RETENTION_MS,
  deviceKeyOf,
  endedEntry,
  expiredEntries,
  failedSignInEntry,
  notMeEntry,
  sessionEntry,
  signedInEntry,
} from './history/entries.js';
import { createNotMeTokens, DEFAULT_NOT_ME_LINK_LIFETIME_MS } from './history/notMeLink.js';
import { parseDevice } from './parseDevice.js';
import { headersOnly, type IncomingRequest } from './requestFacts.js';
import { hashesMatch, hashSessionToken, isWellFormedToken, newSessionId, newSessionToken } from './tokens.js';
import type {
  ActivityQuery,
  SessionCounts,
  SessionStore,
  SessionsPage,
  SessionsPageQuery,
  StoredActivity,
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

/** A sign-in from a device the user had not signed in from within the log's retention window. */
export interface NewDeviceAlert {
  userId: string;
  /** The new session as stored, without its token hash (nothing a mailer needs, nothing to leak). */
  session: Omit<StoredSession, 'tokenHash' | 'tokenPreview'>;
  /**
   * Opens without a sign-in, ends this session once and lands on `notMe.landingUrl` (null when the
   * manager has no `notMe` options). Put it in the mail; never log it.
   */
  notMeUrl: string | null;
}

/** The "this wasn't me" link a new-device alert carries. */
export interface NotMeLinkOptions {
  /** At least 32 characters, kept secret (an environment variable): it signs the links. */
  secret: string;
  /** Where the handler's `GET /sessions/not-me` is reached from a mail, absolute: 'https://app.example.com/api/sessions/not-me'. */
  url: string;
  /** The host page the link lands on, with `?result=reported|already-reported|expired|invalid`. */
  landingUrl: string;
  /** @default 7 days */
  lifetimeMs?: number;
}

/** The authentication log (docs/server.md, "History"). */
export interface HistoryOptions {
  /** How long entries are kept; housekeeping (`pruneExpired`) removes older ones. @default 90 days */
  retentionMs?: number;
  /** "The same device" also means the same country (from `resolveLocation`). @default false */
  newDeviceByCountry?: boolean;
  /**
   * Told of a sign-in from a new device, after the sign-in answered (a slow mailer never slows it). Not
   * called for a user's first sign-in within the window (a new account, or history just switched on).
   */
  onNewDevice?: (alert: NewDeviceAlert) => void | Promise<void>;
  notMe?: NotMeLinkOptions;
  /** Told when `onNewDevice` throws or rejects. @default console.error */
  onError?: (error: unknown) => void;
}

/** How long a not-me link works under these history options. */
const notMeLifetime = (history: HistoryOptions | null) =>
  history?.notMe?.lifetimeMs ?? DEFAULT_NOT_ME_LINK_LIFETIME_MS;

/** What opening a not-me link came to. */
export type NotMeResult = 'reported' | 'already-reported' | 'expired' | 'invalid';

/** A log entry as the manager answers it: a sign-in also says whether its session is still active. */
export interface ActivityRecord extends StoredActivity {
  /** For `signed-in` entries: active, or when and how it ended; null for other kinds. */
  session: { active: boolean; endedAt: number | null; endedBy: StoredActivity['kind'] | null } | null;
}

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
  const history = options.history === false ? null : (options.history ?? {});
  const retentionMs = history?.retentionMs ?? DEFAULT_HISTORY_RETENTION_MS;
  // The log must outlive a not-me link (redeeming one reads the sign-in's entry) and a session.
  const shortestRetentionMs = Math.max(notMeLifetime(history), absoluteLifetimeMs);
  if (!Number.isSafeInteger(retentionMs) || retentionMs < shortestRetentionMs) {
    throw new TypeError(
      `createSessionManager: history.retentionMs must be a whole number of ms, at least ${shortestRetentionMs} (the not-me link's and a session's lifetime).`,
    );
  }
  const notMe = history?.notMe;
  const notMeTokens = notMe ? createNotMeTokens(notMe.secret) : null;
  if (notMe) {
    for (const name of ['url', 'landingUrl'] as const) {
      if (!/^https?:\/\/[^/]/i.test(String(notMe[name]))) {
        throw new TypeError(
          `createSessionManager: history.notMe.${name} must be an absolute http(s) URL (a mail's link has no page to be relative to).`,
        );
      }
    }
  }
  const reportHistoryError =
    history?.onError ?? ((error: unknown) => console.error('profilekit: onNewDevice failed', error));
  /** Appends to the log when history is on; answers how many entries were new. */
  const record = async (entries: readonly StoredActivity[]) => (history ? store.appendActivity(entries) : 0);
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
    const token = readCookie(request, cookieName);
    if (!token || !isWellFormedToken(token)) return null;
    const tokenHash = await hashSessionToken(token);
    const session = await store.findByTokenHash(tokenHash);
    return session && hashesMatch(session.tokenHash, tokenHash) && session.expiresAt > now() ? session : null;
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

  /**
   * The sign-in's entry (null with history off), marked as from a new device when this user has no
   * sign-in from it within the retention window but has others in it (a first sign-in alerts nobody).
   */
  async function signInEntry(session: StoredSession, method: string) {
    if (!history) return null;
    const deviceKey = deviceKeyOf(session.device, session.location, history.newDeviceByCountry ?? false);
    const since = session.createdAt - retentionMs;
    const newDevice =
      deviceKey !== null &&
      !(await store.hasSignedInFrom(session.userId, deviceKey, { since, exceptSessionId: session.id })) &&
      (await store.listActivity({ userId: session.userId, kinds: ['signed-in'], from: since, limit: 1 }))
        .length > 0;
    return signedInEntry(session, { method, newDevice, deviceKey });
  }

  async function alertNewDevice(session: StoredSession) {
    try {
      const notMeUrl =
        notMe && notMeTokens
          ? `${notMe.url}${notMe.url.includes('?') ? '&' : '?'}token=${encodeURIComponent(
              await notMeTokens.sign(
                session.id,
                now() + (notMe.lifetimeMs ?? DEFAULT_NOT_ME_LINK_LIFETIME_MS),
              ),
            )}`
          : null;
      const { tokenHash: _hash, tokenPreview: _preview, ...described } = session;
      await history?.onNewDevice?.({ userId: session.userId, session: described, notMeUrl });
    } catch (error) {
      reportHistoryError(error);
    }
  }

  /** How each `signed-in` record's session stands: its first ending entry, else its row. */
  async function withSessionState(entries: StoredActivity[]): Promise<ActivityRecord[]> {
    const signIns = entries.filter((e) => e.kind === 'signed-in' && e.sessionId !== null);
    const sessionIds = [...new Set(signIns.map((e) => e.sessionId as string))];
    const endings = new Map<string, StoredActivity>();
    if (sessionIds.length > 0) {
      // A session ends once and may be reported once more: two entries each at most.
      const found = await store.listActivity({
        sessionIds,
        kinds: SESSION_ENDING_KINDS,
        limit: sessionIds.length * 2,
      });
      for (const entry of found.reverse())
        if (!endings.has(entry.sessionId as string)) endings.set(entry.sessionId as string, entry);
    }
    const at = now();
    const states = new Map<string, ActivityRecord['session']>();
    for (const sessionId of sessionIds) {
      const ending = endings.get(sessionId);
      if (ending) {
        states.set(sessionId, { active: false, endedAt: ending.at, endedBy: ending.kind });
        continue;
      }
      const row = await store.findById(sessionId);
      if (row && row.expiresAt > at) states.set(sessionId, { active: true, endedAt: null, endedBy: null });
      else
        states.set(sessionId, {
          active: false,
          endedAt: row?.expiresAt ?? null,
          endedBy: row ? 'expired' : null,
        });
    }
    return entries.map((entry) => ({
      ...entry,
      session:
        entry.kind === 'signed-in' && entry.sessionId !== null ? (states.get(entry.sessionId) ?? null) : null,
    }));
  }

  const manager: SessionManager = {
    async signIn(params) {
      const request = headersOnly(params.request);
      // The browser is about to replace its cookie: the session it presented would live on, unreachable,
      // until it expired. End it now.
      const replaced = await presentedSession(request);
      if (replaced) {
        const gone = await store.deleteSession(replaced.id, { now: now() });
        if (gone) await ended([gone], { cause: 'signed-out', bySessionId: gone.id });
      }
      if (whenFull === 'refuse') {
        const live = await store.listUserSessions(params.userId, { now: now() });
        if (live.length >= maxSessionsPerUser) {
          await record([
            failedSignInEntry({
              userId: params.userId,
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
      const token = newSessionToken();
      const absoluteExpiresAt = at + absoluteLifetimeMs;
      const session: StoredSession = {
        id: newSessionId(),
        userId: params.userId,
        tokenHash: await hashSessionToken(token),
        tokenPreview: token.slice(0, 8),
        ...(await describeRequest(request)),
        trusted: params.trusted ?? false,
        applicationId: params.applicationId ?? null,
        createdAt: at,
        lastActiveAt: at,
        expiresAt: expiryAt(at, absoluteExpiresAt),
        absoluteExpiresAt,
        authenticatedAt: at,
      };
      const signIn = await signInEntry(session, params.method ?? 'password');
      await store.createSession(session, signIn ? [signIn] : []);
      const newDevice = signIn?.newDevice ?? false;
      await events.publish({ type: 'session.started', userId: session.userId, sessionId: session.id, at });
      await enforceLimit(session.userId, session.id);
      if (newDevice) void alertNewDevice(session);
      const setCookie = serializeCookie(cookieName, token, {
        ...cookieAttributes,
        maxAge: absoluteLifetimeMs / 1000,
      });
      return { session, setCookie };
    },

    async authenticate(incoming) {
      const request = headersOnly(incoming);
      const session = await presentedSession(request);
      if (!session) return null;
      const at = now();
      if (at - session.lastActiveAt >= activityWindowMs) {
        const activity = {
          lastActiveAt: at,
          expiresAt: expiryAt(at, session.absoluteExpiresAt),
          ...(await describeRequest(request, session)),
        };
        await store.recordActivity(session.id, activity);
        Object.assign(session, activity);
      }
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
      const session = history ? await store.findById(sessionId) : null;
      if (session) await record([sessionEntry('reauthenticated', session, at)]);
    },
    async pruneExpired(olderThanMs = 30 * DAY_MS) {
      const at = now();
      const removed = await store.deleteExpired(at - olderThanMs, history ? expiredEntries : undefined);
      if (history) await store.pruneActivity(at - retentionMs);
      return removed;
    },

    async recordFailedSignIn({ identifier, userId = null, reason, request }) {
      if (!history) return;
      const described = await describeRequest(headersOnly(request));
      await record([failedSignInEntry({ userId, identifier, reason, at: now(), described })]);
    },
    async recordConfirmationFailure(session) {
      await record([sessionEntry('confirmation-failed', session, now())]);
    },
    async listActivity(query) {
      return history ? withSessionState(await store.listActivity(query)) : [];
    },
    async reportNotMe({ userId, sessionId, bySessionId = null }) {
      if (!history) return 'unknown';
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
      if (!notMeTokens) return 'invalid';
      const read = await notMeTokens.read(token, now());
      if (!read.ok) return read.reason;
      const [signIn] = await store.listActivity({
        sessionIds: [read.sessionId],
        kinds: ['signed-in'],
        limit: 1,
      });
      if (!signIn?.userId) return 'invalid';
      const reported = await manager.reportNotMe({ userId: signIn.userId, sessionId: read.sessionId });
      return reported === 'unknown' ? 'invalid' : reported;
    },
    notMeLandingUrl(result) {
      if (!notMe) return null;
      return `${notMe.landingUrl}${notMe.landingUrl.includes('?') ? '&' : '?'}result=${result}`;
    },
    async countSignInsByDay(days) {
      const at = now();
      // Local midnights, counted back by the calendar (a day with a daylight-saving change is 23 or 25 h).
      const starts: number[] = [];
      for (let back = days - 1; back >= 0; back -= 1) {
        const day = new Date(startOfServerDay(at));
        day.setDate(day.getDate() - back);
        starts.push(day.getTime());
      }
      const counts = history
        ? await store.countActivity({ kinds: ['signed-in', 'sign-in-failed'], starts, end: at + 1 })
        : {};
      return starts.map((start, i) => ({
        start,
        signedIn: counts['signed-in']?.[i] ?? 0,
        failedSignIns: counts['sign-in-failed']?.[i] ?? 0,
      }));
    },
    keepsHistory: history !== null,
    historyRetentionMs: history ? retentionMs : 0,

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
