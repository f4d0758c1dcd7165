import {
  createSessionManager,
  type SessionManager,
  type SessionManagerOptions,
} from '../createSessionManager.js';
import { createSessionsHandler } from '../createSessionsHandler.js';
import type { SessionsHandlerOptions } from '../handler/handlerDeps.js';
import type { NodeRequestLike } from '../requestFacts.js';
import { toFetchRequest, writeFetchResponse } from '../toNodeListener.js';
import type { StoredSession } from '../types.js';
import {
  type AuthjsAdapterLike,
  type AuthjsAdapterOptions,
  type AuthjsSessionsAdapter,
  createAuthjsAdapter,
} from './authjsAdapter.js';
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

/**
 * A @fastify/session store: express-session's callback shape, as @fastify/session calls it. Sessions are
 * plain `object`s here: @fastify/session's own Session class goes in, and its JSON's data comes back out
 * (which @fastify/session turns into a Session again).
 */
export interface FastifySessionStore {
  // biome-ignore lint/suspicious/noExplicitAny: the data comes back typed as the caller's Session class, which no type here can name
  get(id: string, callback: (error: unknown, data?: any) => void): void;
  set(id: string, data: object, callback?: (error?: unknown) => void): void;
  destroy(id: string, callback?: (error?: unknown) => void): void;
}

/** What the contract's Fastify plugin needs of a Fastify instance (structural: no Fastify types needed). */
export interface FastifyInstanceLike {
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
/** A Fastify request, as the plugin reads it. */
export interface FastifyRequestLike {
  raw: NodeRequestLike & { method?: string; url?: string };
  session?: { sessionId?: string } | null;
}
/** A Fastify reply, as the plugin writes it. */
export interface FastifyReplyLike {
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

/** An Express request, as the contract's middleware reads it (structural: no Express types needed). */
export type ExpressRequestLike = NodeRequestLike & {
  sessionID?: string;
  originalUrl?: string;
  method?: string;
};

/** The contract's options as Express middleware: which host session a request carries. */
export interface ExpressContractOptions extends HostContractOptions {
  /**
   * The host session id the request carries. `authjsSessionToken` for Auth.js.
   * @default express-session's `req.sessionID`
   */
  sessionIdOf?: (req: ExpressRequestLike) => string | null | undefined;
}

/** What `createHostSessions` gives: the stores for the host's session middleware, and the contract. */
export interface HostSessions {
  /** The manager over the host's sessions: list, end (`revokeOtherSessions` after a password change), log. */
  readonly manager: SessionManager;
  /**
   * A store for express-session, built on its `Store` class: `session({ store: sessions.expressStore(session) })`.
   * It records each session's device and address from the request express-session's session carries.
   */
  expressStore<Store extends abstract new () => object>(session: { Store: Store }): InstanceType<Store>;
  /** A store for @fastify/session: `app.register(fastifySession, { store: sessions.fastifyStore(), … })`. */
  fastifyStore(): FastifySessionStore;
  /**
   * Carries a session your old store kept over to this one (a migration from connect-redis or
   * connect-pg-simple): its id and its data as express-session stored it. Its device is recorded at its
   * next request.
   */
  importSession(id: string, data: HostSessionData): Promise<void>;
  /**
   * The profilekit session of a host session id (`req.sessionID`, `authjsSessionToken(req)`), or null while nobody is signed in on
   * it: e.g. to keep it when a password change signs out every other device
   * (`manager.revokeOtherSessions({ userId, exceptSessionId: session.id })`).
   */
  sessionOf(hostSessionId: string): Promise<StoredSession | null>;
  /**
   * Your Auth.js (or next-auth v4) adapter, its database sessions kept by profilekit: give it to Auth.js
   * as its `adapter` (with `session: { strategy: 'database' }`, Auth.js's default with an adapter). Each
   * session is a row — its token, Auth.js's cookie, stored only as a hash — listed with its device,
   * recorded in the log, and ended from the page or the admin console; users, accounts and verification
   * tokens stay your adapter's. Auth.js gives its adapter no request: pass `request` for the device.
   */
  authjsAdapter<Adapter extends AuthjsAdapterLike>(
    adapter: Adapter,
    options?: AuthjsAdapterOptions,
  ): AuthjsSessionsAdapter<Adapter>;
  /**
   * The contract (docs/rest-contract.md) as Express middleware, mounted after `session()` and
   * `passport.session()`: `app.use('/api', sessions.expressHandler({ basePath: '/api', verifyPassword }))`.
   * With Auth.js: `sessionIdOf: authjsSessionToken`.
   */
  expressHandler(
    options: ExpressContractOptions,
  ): (
    req: ExpressRequestLike,
    res: Parameters<typeof writeFetchResponse>[1],
    next: (error?: unknown) => void,
  ) => void;
  /**
   * The contract as a Fastify plugin, registered after @fastify/session with the mount path as both
   * `prefix` and `basePath`: `app.register(sessions.fastifyPlugin({ basePath: '/api', verifyPassword }), { prefix: '/api' })`.
   * The contract reads its own request bodies (JSON, at most 4 KiB), so the plugin's routes parse none.
   */
  fastifyPlugin(options: HostContractOptions): (app: FastifyInstanceLike) => Promise<void>;
  /** The contract for any other framework: the request, and the host session id it carries. */
  fetchHandler(
    options: HostContractOptions,
  ): (request: Request, hostSessionId: string | null | undefined) => Promise<Response>;
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
export function createHostSessions(options: HostSessionsOptions): HostSessions {
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

  const callbackStore = (
    requestOf: (data: HostSessionData) => NodeRequestLike | null,
  ): FastifySessionStore => ({
    get: (id, callback) => settle(records.get(id), callback),
    set: (id, data, callback) =>
      settle(records.set(id, data as HostSessionData, requestOf(data as HostSessionData)), callback),
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
    manager,

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

    fastifyStore: (): FastifySessionStore => callbackStore(fastifyRequestOf),

    importSession: (id: string, data: HostSessionData) => records.set(id, data, null),
    sessionOf: (hostSessionId: string) => records.sessionOf(hostSessionId),

    authjsAdapter: (adapter, adapterOptions) =>
      createAuthjsAdapter({ manager, records }, adapter, adapterOptions),

    expressHandler({ sessionIdOf = (req) => req.sessionID, ...handlerOptions }: ExpressContractOptions) {
      const contract = contractFor(handlerOptions);
      return (
        req: ExpressRequestLike,
        res: Parameters<typeof writeFetchResponse>[1],
        next: (error?: unknown) => void,
      ) => {
        Promise.resolve()
          .then(() => contract(toFetchRequest(req as Parameters<typeof toFetchRequest>[0]), sessionIdOf(req)))
          .then((response) => writeFetchResponse(response, res))
          .catch(next);
      };
    },

    fastifyPlugin(handlerOptions: HostContractOptions) {
      const contract = contractFor(handlerOptions);
      return async (app: FastifyInstanceLike) => {
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

    fetchHandler: contractFor,
  };
}
