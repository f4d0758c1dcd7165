// A Fastify 5 host that keeps its own sessions — @fastify/session with @fastify/passport and Passport's local
// strategy — and adds profilekit's sessions page without replacing them. The same endpoints as the Express
// one (examples/express-session): the demo page's /api/auth/*, /api/demo/outbox, and the contract under /api.
import fastifyCookie from '@fastify/cookie';
import fastifyPassport from '@fastify/passport';
import fastifySession from '@fastify/session';
import Fastify, { type preHandlerAsyncHookHandler } from 'fastify';
import { publicUser } from '../server/host';
import { createPassportHost, type PassportHostOptions, SESSION_SECRET } from '../server/passportHost';
import type { User } from '../server/users';

export type FastifyAppOptions = PassportHostOptions;

// @fastify/session's cookie (its default name): the contract clears it from a browser it signs out.
const SESSION_COOKIE = 'sessionId';

export function createFastifyApp(options: FastifyAppOptions) {
  const { secure, users, outbox, sessions, localStrategy, signInRefused, contract, csrf } =
    createPassportHost(options, SESSION_COOKIE);

  const passport = new fastifyPassport.Authenticator();
  passport.use('local', localStrategy);
  passport.registerUserSerializer(async (user: User) => user.id);
  passport.registerUserDeserializer(async (id: string) => users.byId(id) ?? null);

  const checkCsrf: preHandlerAsyncHookHandler = async (request, reply) => {
    if (!csrf.allows(request.raw))
      return reply.code(403).send({ code: 'FORBIDDEN', message: 'CSRF token mismatch.' });
  };
  const signedIn: preHandlerAsyncHookHandler = async (request, reply) => {
    if (!request.user)
      return reply.code(401).send({ code: 'UNAUTHORIZED', message: 'You are not signed in.' });
  };
  // A wrong email or password answers like the other hosts (Passport's own answer is a bare 401).
  const authenticate = passport.authenticate(
    'local',
    { authInfo: false },
    async (request, reply, error, user) => {
      if (error) throw error;
      if (user) return request.logIn(user);
      return reply.code(401).send(signInRefused(request.body, request.raw));
    },
  );

  const app = Fastify();
  app.register(fastifyCookie);
  app.register(fastifySession, {
    store: sessions.fastifyStore(),
    secret: SESSION_SECRET,
    cookieName: SESSION_COOKIE,
    // Only a signed-in session is stored (@fastify/session stores every visitor's by default).
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: 30 * 86_400_000 },
  });
  app.register(passport.initialize());
  app.register(passport.secureSession());
  app.addHook('onRequest', async (request, reply) => {
    const cookie = csrf.cookieFor(request.raw);
    if (cookie) reply.header('set-cookie', cookie);
  });

  app.get('/api/auth/me', { preHandler: signedIn }, async (request) => ({
    user: publicUser(request.user as User),
  }));
  app.post(
    '/api/auth/sign-in',
    { bodyLimit: 4096, preValidation: [checkCsrf, authenticate] },
    async (request) => ({ user: publicUser(request.user as User) }),
  );
  app.post('/api/auth/sign-out', { preHandler: checkCsrf }, async (request, reply) => {
    // Ends the session in one store call (which ends its row); `request.logOut()` would store a new, empty one.
    await request.session.destroy();
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  app.get('/api/demo/outbox', { preHandler: signedIn }, async (request) => ({
    messages: outbox.of((request.user as User).id),
  }));
  // Everything else under /api is profilekit's contract, over @fastify/session's sessions.
  app.register(sessions.fastifyPlugin(contract), { prefix: '/api' });
  return { app, sessions, users };
}
