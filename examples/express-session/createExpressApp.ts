// An Express 5 host that keeps its own sessions — express-session with Passport's local strategy, as most
// Node apps do — and adds profilekit's sessions page without replacing them (docs/express-session.md).
// It serves the demo's page (examples/demo) with the same host endpoints the Hono demo has.
import express, { type RequestHandler } from 'express';
import session from 'express-session';
import { Passport } from 'passport';
import { publicUser } from '../server/host';
import { createPassportHost, type PassportHostOptions, SESSION_SECRET } from '../server/passportHost';
import type { User } from '../server/users';

export interface ExpressAppOptions extends PassportHostOptions {
  /** Serve this folder (the built demo) for every other path. */
  staticDir?: string;
}

export function createExpressApp({ staticDir, ...options }: ExpressAppOptions) {
  // express-session's cookie (its default name): the contract clears it from a browser it signs out.
  const { secure, users, outbox, sessions, localStrategy, signInRefused, contract, csrf } =
    createPassportHost(options, 'connect.sid');

  const passport = new Passport();
  passport.use(localStrategy);
  passport.serializeUser<string>((user, done) => done(null, (user as User).id));
  passport.deserializeUser<string>((id, done) => done(null, users.byId(id) ?? false));

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
      secret: SESSION_SECRET,
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
      if (!user) return res.status(401).json(signInRefused(req.body, req));
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
  app.use('/api', sessions.expressHandler(contract));
  if (staticDir) {
    app.use(express.static(staticDir));
    // A single-page app: every other path is the app's index.html.
    app.get('/{*path}', (_req, res) => res.sendFile('index.html', { root: staticDir }));
  }
  return { app, sessions, users };
}
