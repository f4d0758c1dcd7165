/**
 * An Express 5 host signing people in with Auth.js (@auth/express, email sign-in, the database strategy),
 * its sessions kept by profilekit through `sessions.authjsAdapter`, and browsers for it: the magic link is
 * captured instead of mailed, so the whole flow runs offline over loopback HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Adapter, AdapterUser, VerificationToken } from '@auth/core/adapters';
import { ExpressAuth, type ExpressAuthConfig } from '@auth/express';
import Database from 'better-sqlite3';
import express from 'express';
import { authjsSessionToken, createHostSessions } from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import { createJar } from './harness.js';

/** The host's users table: Auth.js's user, with the password the sessions page confirms with. */
export interface TestUser extends AdapterUser {
  password: string;
  admin: boolean;
}

/**
 * The smallest Auth.js adapter for users and verification tokens, in memory (@auth/core ships none): no
 * sessions, which profilekit keeps. Own arrow-function properties, as Auth.js requires.
 */
export function memoryAuthjsAdapter(users: Map<string, TestUser>) {
  const tokens = new Map<string, VerificationToken>();
  const publicUser = ({ password: _password, admin: _admin, ...user }: TestUser): AdapterUser => user;
  const adapter = {
    createUser: (user: AdapterUser) => {
      const created = { ...user, id: user.id ?? randomUUID(), password: randomUUID(), admin: false };
      users.set(created.id, created);
      return publicUser(created);
    },
    getUser: (id: string) => {
      const user = users.get(id);
      return user ? publicUser(user) : null;
    },
    getUserByEmail: (email: string) => {
      const user = [...users.values()].find((candidate) => candidate.email === email);
      return user ? publicUser(user) : null;
    },
    getUserByAccount: () => null,
    updateUser: (update: Partial<AdapterUser> & Pick<AdapterUser, 'id'>) => {
      const user = users.get(update.id);
      if (!user) throw new Error(`no user ${update.id}`);
      Object.assign(user, update);
      return publicUser(user);
    },
    deleteUser: (id: string) => {
      users.delete(id);
    },
    linkAccount: () => undefined,
    createVerificationToken: (token: VerificationToken) => {
      tokens.set(`${token.identifier}:${token.token}`, token);
      return token;
    },
    useVerificationToken: ({ identifier, token }: { identifier: string; token: string }) => {
      const key = `${identifier}:${token}`;
      const found = tokens.get(key) ?? null;
      tokens.delete(key);
      return found;
    },
  } satisfies Adapter;
  return adapter;
}

export const ANA: TestUser = {
  id: 'usr_ana',
  email: 'ana@example.test',
  emailVerified: null,
  name: 'Ana',
  password: 'correct horse battery',
  admin: false,
};
export const ADMIN: TestUser = {
  id: 'usr_admin',
  email: 'admin@example.test',
  emailVerified: null,
  name: 'Admin',
  password: 'admin staple',
  admin: true,
};

/** The magic links Auth.js would have mailed, newest last. */
export type Outbox = Array<{ to: string; url: string }>;

/** Starts the host on a loopback port. `strategy: 'jwt'` is the misconfiguration the contract refuses. */
export async function startAuthjsHost({ strategy = 'database' as 'database' | 'jwt' } = {}) {
  const users = new Map([ANA, ADMIN].map((user) => [user.id, { ...user }]));
  const db = new Database(':memory:');
  const outbox: Outbox = [];
  const errors: unknown[] = [];
  const signOuts: unknown[] = [];
  const sessions = createHostSessions({
    store: createSqliteSessionStore(db),
    // Auth.js's cookie: the contract clears it from a browser whose own session it ends.
    cookie: { name: 'authjs.session-token', secure: false },
    history: {
      notMe: {
        secret: 'a test secret for not-me links, 32+ chars',
        url: 'http://127.0.0.1/api/sessions/not-me',
        landingUrl: 'http://127.0.0.1/not-me',
      },
    },
  });
  const inner = memoryAuthjsAdapter(users);
  const config = {
    secret: 'a test secret for Auth.js, at least 32 characters',
    trustHost: true,
    session: { strategy },
    providers: [
      {
        id: 'email',
        type: 'email',
        name: 'Email',
        maxAge: 600,
        sendVerificationRequest: ({ identifier, url }) => {
          outbox.push({ to: identifier, url });
        },
      },
    ],
    // What /auth/session answers: never the session token Auth.js passes in `session`.
    callbacks: {
      session: ({ session, user }) => ({
        user: { id: user.id, email: user.email, name: user.name },
        expires: session.expires,
      }),
    },
    events: { signOut: (message) => void signOuts.push(message) },
    logger: { error: (error) => errors.push(error), warn: () => {}, debug: () => {} },
  } satisfies ExpressAuthConfig;

  const app = express();
  // Auth.js gives its adapter no request: the adapter is made per request, over it.
  app.use('/auth', (req, res, next) =>
    ExpressAuth({ ...config, adapter: sessions.authjsAdapter(inner, { request: () => req }) })(
      req,
      res,
      next,
    ),
  );
  app.use(
    '/api',
    sessions.expressHandler({
      basePath: '/api',
      sessionIdOf: authjsSessionToken,
      verifyPassword: (userId, password) => users.get(userId)?.password === password,
      admin: {
        isAdmin: (userId) => users.get(userId)?.admin === true,
        describeUsers: (ids) =>
          new Map(ids.flatMap((id) => (users.has(id) ? [[id, { email: users.get(id)?.email }]] : []))),
      },
    }),
  );
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    errors.push(error);
    res.status(500).json({ code: 'INTERNAL', message: 'The server failed.' });
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      db.close();
    });
  return { url, sessions, users, db, outbox, errors, signOuts, close };
}

/**
 * A browser: its cookie jar, Auth.js's email sign-in through the captured link, and JSON calls of the
 * contract echoing its XSRF-TOKEN on POSTs.
 */
export function authjsBrowser(base: string, outbox: Outbox, userAgent: string) {
  const jar = createJar();
  const send = async (method: string, path: string, init: { body?: string; type?: string } = {}) => {
    const headers: Record<string, string> = { 'user-agent': userAgent, cookie: jar.header() };
    const xsrf = jar.cookies.get('XSRF-TOKEN');
    if (method === 'POST' && xsrf) headers['x-xsrf-token'] = xsrf;
    if (init.type) headers['content-type'] = init.type;
    const response = await fetch(new URL(path, base), {
      method,
      headers,
      body: init.body,
      redirect: 'manual',
    });
    jar.apply(response.headers.getSetCookie());
    return response;
  };
  return {
    jar,
    /** The session cookie's token, or undefined while signed out. */
    token: () => jar.cookies.get('authjs.session-token'),
    async signIn(email: string) {
      const { csrfToken } = (await (await send('GET', '/auth/csrf')).json()) as { csrfToken: string };
      const sent = outbox.length;
      const asked = await send('POST', '/auth/signin/email', {
        type: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ email, csrfToken }).toString(),
      });
      const link = outbox[sent];
      if (!link) throw new Error(`no sign-in link mailed: ${asked.status} ${asked.headers.get('location')}`);
      // Opened on this device: the callback sets the session cookie and redirects.
      const opened = await send('GET', link.url);
      if (opened.status !== 302 || !jar.cookies.has('authjs.session-token'))
        throw new Error(`the sign-in link answered ${opened.status} ${opened.headers.get('location')}`);
    },
    /** Auth.js's own sign-out (its page's form): answers the status. */
    async signOut() {
      const { csrfToken } = (await (await send('GET', '/auth/csrf')).json()) as { csrfToken: string };
      const response = await send('POST', '/auth/signout', {
        type: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ csrfToken }).toString(),
      });
      return response.status;
    },
    async authSession() {
      const response = await send('GET', '/auth/session');
      return { status: response.status, body: (await response.json()) as { user?: { id: string } } | null };
    },
    async call(method: string, path: string, body?: unknown) {
      const response = await send(
        method,
        path,
        body === undefined ? {} : { type: 'application/json', body: JSON.stringify(body) },
      );
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}
