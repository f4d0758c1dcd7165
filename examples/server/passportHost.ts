// What the demo's hosts that keep their own sessions with Passport's local strategy have in common: Express
// with express-session (examples/express-session) and Fastify with @fastify/session (examples/fastify-session).
// Each wires these into its own framework; only the framework's part differs.
import { Strategy as LocalStrategy } from 'passport-local';
import {
  createCsrfGuard,
  createHostSessions,
  type HostContractOptions,
  type IncomingRequest,
  type SessionEventBus,
  type SessionStore,
} from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import type { Db } from './db';
import { createOutbox } from './outbox';
import { createUsers } from './users';

export interface PassportHostOptions {
  /** The host's users (and the sessions, unless `store` is given). */
  db: Db;
  /** @default SQLite in `db` */
  store?: SessionStore;
  /** How session events reach the other instances (over PostgreSQL). @default in this process */
  events?: SessionEventBus;
  /** Where the app is reached, for the "This wasn't me" link in its mails. @default http://127.0.0.1:8787 */
  origin?: string;
  /** @default Date.now */
  now?: () => number;
}

/** The session middleware's secret (express-session's and @fastify/session's: at least 32 characters). */
export const SESSION_SECRET = process.env.SESSION_SECRET ?? 'a demo secret: set SESSION_SECRET in production';

/**
 * The users, the outbox, profilekit over the host's sessions (`cookieName`: its session middleware's cookie),
 * the local strategy, the contract's options and the CSRF guard for the host's own POSTs.
 */
export function createPassportHost(
  { db, store, events, origin, now = Date.now }: PassportHostOptions,
  cookieName: string,
) {
  const users = createUsers(db);
  const outbox = createOutbox({ users, now });
  const secure = false; // plain-HTTP localhost; true behind TLS

  // profilekit keeps the host's sessions: each signed-in one is a row it can list and end.
  const sessions = createHostSessions({
    store: store ?? createSqliteSessionStore(db),
    cookie: { name: cookieName, secure },
    now,
    events,
    history: outbox.history(origin ?? 'http://127.0.0.1:8787'),
  });

  // Passport's own local strategy: @fastify/passport takes Passport's strategies as they are.
  const localStrategy = new LocalStrategy({ usernameField: 'email' }, (email, password, done) => {
    users.checkCredentials(email, password).then((user) => done(null, user ?? false), done);
  });

  /** A wrong email or password: in the log (and the account's activity when the email is known). */
  const signInRefused = (body: unknown, request: IncomingRequest) => {
    const email = (body as { email?: unknown } | undefined)?.email;
    const identifier = typeof email === 'string' ? email : null;
    void sessions.manager.recordFailedSignIn({
      identifier,
      userId: identifier ? users.byEmail(identifier)?.id : null,
      reason: 'invalid-credentials',
      request,
    });
    return { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' };
  };

  // The contract, mounted at /api; its password confirmations and admin console use the host's users.
  const contract: HostContractOptions = {
    basePath: '/api',
    verifyPassword: users.verifyPassword,
    admin: { isAdmin: users.isAdmin, describeUsers: users.describe, searchUsers: users.search },
  };

  return {
    /** Whether the cookies are Secure: the session middleware's cookie must say the same. */
    secure,
    users,
    outbox,
    sessions,
    localStrategy,
    signInRefused,
    contract,
    // The host's own POSTs get the double-submit check the contract's have (the page echoes XSRF-TOKEN).
    csrf: createCsrfGuard({ secure }),
  };
}
