// Relative imports in this folder carry no extension: the Next.js example (examples/next) imports these
// modules, and Turbopack does not map './db.js' to db.ts as TypeScript, tsx and Vite do.
import {
  createCsrfGuard,
  createPasswordLimiter,
  createSessionManager,
  createSessionsHandler,
  type SessionEventBus,
  type SessionManagerOptions,
  type SessionStore,
  type SessionsHandlerOptions,
} from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import type { Db } from './db';
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
}

type Route = (request: Request) => Promise<Response>;

const json = (body: unknown, status = 200, headers?: HeadersInit) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
const publicUser = (user: User) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

/**
 * The demo host's server, as Fetch-API functions any framework mounts: its users, its sign-in, sign-out
 * and "who am I" under /api/auth, and profilekit's session manager and contract handler under /api. The
 * Hono server (createApp.ts) and the Next.js example (examples/next) mount these same functions.
 */
export function createHost({ db, now, clientIp, sessions, events, ...options }: HostOptions) {
  const users = createUsers(db);
  const store = options.store ?? createSqliteSessionStore(db);
  // Plain-HTTP localhost: the demo's cookies cannot be Secure.
  const manager = createSessionManager({ store, events, now, clientIp, cookie: { secure: false } });
  const passwordLimiter = createPasswordLimiter(store, {}, now);
  const handler = createSessionsHandler({
    manager,
    basePath: '/api',
    verifyPassword: users.verifyPassword,
    passwordLimiter,
    admin: { isAdmin: users.isAdmin, describeUsers: users.describe, searchUsers: users.search },
    ...sessions,
  });
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
      const body = (await request.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
      if (typeof body?.email !== 'string')
        return json({ code: 'UNKNOWN', message: 'Send { email, password }.' }, 400);
      const user = users.byEmail(body.email);
      // The same answer for an unknown email as for a wrong password: never confirm who has an account.
      if (!user)
        return json({ code: 'INVALID_PASSWORD', message: 'The email or password is not correct.' }, 422);
      const check = await passwordLimiter.check(`password:${user.id}`, body.password, (pw) =>
        users.verifyPassword(user.id, pw),
      );
      if (check.ok) {
        const { setCookie } = await manager.signIn({ userId: user.id, request });
        return json({ user: publicUser(user) }, 200, { 'Set-Cookie': setCookie });
      }
      const message = 'The email or password is not correct.';
      if (check.code === 'RATE_LIMITED')
        return json({ code: check.code, message }, 429, { 'Retry-After': String(check.retryAfter) });
      return json({ code: check.code, message }, 422);
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

  return { users, store, manager, passwordLimiter, handler, csrf, auth, currentUser };
}

export type Host = ReturnType<typeof createHost>;
