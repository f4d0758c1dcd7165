import {
  createSessionManager,
  type SessionManager,
  type SessionManagerOptions,
} from '../createSessionManager.js';
import { createSessionsHandler } from '../createSessionsHandler.js';
import type { SessionsHandlerOptions } from '../handler/handlerDeps.js';
import type { NodeRequestLike } from '../requestFacts.js';
import { toFetchRequest, writeFetchResponse } from '../toNodeListener.js';
import {
  createHostSessionRecords,
  type HostSessionData,
  type HostUserOf,
  passportUserOf,
} from './hostSessionRecords.js';

export type { HostSessionData, HostUserOf } from './hostSessionRecords.js';

const DAY_MS = 86_400_000;

export interface HostSessionsOptions
  extends Omit<SessionManagerOptions, 'hostSessions' | 'absoluteLifetimeMs' | 'idleTimeoutMs'> {
  /**
   * The user a session belongs to, from the session's data; null or undefined while nobody is signed in.
   * @default Passport's serialized user: `passport.user` (express-session), `passport` (@fastify/passport)
   */
  userOf?: HostUserOf;
  /**
   * How long a session whose cookie has no expiry (a browser-session cookie: no `maxAge`) is kept after
   * its last use. Sessions with an expiry keep the cookie's. @default 1 day
   */
  lifetimeMs?: number;
  /**
   * Your session cookie, as your session middleware sets it: the contract removes it from a browser whose
   * own session it just ended (sign out everywhere), and its CSRF cookie is Secure when it is.
   * @default { name: 'connect.sid' (express-session's), path: '/', secure: true } — @fastify/session's
   * name is 'sessionId'
   */
  cookie?: SessionManagerOptions['cookie'];
}

/** The contract's handler options, but the manager (the host sessions' own). */
export type HostContractOptions = Omit<SessionsHandlerOptions, 'manager'>;

/** express-session's callback store, as express-session and @fastify/session call it. */
interface CallbackStore {
  get(id: string, callback: (error: unknown, data?: HostSessionData | null) => void): void;
  set(id: string, data: HostSessionData, callback?: (error?: unknown) => void): void;
  destroy(id: string, callback?: (error?: unknown) => void): void;
}

/** A @fastify/session store. */
export type FastifySessionStore = CallbackStore;

/** What the contract's Fastify plugin needs of a Fastify instance and its requests (structural). */
interface FastifyLike {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(
    contentType: string,
    parser: (request: unknown, payload: unknown, done: (error: null, body?: undefined) => void) => void,
  ): void;
  all(
    path: string,
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>,
  ): void;
}
interface FastifyRequestLike {
  raw: NodeRequestLike & { method?: string; url?: string };
  session?: { sessionId?: string } | null;
}
interface FastifyReplyLike {
  hijack(): void;
  raw: Parameters<typeof writeFetchResponse>[1];
}

const settle = (work: Promise<unknown>, callback?: (error?: unknown, value?: never) => void) => {
  work.then(
    (value) => (callback as ((error: null, value: unknown) => void) | undefined)?.(null, value),
    (error: unknown) => callback?.(error),
  );
};

/** The request express-session's Session carries (non-enumerable, left out of its JSON), if any. */
const expressRequestOf = (data: HostSessionData) =>
  ((data as { req?: NodeRequestLike }).req ?? null) as NodeRequestLike | null;

/** The request @fastify/session's Session keeps under its own symbol, if any. */
function fastifyRequestOf(data: HostSessionData): NodeRequestLike | null {
  const key = Object.getOwnPropertySymbols(data).find((symbol) => symbol.description === 'request');
  const request = key ? (data as Record<symbol, { raw?: NodeRequestLike } | undefined>)[key] : undefined;
  return request?.raw ?? null;
}

/**
 * Profilekit over a host that keeps its own sessions — express-session (with Passport), @fastify/session:
 * a session store for them over profilekit's stores, and the contract served with their sessions. The
 * host keeps its sign-in, its cookie and its session data; profilekit lists every signed-in device, ends
 * any of them (that device's next request has no session), records the authentication log and streams
 * live events. The session id (the cookie's secret) is stored only as a hash; the contract shows an
 * opaque id.
 *
 * @example
 * const sessions = createHostSessions({ store: createSqliteSessionStore(db) });
 * app.use(session({ secret, store: sessions.expressStore(session), resave: false, saveUninitialized: false }));
 * app.use(passport.session());
 * app.use('/api', sessions.expressHandler({ basePath: '/api', verifyPassword }));
 */
export function createHostSessions(options: HostSessionsOptions) {
  const { userOf = passportUserOf, lifetimeMs = DAY_MS, cookie, ...managerOptions } = options;
  if (!Number.isFinite(lifetimeMs) || lifetimeMs <= 0)
    throw new TypeError('createHostSessions: lifetimeMs must be a positive number of milliseconds.');
  // Which host session a contract request carries: set by the adapters below for the Request they made.
  const presented = new WeakMap<Request, string>();
  const manager: SessionManager = createSessionManager({
    ...managerOptions,
    cookie: { name: 'connect.sid', ...cookie },
    hostSessions: { tokenOf: (request) => presented.get(request) },
  });
  const records = createHostSessionRecords({ manager, store: options.store, userOf, lifetimeMs });

  const callbackStore = (requestOf: (data: HostSessionData) => NodeRequestLike | null): CallbackStore => ({
    get: (id, callback) => settle(records.get(id), callback),
    set: (id, data, callback) => settle(records.set(id, data, requestOf(data)), callback),
    destroy: (id, callback) => settle(records.destroy(id), callback),
  });

  /** The contract for a request whose host session id the caller read (`req.sessionID`). */
  const contractFor = (handlerOptions: HostContractOptions) => {
    const handler = createSessionsHandler({ ...handlerOptions, manager });
    return (request: Request, hostSessionId: string | null | undefined) => {
      if (hostSessionId) presented.set(request, hostSessionId);
      return handler(request);
    };
  };

  return {
    /** The manager over the host's sessions: list, end (`revokeOtherSessions` after a password change), log. */
    manager,

    /**
     * A store for express-session, built on its `Store` class: `session({ store: sessions.expressStore(session) })`.
     * It records each session's device and address from the request express-session's session carries.
     */
    expressStore<Store extends abstract new () => object>(session: { Store: Store }): InstanceType<Store> {
      const base = callbackStore(expressRequestOf);
      const Base = session.Store as unknown as new () => object;
      class ProfilekitStore extends Base {
        get = base.get;
        set = base.set;
        destroy = base.destroy;
        touch = (id: string, data: HostSessionData, callback?: (error?: unknown) => void) =>
          settle(records.touch(id, data, expressRequestOf(data)), callback);
      }
      return new ProfilekitStore() as InstanceType<Store>;
    },

    /** A store for @fastify/session: `app.register(fastifySession, { store: sessions.fastifyStore(), … })`. */
    fastifyStore: (): FastifySessionStore => callbackStore(fastifyRequestOf),

    /**
     * Carries a session your old store kept over to this one (a migration from connect-redis or
     * connect-pg-simple): its id and its data as express-session stored it. Its device is recorded at its
     * next request.
     */
    importSession: (id: string, data: HostSessionData) => records.set(id, data, null),

    /**
     * The contract (docs/rest-contract.md) as Express middleware, mounted after `session()` and
     * `passport.session()`: `app.use('/api', sessions.expressHandler({ basePath: '/api', verifyPassword }))`.
     */
    expressHandler(handlerOptions: HostContractOptions) {
      const contract = contractFor(handlerOptions);
      return (
        req: NodeRequestLike & { sessionID?: string; originalUrl?: string; method?: string },
        res: Parameters<typeof writeFetchResponse>[1],
        next: (error?: unknown) => void,
      ) => {
        Promise.resolve()
          .then(() => contract(toFetchRequest(req as Parameters<typeof toFetchRequest>[0]), req.sessionID))
          .then((response) => writeFetchResponse(response, res))
          .catch(next);
      };
    },

    /**
     * The contract as a Fastify plugin, registered after @fastify/session with the mount path as both
     * `prefix` and `basePath`: `app.register(sessions.fastifyPlugin({ basePath: '/api', verifyPassword }), { prefix: '/api' })`.
     * The contract reads its own request bodies (JSON, at most 4 KiB), so the plugin's routes parse none.
     */
    fastifyPlugin(handlerOptions: HostContractOptions) {
      const contract = contractFor(handlerOptions);
      return async (app: FastifyLike) => {
        app.removeAllContentTypeParsers();
        app.addContentTypeParser('*', (_request, _payload, done) => done(null));
        app.all('/*', async (request, reply) => {
          const response = await contract(
            toFetchRequest(request.raw as Parameters<typeof toFetchRequest>[0]),
            request.session?.sessionId,
          );
          // Written by the contract itself, streams included (the live event stream stays open).
          reply.hijack();
          await writeFetchResponse(response, reply.raw);
        });
      };
    },

    /** The contract for any other framework: the request, and the host session id it carries. */
    fetchHandler: contractFor,
  };
}

export type HostSessions = ReturnType<typeof createHostSessions>;
