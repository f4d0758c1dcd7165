/**
 * The server half as a host wires it: the embedded SQLite store, a manager on an injected clock, and the
 * handler under /api with admin routes. A `device` is one browser: signed in through `manager.signIn`,
 * with its own cookie jar (session cookie + XSRF-TOKEN); `call` sends it through the handler directly.
 */
import Database from 'better-sqlite3';
import {
  createSessionManager,
  createSessionsHandler,
  type SessionManagerOptions,
  type SessionStore,
  type SessionsHandlerOptions,
  setClientAddress,
} from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';

// Noon UTC: every offset's local midnight is at or before it, so "started today" is stable in any TZ.
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export const UA = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};

export const USERS = {
  ana: { id: 'usr_ana', email: 'ana@example.com', name: 'Ana Admin', password: 'ana-secret', admin: true },
  bob: { id: 'usr_bob', email: 'bob@example.com', name: 'Bob', password: 'bob-secret', admin: false },
  cy: { id: 'usr_cy', email: 'cy@example.org', name: null, password: 'cy-secret', admin: false },
} as const;
export type UserKey = keyof typeof USERS;
const byId = new Map(Object.values(USERS).map((user) => [user.id as string, user]));

/** A cookie jar like a browser's: applies Set-Cookie lines, drops cookies that are cleared. */
export function createJar() {
  const cookies = new Map<string, string>();
  return {
    cookies,
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    apply(setCookies: readonly string[]) {
      for (const line of setCookies) {
        const [pair = '', ...attributes] = line.split(';');
        const name = pair.slice(0, pair.indexOf('=')).trim();
        const value = pair.slice(pair.indexOf('=') + 1).trim();
        if (value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  };
}

/** Counts every store method call, so a test can tell whether (and how often) the store was touched. */
export function countingStore(store: SessionStore) {
  const calls: Record<string, number> = {};
  const counted = new Proxy(store, {
    get(target, key: string) {
      const original = target[key as keyof SessionStore] as ((...args: unknown[]) => unknown) | undefined;
      // A method the store lacks stays missing: the manager's fallbacks (findByIds) must see it so.
      if (typeof original !== 'function') return original;
      return (...args: unknown[]) => {
        calls[key] = (calls[key] ?? 0) + 1;
        return original.apply(target, args);
      };
    },
  });
  const total = () => Object.values(calls).reduce((sum, n) => sum + n, 0);
  const reset = () => {
    for (const key of Object.keys(calls)) delete calls[key];
  };
  return { store: counted, calls, total, reset };
}

/**
 * A harness's `wrapStore` that counts its store's calls (`countingStore`), `prepare` applied first, and the
 * counter the harness made with it.
 */
export function countedStore(prepare: (store: SessionStore) => SessionStore = (store) => store) {
  let made: ReturnType<typeof countingStore> | undefined;
  return {
    wrapStore: (store: SessionStore) => {
      made = countingStore(prepare(store));
      return made.store;
    },
    get counter() {
      if (!made) throw new Error('The harness has not made its store yet.');
      return made;
    },
  };
}

export interface HarnessOptions {
  wrapStore?: (store: SessionStore) => SessionStore;
  manager?: Partial<SessionManagerOptions>;
  handler?: Partial<SessionsHandlerOptions>;
}

export interface Device {
  userId: string;
  userAgent: string;
  ip: string | undefined;
  token: string;
  sessionId: string;
  jar: ReturnType<typeof createJar>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  setCookies: string[];
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
  body: any;
}

export function createHarness(options: HarnessOptions = {}) {
  const clock = { now: T0 };
  const db = new Database(':memory:');
  const sqlite = createSqliteSessionStore(db);
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite;
  const manager = createSessionManager({
    store,
    now: () => clock.now,
    cookie: { secure: false },
    ...options.manager,
  });
  const handler = createSessionsHandler({
    manager,
    basePath: '/api',
    verifyPassword: (userId, password) => byId.get(userId)?.password === password,
    admin: {
      isAdmin: (userId) => byId.get(userId)?.admin === true,
      describeUsers: (ids) =>
        Object.fromEntries(
          ids.flatMap((id) => {
            const user = byId.get(id);
            return user ? [[id, { email: user.email, name: user.name }]] : [];
          }),
        ),
      searchUsers: (text) =>
        [...byId.values()]
          .filter((u) => `${u.email} ${u.name ?? ''}`.toLowerCase().includes(text.toLowerCase()))
          .map((u) => u.id),
    },
    ...options.handler,
  });
  /** Every response the handler gave, for checks across a whole flow (headers, secrets). */
  const responses: CallResult[] = [];

  async function call(
    who: Device | null,
    method: string,
    path: string,
    body?: unknown,
    extra: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<CallResult> {
    const headers = new Headers({ 'user-agent': who?.userAgent ?? 'anonymous' });
    const cookie = who?.jar.header();
    if (cookie) headers.set('cookie', cookie);
    const xsrf = who?.jar.cookies.get('XSRF-TOKEN');
    if ((extra.csrf ?? method !== 'GET') && xsrf) headers.set('x-xsrf-token', decodeURIComponent(xsrf));
    if (body !== undefined) headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(extra.headers ?? {})) headers.set(name, value);
    const request = new Request(`http://localhost${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    setClientAddress(request, who?.ip);
    const response = await handler(request);
    const text = await response.text();
    const setCookies = response.headers.getSetCookie();
    who?.jar.apply(setCookies);
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = { status: response.status, headers: response.headers, setCookies, text, body: parsed };
    responses.push(result);
    return result;
  }

  /** Signs `user` in from a browser with this user agent (and peer IP), then fetches its CSRF cookie. */
  async function device(user: UserKey, userAgent = UA.chromeMac, ip?: string): Promise<Device> {
    const request = new Request('http://localhost/', { headers: { 'user-agent': userAgent } });
    setClientAddress(request, ip);
    const { session, setCookie } = await manager.signIn({ userId: USERS[user].id, request });
    const jar = createJar();
    jar.apply([setCookie]);
    const token = decodeURIComponent(jar.cookies.get('pk_session') ?? '');
    const signedIn: Device = { userId: session.userId, userAgent, ip, token, sessionId: session.id, jar };
    await call(signedIn, 'GET', '/api/csrf');
    return signedIn;
  }

  /** A browser with a CSRF cookie but no session: what "not signed in" looks like past the CSRF check. */
  async function guest(userAgent = UA.chromeMac): Promise<Device> {
    const visitor: Device = {
      userId: '',
      userAgent,
      ip: undefined,
      token: '',
      sessionId: '',
      jar: createJar(),
    };
    await call(visitor, 'GET', '/api/csrf');
    return visitor;
  }

  /** Session ids the store holds as live for a user (read from the table, not through the handler). */
  const liveIds = (user: UserKey) =>
    (
      db
        .prepare('SELECT id FROM profilekit_sessions WHERE user_id = ? AND expires_at > ? ORDER BY id')
        .all(USERS[user].id, clock.now) as { id: string }[]
    ).map((row) => row.id);

  return {
    clock,
    advance: (ms: number) => {
      clock.now += ms;
    },
    db,
    store,
    manager,
    handler,
    call,
    device,
    guest,
    liveIds,
    responses,
  };
}

export type Harness = ReturnType<typeof createHarness>;
