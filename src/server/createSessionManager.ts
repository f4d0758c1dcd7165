import { startOfServerDay } from '../contract/params.js';
import type { SessionLocation } from '../contract/wire.js';
import { getClientAddress } from './clientAddress.js';
import { readCookie, serializeCookie } from './cookies.js';
import { createInProcessEventBus } from './events.js';
import { createActivityLog } from './history/createActivityLog.js';
import {
  endedEntry,
  expiredEntries,
  failedSignInEntry,
  notMeEntry,
  sessionEntry,
} from './history/entries.js';
import { liveSessionOf } from './liveSession.js';
import { parseDevice } from './parseDevice.js';
import { headersOnly } from './requestFacts.js';
import type { EndedBy, SessionManager, SessionManagerOptions } from './sessionManagerTypes.js';
import {
  hashSessionToken,
  isWellFormedToken,
  MAX_HOST_SESSION_ID_LENGTH,
  newSessionId,
  newSessionToken,
} from './tokens.js';
import type { StoredSession } from './types.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// A default high enough for anyone's devices, low enough that one user's list stays a page (a script
// signing in a thousand times no longer makes a thousand rows).
const DEFAULT_MAX_SESSIONS_PER_USER = 50;

export type {
  ActivityRecord,
  AdminPageQuery,
  AuthenticatedRequest,
  EndedBy,
  HistoryOptions,
  HostSessionParams,
  NewDeviceAlert,
  NotMeLinkOptions,
  NotMeResult,
  SessionCookieOptions,
  SessionManager,
  SessionManagerOptions,
  SignInParams,
  SignInResult,
} from './sessionManagerTypes.js';

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
