import type { IncomingMessage } from 'node:http';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import {
  createCsrfGuard,
  createPasswordLimiter,
  createSessionManager,
  createSessionsHandler,
  type SessionEventBus,
  type SessionStore,
  type SessionsHandlerOptions,
  setClientAddress,
} from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import type { Db } from './db.js';
import { createUsers } from './users.js';

export interface AppOptions {
  /** The host's own database (its users); also the sessions' unless `store` is given. */
  db: Db;
  /** Sessions elsewhere (PostgreSQL, shared by several instances). @default SQLite in `db` */
  store?: SessionStore;
  /** How session events reach the other instances. @default in this process */
  events?: SessionEventBus;
  /** @default Date.now */
  now?: () => number;
  /** Serve this folder (the built demo) for every non-API path. */
  staticDir?: string;
  /** Passed to the handler as is (password requirements, freshness, attempts). */
  sessions?: Partial<Omit<SessionsHandlerOptions, 'manager' | 'verifyPassword'>>;
}

type Env = { Bindings: { incoming?: IncomingMessage } };

/**
 * The demo host's whole server: its users, its sign-in form, and profilekit's session manager and
 * handler mounted under /api. This is what a Node host writes itself.
 */
export function createApp({ db, now, staticDir, sessions, events, ...options }: AppOptions) {
  const users = createUsers(db);
  const store = options.store ?? createSqliteSessionStore(db);
  // Plain-HTTP localhost: the demo's cookies cannot be Secure.
  const manager = createSessionManager({ store, events, now, cookie: { secure: false } });
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

  const app = new Hono<Env>();
  // The host's own routes answer like the contract when the database is down: a 503 with a code.
  app.onError((error, c) => {
    console.error('demo: request failed', error);
    return c.json({ code: 'UNAVAILABLE', message: 'The service is unavailable. Try again shortly.' }, 503);
  });
  // The peer address for the session rows (Hono's Node server keeps the socket in `env.incoming`).
  app.use('/api/*', async (c, next) => {
    setClientAddress(c.req.raw, c.env.incoming?.socket.remoteAddress);
    await next();
  });
  // The handler guards its own routes; the host's sign-in and sign-out get the same double-submit rule.
  app.use('/api/auth/*', async (c, next) => {
    if (!csrf.allows(c.req.raw)) return c.json({ code: 'FORBIDDEN', message: 'CSRF token mismatch.' }, 403);
    await next();
    const cookie = csrf.cookieFor(c.req.raw);
    if (cookie) c.res.headers.append('Set-Cookie', cookie);
  });
  app.get('/api/auth/me', async (c) => {
    const auth = await manager.authenticate(c.req.raw);
    const user = auth && users.byId(auth.userId);
    if (!user) return c.json({ code: 'UNAUTHORIZED', message: 'You are not signed in.' }, 401);
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } });
  });
  app.post('/api/auth/sign-in', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
    if (typeof body?.email !== 'string')
      return c.json({ code: 'UNKNOWN', message: 'Send { email, password }.' }, 400);
    const user = users.byEmail(body.email);
    // The same answer for an unknown email as for a wrong password: never confirm who has an account.
    if (!user)
      return c.json({ code: 'INVALID_PASSWORD', message: 'The email or password is not correct.' }, 422);
    const check = await passwordLimiter.check(`password:${user.id}`, body.password, (pw) =>
      users.verifyPassword(user.id, pw),
    );
    if (check.ok) {
      const { setCookie } = await manager.signIn({ userId: user.id, request: c.req.raw });
      c.header('Set-Cookie', setCookie, { append: true });
      return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } });
    }
    if (check.code === 'RATE_LIMITED') c.header('Retry-After', String(check.retryAfter));
    return c.json(
      { code: check.code, message: 'The email or password is not correct.' },
      check.code === 'RATE_LIMITED' ? 429 : 422,
    );
  });
  app.post('/api/auth/sign-out', async (c) => {
    c.header('Set-Cookie', (await manager.signOut(c.req.raw)).setCookie, { append: true });
    return c.body(null, 204);
  });
  // Everything else under /api is the sessions contract.
  app.all('/api/*', (c) => handler(c.req.raw));

  if (staticDir) {
    app.use('*', serveStatic({ root: staticDir }));
    // A single-page app: every other path is the app's index.html.
    app.get('*', serveStatic({ root: staticDir, path: 'index.html' }));
  }
  return { app, store, manager, users };
}
