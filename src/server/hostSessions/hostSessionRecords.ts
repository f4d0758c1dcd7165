import type { SessionManager } from '../createSessionManager.js';
import { liveSessionOf } from '../liveSession.js';
import type { NodeRequestLike } from '../requestFacts.js';
import { hashSessionToken, MAX_HOST_SESSION_ID_LENGTH } from '../tokens.js';
import type { SessionStore, StoredSession } from '../types.js';

/** A host's session data as its session system hands it to a store (express-session's `req.session`). */
export type HostSessionData = Record<string, unknown>;

/** Which user a host session belongs to, from its data; null or undefined for an anonymous session. */
export type HostUserOf = (data: HostSessionData) => string | number | null | undefined;

/**
 * Passport's serialized user: `{ passport: { user } }` as passport keeps it in express-session,
 * `{ passport: user }` as @fastify/passport does.
 */
export const passportUserOf: HostUserOf = (data) => {
  const passport = data.passport;
  if (passport !== null && typeof passport === 'object') {
    return (passport as { user?: string | number | null }).user;
  }
  return passport as string | number | null | undefined;
};

/** The user id a session's data names, as the contract's user ids are: text, or null. */
function userIdOf(userOf: HostUserOf, data: HostSessionData): string | null {
  const user = userOf(data);
  if (user === null || user === undefined || user === '') return null;
  if (typeof user === 'string') return user;
  if (typeof user === 'number' && Number.isFinite(user)) return String(user);
  throw new TypeError(
    'createHostSessions: the session names its user as neither text nor a number (Passport serializes ' +
      'a whole object?). Serialize the user id, or pass `userOf` to read it from the session data.',
  );
}

/** Express-session's and @fastify/session's cookie expiry, as epoch milliseconds; null for none. */
function cookieExpiryOf(data: HostSessionData): number | null {
  const cookie = data.cookie as { expires?: unknown } | undefined;
  const expires = cookie?.expires;
  if (expires instanceof Date || typeof expires === 'string' || typeof expires === 'number') {
    const at = new Date(expires).getTime();
    return Number.isFinite(at) ? at : null;
  }
  return null;
}

/**
 * What stands in for a host session that ended — profilekit ended it, or the host destroyed it — until its
 * record expires. A host never reuses a session id (express-session's and @fastify/session's are new at
 * every sign-in), so a save under an ended id can only come from a request that loaded the session before
 * its end; it must not start the session again.
 */
const ENDED = '{"profilekit":"ended"}';

/** A session's data but its cookie, to tell a change of the data from a rolled cookie. */
const withoutCookie = ({ cookie: _cookie, ...rest }: HostSessionData) => JSON.stringify(rest);

/**
 * What a host's session store does, whatever the framework: host session data kept by the hash of the
 * host's session id, and a profilekit session row — listed, ended, recorded in the log — for each one
 * that names a user. A session profilekit ended (signed out from another device, by an admin, by the
 * cap, "not me") reads as none from then on, and is never written back by a request still in flight.
 */
export function createHostSessionRecords(params: {
  manager: SessionManager;
  store: SessionStore;
  userOf: HostUserOf;
  /** A session whose cookie has no expiry (a browser-session cookie) is kept this long after each use. */
  lifetimeMs: number;
}) {
  const { manager, store, userOf, lifetimeMs } = params;
  const { readHostSession, writeHostSession, touchHostSession, deleteHostSession } = store;
  if (!readHostSession || !writeHostSession || !touchHostSession || !deleteHostSession)
    throw new TypeError(
      'createHostSessions: this store cannot keep host sessions (it has no readHostSession, ' +
        'writeHostSession, touchHostSession and deleteHostSession). The memory, SQLite and PostgreSQL ' +
        'stores can.',
    );
  const read = readHostSession.bind(store);
  const live = (session: StoredSession | null) =>
    session !== null && session.expiresAt > manager.now() ? session : null;
  const parse = (data: string): HostSessionData | null => {
    try {
      const parsed: unknown = JSON.parse(data);
      return parsed !== null && typeof parsed === 'object' ? (parsed as HostSessionData) : null;
    } catch {
      return null;
    }
  };
  const isSessionId = (id: string) => id.length > 0 && id.length <= MAX_HOST_SESSION_ID_LENGTH;
  const hashOf = (id: string) => (isSessionId(id) ? hashSessionToken(id) : null);
  const expiryOf = (data: HostSessionData) => cookieExpiryOf(data) ?? manager.now() + lifetimeMs;
  const markEnded = (tokenHash: string, expiresAt: number) =>
    writeHostSession.call(store, tokenHash, { data: ENDED, expiresAt });
  const endedBySelf = (session: StoredSession) =>
    manager.endSession(session.id, { cause: 'signed-out', bySessionId: session.id });

  /**
   * The live profilekit session of a host session id, or null (anonymous, ended, unknown): the row under
   * its hash, whether the host keeps data with it (express-session) or not (Auth.js).
   */
  const sessionOf = async (id: string): Promise<StoredSession | null> =>
    isSessionId(id) ? liveSessionOf(store, id, manager.now()) : null;

  /** The host signed the session out: its row ends (`signed-out`). Answers the session it ended, if any. */
  const end = async (id: string): Promise<StoredSession | null> => {
    const session = await sessionOf(id);
    return session && (await endedBySelf(session)) ? session : null;
  };

  return {
    /** The session's data, or null: unknown, expired, or ended. */
    async get(id: string): Promise<HostSessionData | null> {
      const tokenHash = await hashOf(id);
      if (!tokenHash) return null;
      const record = await read(tokenHash);
      if (!record || record.data === ENDED) return null;
      const data = parse(record.data);
      if (data === null) {
        await deleteHostSession.call(store, tokenHash);
        return null;
      }
      const signedIn = userIdOf(userOf, data) !== null;
      if (record.expiresAt <= manager.now() || (signedIn && !live(record.session))) {
        // Ended by profilekit (another device, an admin, the cap, "not me") or expired.
        await (signedIn ? markEnded(tokenHash, record.expiresAt) : deleteHostSession.call(store, tokenHash));
        return null;
      }
      return data;
    },

    /** Stores the session's data: a sign-in starts its row, a sign-out (no user any more) ends it. */
    async set(id: string, data: HostSessionData, request: NodeRequestLike | null): Promise<void> {
      const tokenHash = await hashOf(id);
      if (!tokenHash) throw new TypeError('createHostSessions: a session id must be 1 to 512 characters.');
      const userId = userIdOf(userOf, data);
      const expiresAt = expiryOf(data);
      const record = await read(tokenHash);
      if (record?.data === ENDED) return;
      const before = record ? parse(record.data) : null;
      let session = live(record?.session ?? null);
      if (record && before !== null && userIdOf(userOf, before) !== null && !session) {
        // Signed in before, and its row is gone: ended while this request ran. It stays ended.
        await markEnded(tokenHash, record.expiresAt);
        return;
      }
      if (session && session.userId !== userId) {
        await endedBySelf(session);
        session = null;
      }
      if (session) await manager.touchHostSession(session, { request, expiresAt });
      else if (userId !== null) {
        try {
          await manager.startHostSession({ token: id, userId, request, expiresAt });
        } catch (error) {
          // Two saves of one new session at once: the other one started it.
          if (!(await sessionOf(id))) throw error;
        }
      }
      // @fastify/session saves every request (`rolling`): a save that changed only its cookie's expiry,
      // by less than the activity window, is a touch, not a write.
      const unchanged =
        record !== null &&
        before !== null &&
        withoutCookie(before) === withoutCookie(data) &&
        Math.abs(expiresAt - record.expiresAt) < manager.activityWindowMs;
      if (!unchanged)
        await writeHostSession.call(store, tokenHash, { data: JSON.stringify(data), expiresAt });
    },

    /** The session was used without a change: its activity and expiry. */
    async touch(id: string, data: HostSessionData, request: NodeRequestLike | null): Promise<void> {
      const tokenHash = await hashOf(id);
      if (!tokenHash) return;
      const record = await read(tokenHash);
      if (!record || record.data === ENDED) return;
      const expiresAt = expiryOf(data);
      const session = live(record.session);
      if (session) await manager.touchHostSession(session, { request, expiresAt });
      if (Math.abs(expiresAt - record.expiresAt) >= manager.activityWindowMs)
        await touchHostSession.call(store, tokenHash, expiresAt);
    },

    sessionOf,

    /** The host ended the session (sign-out, a new id at sign-in): its row ends too. */
    async destroy(id: string): Promise<void> {
      const tokenHash = await hashOf(id);
      if (!tokenHash) return;
      await end(id);
      const record = await read(tokenHash);
      if (record && record.data !== ENDED) await markEnded(tokenHash, record.expiresAt);
    },

    end,
  };
}

export type HostSessionRecords = ReturnType<typeof createHostSessionRecords>;
