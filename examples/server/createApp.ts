import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ConfirmableAction, PasswordRequirement } from '../../src/provider/types.js';
import type { Db } from './db.js';
import { type AppEnv, fail } from './http.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { sessionRoutes } from './routes/sessions.js';
import { csrf, type PasswordPolicy } from './security.js';
import { createStore, type Store } from './store.js';

export const SESSION_COOKIE = 'pk_session';
const DAY_MS = 86_400_000;

export interface AppOptions {
  db: Db;
  /** @default Date.now */
  now?: () => number;
  /** Serve this folder (the built demo) for every non-API path. */
  staticDir?: string;
  /** @default every action 'required', as Filament's profile plugin does */
  passwordRequirements?: Record<ConfirmableAction, PasswordRequirement>;
  /** @default 30 days */
  sessionLifetimeMs?: number;
  /** How long a sign-in counts as fresh. @default 2 hours */
  freshForMs?: number;
  /** Answer 403 REAUTH_REQUIRED to listing when the session is not fresh. @default false */
  requireFreshListing?: boolean;
  /** @default 5 wrong passwords per 15 minutes */
  passwordPolicy?: PasswordPolicy;
  /** Mark cookies Secure (behind HTTPS). @default false */
  secureCookies?: boolean;
}

export interface AppContext {
  store: Store;
  now: () => number;
  options: Required<Omit<AppOptions, 'staticDir' | 'db' | 'now'>>;
  /** Starts a session for a user and sets its cookie. */
  signIn: (c: Parameters<MiddlewareHandler>[0], userId: string) => void;
  /** Forgets this device's cookie. */
  clearSession: (c: Parameters<MiddlewareHandler>[0]) => void;
  requireSession: MiddlewareHandler<AppEnv>;
}

function clientIp(c: Parameters<MiddlewareHandler>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** The reference server of the profilekit HTTP contract (docs/rest-contract.md), on Hono + SQLite. */
export function createApp(appOptions: AppOptions) {
  const now = appOptions.now ?? Date.now;
  const store = createStore(appOptions.db);
  const options: AppContext['options'] = {
    passwordRequirements: appOptions.passwordRequirements ?? {
      revokeSession: 'required',
      revokeOtherSessions: 'required',
      revokeAllSessions: 'required',
    },
    sessionLifetimeMs: appOptions.sessionLifetimeMs ?? 30 * DAY_MS,
    freshForMs: appOptions.freshForMs ?? 2 * 3_600_000,
    requireFreshListing: appOptions.requireFreshListing ?? false,
    passwordPolicy: appOptions.passwordPolicy ?? { maxFailures: 5, windowMs: 15 * 60_000 },
    secureCookies: appOptions.secureCookies ?? false,
  };

  const context: AppContext = {
    store,
    now,
    options,
    signIn(c, userId) {
      const at = now();
      const { token } = store.createSession({
        userId,
        userAgent: c.req.header('User-Agent') ?? null,
        ipAddress: clientIp(c),
        createdAt: at,
        expiresAt: at + options.sessionLifetimeMs,
        freshUntil: at + options.freshForMs,
      });
      setCookie(c, SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secureCookies,
        maxAge: Math.floor(options.sessionLifetimeMs / 1000),
      });
    },
    clearSession: (c) => deleteCookie(c, SESSION_COOKIE, { path: '/' }),
    // Every authenticated request records where and when the session was last seen.
    requireSession: async (c, next) => {
      const token = getCookie(c, SESSION_COOKIE);
      const at = now();
      const session = token ? store.sessionByToken(token, at) : undefined;
      const user = session ? store.userById(session.user_id) : undefined;
      if (!session || !user) {
        if (token) context.clearSession(c);
        return fail(c, 401, 'UNAUTHORIZED', 'You are not signed in.');
      }
      const ip = clientIp(c);
      const userAgent = c.req.header('User-Agent') ?? null;
      store.touch(session.id, at, ip, userAgent);
      c.set('session', { ...session, last_active_at: at, ip_address: ip, user_agent: userAgent });
      c.set('user', user);
      await next();
    },
  };

  const app = new Hono();
  const api = new Hono<AppEnv>();
  api.use('*', csrf(options.secureCookies));
  api.route('/auth', authRoutes(context));
  api.route('/sessions', sessionRoutes(context));
  api.route('/admin', adminRoutes(context, appOptions.db));
  api.notFound((c) => fail(c, 404, 'NOT_FOUND', 'No such endpoint.'));
  app.route('/api', api);

  if (appOptions.staticDir) {
    const root = appOptions.staticDir;
    app.use('*', serveStatic({ root }));
    // A single-page app: every other path is the app's index.html.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return { app, store, context };
}
