// Relative imports in this folder carry no extension: the Next.js example (examples/next) imports these
// modules, and Turbopack does not map './db.js' to db.ts as TypeScript, tsx and Vite do.
import {
  createCsrfGuard,
  createPasswordSignIn,
  createSessionManager,
  createSessionsHandler,
  type SessionEventBus,
  type SessionManagerOptions,
  type SessionStore,
  type SessionsHandlerOptions,
} from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import type { Db } from './db';
import { createOutbox } from './outbox';
import { createUsers, type User } from './users';

export interface HostOptions {
  /** The host's own database (its users); also the sessions' unless `store` is given. */
  db: Db;
  /** Sessions elsewhere (PostgreSQL, shared by several instances). @default SQLite in `db` */
  store?: SessionStore;
  /** How session events reach the other instances. @default in this process */
  events?: SessionEventBus;
  /** @default Date.now */
  now?: () => number;
  /** Where the client's address comes from (the manager's `clientIp`). @default the recorded peer address */
  clientIp?: SessionManagerOptions['clientIp'];
  /** Passed to the handler as is (password requirements, freshness, attempts). */
  sessions?: Partial<Omit<SessionsHandlerOptions, 'manager' | 'verifyPassword'>>;
  /** Where the demo is reached, for the absolute "This wasn't me" link in its mails. @default http://127.0.0.1:8787 */
  origin?: string;
}

type Route = (request: Request) => Promise<Response>;

const json = (body: unknown, status = 200, headers?: HeadersInit) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
/** What the pages and `GET /api/auth/me` show of a user (never the password hash). */
export const publicUser = (user: User) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});

/**
 * The demo host's server, as Fetch-API functions any framework mounts: its users, its sign-in, sign-out
 * and "who am I" under /api/auth, and profilekit's session manager and contract handler under /api. The
 * Hono server (createApp.ts) and the Next.js example (examples/next) mount these same functions.
 */
export function createHost({ db, now = Date.now, clientIp, sessions, events, ...options }: HostOptions) {
  const users = createUsers(db);
  const store = options.store ?? createSqliteSessionStore(db);
  const origin = (options.origin ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
  const outbox = createOutbox({ users, now });
  // Plain-HTTP localhost: the demo's cookies cannot be Secure. A sign-in from a new device "mails" its
  // owner (the outbox page shows it) with a link that signs that device out; the link's key is the
  // environment's NOT_ME_SECRET, else one made per process (links then stop working on a restart).
  const manager = createSessionManager({
    store,
    events,
    now,
    clientIp,
    cookie: { secure: false },
    history: outbox.history(origin),
  });
  // The sign-in form: its body capped, through its own limits (keyed on the account and the client,
  // slowing a guesser down, never touching a signed-in user's confirmations), known and unknown emails at
  // the same cost (checkCredentials checks a dummy hash for an unknown one).
  // A wrong password for a known email is in that account's security activity (`accountOf`).
  const passwordSignIn = createPasswordSignIn({
    manager,
    verify: users.checkCredentials,
    accountOf: (email) => users.byEmail(email)?.id,
  });
  // The contract's options, apart from where it is mounted (examples/next gives them to createNextSessions).
  const handlerOptions = {
    verifyPassword: users.verifyPassword,
    admin: { isAdmin: users.isAdmin, describeUsers: users.describe, searchUsers: users.search },
    ...sessions,
  } satisfies Omit<SessionsHandlerOptions, 'manager' | 'basePath'>;
  const handler = createSessionsHandler({ manager, basePath: '/api', ...handlerOptions });
  const csrf = createCsrfGuard({ secure: false });

  /** The handler guards its own routes; the host's sign-in and sign-out get the same double-submit rule. */
  const guarded =
    (route: Route): Route =>
    async (request) => {
      let response: Response;
      try {
        response = csrf.allows(request)
          ? await route(request)
          : json({ code: 'FORBIDDEN', message: 'CSRF token mismatch.' }, 403);
      } catch (error) {
        // The host's routes answer like the contract when the database is down: a 503 with a code.
        console.error('demo: request failed', error);
        response = json(
          { code: 'UNAVAILABLE', message: 'The service is unavailable. Try again shortly.' },
          503,
        );
      }
      const cookie = csrf.cookieFor(request);
      if (cookie) response.headers.append('Set-Cookie', cookie);
      return response;
    };

  /** The signed-in user behind a request (its session cookie), or null. */
  async function currentUser(request: Request) {
    const auth = await manager.authenticate(request);
    const user = auth && users.byId(auth.userId);
    return auth && user ? { user: publicUser(user), session: auth.session } : null;
  }

  const auth = {
    /** GET /api/auth/me */
    me: guarded(async (request) => {
      const current = await currentUser(request);
      if (!current) return json({ code: 'UNAUTHORIZED', message: 'You are not signed in.' }, 401);
      return json({ user: current.user });
    }),
    /** POST /api/auth/sign-in `{ email, password }` */
    signIn: guarded(async (request) => {
      const result = await passwordSignIn(request);
      if (result.ok) {
        return json({ user: publicUser(result.user) }, 200, { 'Set-Cookie': result.setCookie });
      }
      return json({ code: result.code, message: result.message }, result.status, result.headers);
    }),
    /** GET /api/demo/outbox: the signed-in user's mails, newest first (the demo sends none). */
    outbox: guarded(async (request) => {
      const current = await currentUser(request);
      if (!current) return json({ code: 'UNAUTHORIZED', message: 'You are not signed in.' }, 401);
      return json({ messages: outbox.of(current.user.id) });
    }),
    /** POST /api/auth/sign-out */
    signOut: guarded(async (request) => {
      const { setCookie } = await manager.signOut(request);
      return new Response(null, {
        status: 204,
        headers: { 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' },
      });
    }),
  };

  return { users, store, manager, handler, handlerOptions, csrf, auth, currentUser };
}

export type Host = ReturnType<typeof createHost>;
