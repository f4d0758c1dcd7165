import { readCookie } from '../cookies.js';
import type { SessionManager } from '../createSessionManager.js';
import { headersOnly, type IncomingRequest } from '../requestFacts.js';
import type { HostSessionRecords } from './hostSessionRecords.js';

/** An Auth.js database session, as its adapter methods take and give it (Auth.js's `AdapterSession`). */
export interface AuthjsSession {
  sessionToken: string;
  userId: string;
  expires: Date;
}

/**
 * What `authjsAdapter` needs of your Auth.js (or next-auth v4) adapter: `getUser`. Its sessions are not
 * used: profilekit keeps them. Structural, so profilekit needs no Auth.js types.
 */
export interface AuthjsAdapterLike {
  getUser?(id: string): unknown;
  deleteUser?(userId: string): unknown;
}

/** The user your adapter's `getUser` answers. */
export type AuthjsUserOf<Adapter> = Adapter extends { getUser?(id: string): infer Found }
  ? Exclude<Awaited<Found>, null | undefined>
  : never;

/** Your adapter, its database sessions kept by profilekit (see `HostSessions.authjsAdapter`). */
export type AuthjsSessionsAdapter<Adapter extends AuthjsAdapterLike> = Omit<
  Adapter,
  'createSession' | 'getSessionAndUser' | 'updateSession' | 'deleteSession'
> & {
  createSession(session: AuthjsSession): Promise<AuthjsSession>;
  getSessionAndUser(
    sessionToken: string,
  ): Promise<{ session: AuthjsSession; user: AuthjsUserOf<Adapter> } | null>;
  updateSession(
    session: Partial<AuthjsSession> & Pick<AuthjsSession, 'sessionToken'>,
  ): Promise<AuthjsSession | null>;
  /**
   * Ends the session (Auth.js's sign-out). Answers `{ id, userId, expires }` — profilekit's id of it, never
   * its token — which Auth.js hands to `events.signOut`; typed `void`, since Auth.js's own type for it
   * would have the token.
   */
  deleteSession(sessionToken: string): Promise<void>;
};

export interface AuthjsAdapterOptions {
  /**
   * The request Auth.js is serving, for the session's device and address (Auth.js gives its adapter
   * none): a closure over it when you build Auth.js's config per request (`app.use('/auth', (req, res,
   * next) => ExpressAuth({ ...config, adapter: sessions.authjsAdapter(adapter, { request: () => req })
   * })(req, res, next))`), or an AsyncLocalStorage's `getStore()`. Without one, sessions are listed with
   * no device, and a new sign-in in a browser cannot end the session it replaces.
   * @default none
   */
  request?: () => IncomingRequest | null | undefined;
  /** Auth.js's session cookie, if you renamed it (`cookies.sessionToken.name`). @default 'authjs.session-token' */
  cookieName?: string;
}

/** Auth.js's session cookie name: `authjs.session-token`, `__Secure-` over HTTPS (next-auth v4: `next-auth.`). */
const AUTHJS_COOKIE = 'authjs.session-token';

// A JWT (JWS: three parts) or an encrypted one (JWE, Auth.js's: five), in base64url, from `{"` ("eyJ").
const JWT_SHAPE = /^eyJ[\w-]*(\.[\w-]*){2,4}$/;

/** The session token a request's Auth.js cookie carries, and whether it is the JWT strategy's. */
function presentedToken(request: IncomingRequest, cookieName: string) {
  const facts = headersOnly(request);
  for (const name of [`__Secure-${cookieName}`, cookieName]) {
    const token = readCookie(facts, name);
    if (token) return { token, jwt: JWT_SHAPE.test(token) };
    // A JWT too long for one cookie comes in chunks (`name.0`, `name.1`, …); a session token never does.
    if (readCookie(facts, `${name}.0`)) return { token: '', jwt: true };
  }
  return null;
}

const JWT_STRATEGY_WARNING =
  "profilekit: Auth.js's session cookie holds a JWT (session: { strategy: 'jwt' }). A JWT session lives " +
  'only in its browser: it cannot be listed or ended, and the contract answers it 401. Use the database ' +
  'strategy (session: { strategy: "database" }) with sessions.authjsAdapter(yourAdapter).';
let warnedOfJwt = false;

/**
 * The session token of the request's Auth.js session cookie (`authjs.session-token`, or
 * `__Secure-authjs.session-token` over HTTPS), or null: the host session id the contract is served with
 * (`sessions.expressHandler({ …, sessionIdOf: authjsSessionToken })`). A cookie holding a JWT
 * (`session: { strategy: 'jwt' }`) is no session the server keeps — such sessions live only in the
 * browser, and no server can list or end them — so it reads as none (the contract answers 401, never a
 * 5xx), with one warning in the server's log saying why.
 */
export function authjsSessionToken(
  request: IncomingRequest,
  options: { cookieName?: string } = {},
): string | null {
  const presented = presentedToken(request, options.cookieName ?? AUTHJS_COOKIE);
  if (presented?.jwt) {
    if (!warnedOfJwt) console.warn(JWT_STRATEGY_WARNING);
    warnedOfJwt = true;
    return null;
  }
  return presented?.token ?? null;
}

/** The provider an Auth.js sign-in came through, from its callback path (`/auth/callback/github`). */
function providerOf(request: IncomingRequest | null): string {
  const { originalUrl, url } = (request ?? {}) as { originalUrl?: unknown; url?: unknown };
  const path = typeof originalUrl === 'string' ? originalUrl : typeof url === 'string' ? url : '';
  return /\/callback\/([\w-]{1,40})(?:[/?#]|$)/.exec(path)?.[1] ?? 'authjs';
}

/**
 * An Auth.js adapter whose database sessions are profilekit's host sessions: the token (Auth.js's cookie)
 * is stored only as its hash, each session is a row listed with its device, recorded in the log and ended
 * from the page. Users, accounts and verification tokens stay your adapter's.
 */
export function createAuthjsAdapter<Adapter extends AuthjsAdapterLike>(
  parts: { manager: SessionManager; records: HostSessionRecords },
  adapter: Adapter,
  options: AuthjsAdapterOptions = {},
): AuthjsSessionsAdapter<Adapter> {
  const { manager, records } = parts;
  const { getUser, deleteUser } = adapter;
  if (typeof getUser !== 'function')
    throw new TypeError(
      'authjsAdapter: the adapter has no getUser. Pass your Auth.js adapter (its users and accounts), ' +
        'as an object whose methods are its own properties, as Auth.js itself requires.',
    );
  const cookieName = options.cookieName ?? AUTHJS_COOKIE;
  const requestOf = () => options.request?.() ?? null;
  const described = (session: { id: string; userId: string; expiresAt: number }) => ({
    id: session.id,
    userId: session.userId,
    expires: new Date(session.expiresAt),
  });

  // Auth.js hands this answer to `events.signOut`: profilekit's id of the session, never its token (typed
  // void: Auth.js's type for it would carry the token).
  const deleteSession = (async (sessionToken: string) => {
    const ended = await records.end(sessionToken);
    return ended ? described(ended) : null;
  }) as (sessionToken: string) => Promise<unknown> as (sessionToken: string) => Promise<void>;

  return {
    ...adapter,

    createSession: async ({ sessionToken, userId, expires }) => {
      const request = requestOf();
      // Auth.js signs a browser in again without ending the session its cookie still carries (same user):
      // it would live on, unreachable, until it expired.
      const replaced = request ? presentedToken(request, cookieName) : null;
      if (replaced && !replaced.jwt && replaced.token !== sessionToken) await records.end(replaced.token);
      await manager.startHostSession({
        token: sessionToken,
        userId,
        request,
        expiresAt: expires.getTime(),
        method: providerOf(request),
      });
      // Auth.js sets its cookie from this answer: the token itself.
      return { sessionToken, userId, expires };
    },

    getSessionAndUser: async (sessionToken) => {
      const session = await records.sessionOf(sessionToken);
      if (!session) return null;
      const user = (await getUser.call(adapter, session.userId)) as AuthjsUserOf<Adapter> | null | undefined;
      if (!user) return null;
      await manager.touchHostSession(session, { request: requestOf(), expiresAt: session.expiresAt });
      return {
        session: { sessionToken, userId: session.userId, expires: new Date(session.expiresAt) },
        user,
      };
    },

    updateSession: async ({ sessionToken, expires }) => {
      const session = await records.sessionOf(sessionToken);
      if (!session) return null;
      const expiresAt = expires ? expires.getTime() : session.expiresAt;
      await manager.touchHostSession(session, { request: requestOf(), expiresAt });
      return { sessionToken, userId: session.userId, expires: new Date(expiresAt) };
    },

    deleteSession,

    ...(typeof deleteUser === 'function'
      ? {
          deleteUser: async (userId: string) => {
            await manager.revokeAllSessions({ userId, cause: 'host' });
            return deleteUser.call(adapter, userId);
          },
        }
      : {}),
  } as AuthjsSessionsAdapter<Adapter>;
}
