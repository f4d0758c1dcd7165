// An Express 5 host that keeps its own sessions — express-session with Passport's local strategy, as most
// Node apps do — and adds profilekit's sessions page without replacing them (docs/express-session.md).
// It serves the demo's page (examples/demo) with the same host endpoints the Hono demo has.
import express, { type RequestHandler } from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { createCsrfGuard, createHostSessions, type SessionStore } from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import type { Db } from '../server/db';
import { createOutbox } from '../server/outbox';
import { createUsers, type User } from '../server/users';

export interface ExpressAppOptions {
  /** The host's users (and the sessions, unless `store` is given). */
  db: Db;
  /** @default SQLite in `db` */
  store?: SessionStore;
  /** Serve this folder (the built demo) for every other path. */
  staticDir?: string;
  /** Where the app is reached, for the "This wasn't me" link in its mails. @default http://127.0.0.1:8787 */
  origin?: string;
  /** @default Date.now */
  now?: () => number;
}

const publicUser = (user: User) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

export function createExpressApp({ db, store, staticDir, origin, now = Date.now }: ExpressAppOptions) {
  const users = createUsers(db);
  const outbox = createOutbox({ users, now });
  const secure = false; // plain-HTTP localhost; true behind TLS

  // profilekit keeps express-session's sessions: each signed-in one is a row it can list and end.
  const sessions = createHostSessions({
    store: store ?? createSqliteSessionStore(db),
    cookie: { secure },
    now,
    history: outbox.history(origin ?? 'http://127.0.0.1:8787'),
  });

  const passport = new Passport();
  passport.use(
    new LocalStrategy({ usernameField: 'email' }, (email, password, done) => {
      users.checkCredentials(email, password).then((user) => done(null, user ?? false), done);
    }),
  );
  passport.serializeUser<string>((user, done) => done(null, (user as User).id));
  passport.deserializeUser<string>((id, done) => done(null, users.byId(id) ?? false));

  // The host's own POSTs get the double-submit check the contract's have (the page echoes XSRF-TOKEN).
  const csrf = createCsrfGuard({ secure });
  const handOutCsrf: RequestHandler = (req, res, next) => {
    const cookie = csrf.cookieFor(req);
    if (cookie) res.append('Set-Cookie', cookie);
    next();
  };
  const checkCsrf: RequestHandler = (req, res, next) => {
    if (csrf.allows(req)) next();
    else res.status(403).json({ code: 'FORBIDDEN', message: 'CSRF token mismatch.' });
  };
  const signedIn: RequestHandler = (req, res, next) => {
    if (req.user) next();
    else res.status(401).json({ code: 'UNAUTHORIZED', message: 'You are not signed in.' });
  };

  const app = express();
  app.use(
    session({
      store: sessions.expressStore(session),
      secret: process.env.SESSION_SECRET ?? 'a demo secret: set SESSION_SECRET in production',
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: 30 * 86_400_000 },
    }),
  );
  app.use(passport.session());
  app.use(handOutCsrf);
  // The host's own JSON routes parse their bodies; the contract reads its own (a bad body is its 400).
  const json = express.json({ limit: '4kb' });

  app.get('/api/auth/me', signedIn, (req, res) => {
    res.json({ user: publicUser(req.user as User) });
  });
  app.post('/api/auth/sign-in', json, checkCsrf, (req, res, next) => {
    passport.authenticate('local', (error: unknown, user: User | false) => {
      if (error) return next(error);
      if (!user) {
        const email = typeof req.body?.email === 'string' ? req.body.email : null;
        void sessions.manager.recordFailedSignIn({
          identifier: email,
          userId: email ? users.byEmail(email)?.id : null,
          reason: 'invalid-credentials',
          request: req,
        });
        return res.status(401).json({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' });
      }
      req.logIn(user, (loginError) => {
        if (loginError) next(loginError);
        else res.json({ user: publicUser(user) });
      });
    })(req, res, next);
  });
  app.post('/api/auth/sign-out', checkCsrf, (req, res, next) => {
    req.logout((error) => (error ? next(error) : res.status(204).end()));
  });
  app.get('/api/demo/outbox', signedIn, (req, res) => {
    res.json({ messages: outbox.of((req.user as User).id) });
  });
  // Everything else under /api is profilekit's contract, over express-session's sessions.
  app.use(
    '/api',
    sessions.expressHandler({
      basePath: '/api',
      verifyPassword: users.verifyPassword,
      admin: { isAdmin: users.isAdmin, describeUsers: users.describe, searchUsers: users.search },
    }),
  );
  if (staticDir) {
    app.use(express.static(staticDir));
    // A single-page app: every other path is the app's index.html.
    app.get('/{*path}', (_req, res) => res.sendFile('index.html', { root: staticDir }));
  }
  return { app, sessions, users };
}
