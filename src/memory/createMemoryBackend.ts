import {
  CSRF_COOKIE_NAME,
  CSRF_HEADER_NAME,
  ERROR_STATUS,
  matchRoute,
  type RouteName,
  type ServerErrorCode,
} from '../contract/index.js';
import { foldForSearch } from '../contract/params.js';
import type { ConfirmableAction, PasswordRequirement } from '../contract/policy.js';
import { SessionsError } from '../provider/SessionsError.js';
import type { SessionsMethod } from '../provider/types.js';
import {
  createRestAdminSessionsProvider,
  type RestAdminSessionsProvider,
} from '../rest/createRestAdminSessionsProvider.js';
import { createRestSessionsProvider, type RestSessionsProvider } from '../rest/createRestSessionsProvider.js';
import { setClientAddress } from '../server/clientAddress.js';
import { createMemoryStoreWithRows } from '../server/createMemorySessionStore.js';
import { createSessionManager } from '../server/createSessionManager.js';
import { createSessionsHandler } from '../server/createSessionsHandler.js';
import { createInProcessEventBus } from '../server/events.js';
import { deviceKeyOf, failedSignInEntry, signedInEntry } from '../server/history/entries.js';
import { parseDevice } from '../server/parseDevice.js';
import { hashSessionToken, newSessionToken } from '../server/tokens.js';
import type { StoredSession } from '../server/types.js';
import { randomId, sleep, toEpoch } from './memoryHelpers.js';
import type * as Memory from './memoryTypes.js';

/** The admin methods a fault can be injected into. */
export type MemoryAdminMethod =
  | 'listAllSessions'
  | 'getSession'
  | 'revokeAnySession'
  | 'revokeUserSessions'
  | 'getSessionStats';

/** Every method a fault can be injected into: the user-side ones and the admin ones. */
export type MemoryMethod = SessionsMethod | MemoryAdminMethod;

const DAY_MS = 86_400_000;
const DEFAULT_LIFETIME_MS = 30 * DAY_MS;
// The in-process server's address: never fetched over a network, only parsed.
const ORIGIN = 'http://profilekit.memory';
// requireReauth's freshness: a proof older than this (only a session told to re-authenticate has one)
// is stale. Any real session's proof is younger, so no other call ever asks.
const NEVER_STALE_MS = 1e15;

/** Which provider method a request of the contract is, for injected faults. */
const METHOD_OF: Partial<Record<RouteName, MemoryMethod>> = {
  listSessions: 'listSessions',
  policy: 'getPolicy',
  revokeSession: 'revokeSession',
  revokeOtherSessions: 'revokeOtherSessions',
  revokeAllSessions: 'revokeAllSessions',
  signOut: 'signOut',
  reauthenticate: 'reauthenticate',
  adminListSessions: 'listAllSessions',
  adminGetSession: 'getSession',
  adminRevokeSession: 'revokeAnySession',
  adminRevokeUserSessions: 'revokeUserSessions',
  adminStats: 'getSessionStats',
};

/** An injected fault as the wire carries it: the contract's error answer, or a network that fails. */
function faultResponse(fault: Memory.MemoryFault): Response {
  const { code, message, retryAfter } = typeof fault === 'string' ? { code: fault } : fault;
  // The client's own verdicts: a request that never arrived, and an answer that is no JSON.
  if (code === 'NETWORK') throw new TypeError('Failed to fetch');
  if (code === 'INVALID_RESPONSE') return new Response('<html>not the contract</html>', { status: 200 });
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (retryAfter !== undefined) headers.set('Retry-After', String(retryAfter));
  return new Response(JSON.stringify({ code, message: message ?? code }), {
    status: ERROR_STATUS[code as ServerErrorCode] ?? 500,
    headers,
  });
}

/**
 * An in-memory sessions server for stories, tests and offline demos — the real one: profilekit's contract
 * handler and session manager over the memory store, reached through the REST adapter with a `fetch` that
 * calls the handler in-process (no network, so it runs in a browser, a test, a Worker). Around it: users
 * with passwords, seeded devices, latency and injected faults. Each device gets a provider that sends
 * that device's cookie, user agent and address.
 */
export function createMemoryBackend(options: Memory.MemoryBackendOptions = {}) {
  const now = options.now ?? Date.now;
  const lifetime = options.sessionLifetimeMs ?? DEFAULT_LIFETIME_MS;
  let latency = options.latency ?? 0;
  const random = options.random ?? Math.random;

  const users = new Map<string, Memory.MemoryUser & { password: string }>();
  const faults = new Map<MemoryMethod, { fault: Memory.MemoryFault; remaining: number }[]>();
  const memory = createMemoryStoreWithRows();
  const events = createInProcessEventBus();
  const manager = createSessionManager({
    store: memory.store,
    events,
    now,
    cookie: { secure: false },
    absoluteLifetimeMs: lifetime,
    idleTimeoutMs: lifetime,
  });
  // A device's session token, issued the first time someone acts as it (seeding a hundred thousand
  // sessions hashes none of them).
  const tokens = new Map<string, Promise<string>>();

  const findUser = (idOrEmail: string) => {
    const direct = users.get(idOrEmail);
    if (direct) return direct;
    const email = idOrEmail.toLowerCase();
    for (const user of users.values()) if (user.email.toLowerCase() === email) return user;
    return undefined;
  };
  const publicUser = ({ password: _password, ...user }: Memory.MemoryUser & { password: string }) => user;
  // Seeded devices share a handful of user agents: each is parsed once.
  const devices = new Map<string, ReturnType<typeof parseDevice>>();
  const deviceOf = (userAgent: string | undefined) => {
    if (!userAgent) return null;
    if (!devices.has(userAgent)) devices.set(userAgent, parseDevice(userAgent));
    return devices.get(userAgent) ?? null;
  };

  let passwordRequirements: Partial<Record<ConfirmableAction, PasswordRequirement>> = {
    revokeSession: 'none',
    revokeOtherSessions: 'none',
    revokeAllSessions: 'none',
    ...options.passwordRequirements,
  };
  // Every device of this backend carries the same CSRF pair: the handler checks it as it would a browser's.
  const csrfToken = randomId(20);
  /** The Cookie header of the device holding `sessionId`: its session cookie and its CSRF cookie. */
  const cookieFor = async (sessionId: string) =>
    `${manager.cookie.name}=${await tokenFor(sessionId)}; ${CSRF_COOKIE_NAME}=${csrfToken}`;
  const buildHandler = () =>
    createSessionsHandler({
      manager,
      basePath: '/api',
      passwordRequirements,
      freshness: { maxAgeMs: NEVER_STALE_MS, actions: ['listSessions'] },
      passwordAttempts: {
        perSession: options.maxPasswordAttempts ?? 5,
        perUser: Number.MAX_SAFE_INTEGER,
        windowMs: (options.rateLimitSeconds ?? 60) * 1000,
      },
      verifyPassword: (userId, password) => users.get(userId)?.password === password,
      admin: {
        isAdmin: (userId) => users.get(userId)?.role === 'admin',
        describeUsers: (ids) =>
          new Map(
            ids.flatMap((id) => {
              const user = users.get(id);
              return user ? [[id, { email: user.email, name: user.name ?? null }] as const] : [];
            }),
          ),
        searchUsers: (text) => {
          const needle = foldForSearch(text);
          return [...users.values()]
            .filter((u) => foldForSearch(`${u.email}\n${u.name ?? ''}`).includes(needle))
            .map((u) => u.id);
        },
      },
      onError: () => {},
    });
  let handler = buildHandler();

  function addUser(input: Memory.MemoryUserInput): Memory.MemoryUser {
    const user = {
      id: input.id ?? `user_${randomId(6)}`,
      email: input.email,
      name: input.name,
      role: input.role ?? 'user',
      password: input.password,
    };
    users.set(user.id, user);
    return publicUser(user);
  }

  /** A session written straight into the store, as if its device had signed in at `createdAt`. */
  function addSession(input: Memory.MemorySessionInput): string {
    const user = findUser(input.user);
    if (!user) throw new Error(`createMemoryBackend: no user "${input.user}" for a session.`);
    const createdAt = toEpoch(input.createdAt, now());
    const expiresAt = toEpoch(input.expiresAt, createdAt + lifetime);
    const id = input.id ?? `ses_${randomId()}`;
    memory.insert({
      id,
      userId: user.id,
      // No token yet: `unissued:` never equals a SHA-256 in hex, so nothing signs in as it until issued.
      tokenHash: `unissued:${id}`,
      tokenPreview: randomId(4),
      userAgent: input.userAgent ?? null,
      ipAddress: input.ipAddress ?? null,
      device: input.device ?? deviceOf(input.userAgent),
      location: input.location ?? null,
      trusted: input.trusted ?? false,
      applicationId: input.applicationId ?? null,
      createdAt,
      lastActiveAt: toEpoch(input.lastActiveAt, createdAt),
      expiresAt,
      absoluteExpiresAt: expiresAt,
      authenticatedAt: now(),
    });
    // Its sign-in in the log, as the manager would have recorded it (synchronous in the memory store):
    // whether the device is new is the seed's to say (`newDevice`), never worked out here.
    const row = memory.rows.get(id);
    if (row) {
      const deviceKey = deviceKeyOf(row.device, row.location, false);
      void memory.store.appendActivity([
        signedInEntry(row, { method: 'password', newDevice: input.newDevice ?? false, deviceKey }),
      ]);
    }
    void events.publish({ type: 'session.started', userId: user.id, sessionId: id, at: now() });
    return id;
  }

  /** The token a device holds, issued (and its hash stored) the first time it is needed. */
  function tokenFor(sessionId: string): Promise<string> {
    let token = tokens.get(sessionId);
    if (!token) {
      const issued = newSessionToken();
      token = hashSessionToken(issued).then((hash) => {
        memory.rehash(sessionId, hash, issued.slice(0, 8));
        return issued;
      });
      tokens.set(sessionId, token);
    }
    return token;
  }

  /** A fetch that reaches the handler in-process as the device holding `sessionId`. */
  function deviceFetch(sessionId: string): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const delay =
        typeof latency === 'number' ? latency : latency.min + random() * (latency.max - latency.min);
      await sleep(delay, init?.signal ?? undefined);
      const path = new URL(request.url).pathname.replace(/^\/api\//, '').split('/');
      const method = METHOD_OF[matchRoute(request.method, path)?.name ?? 'csrf'];
      const queue = method ? faults.get(method) : undefined;
      const next = queue?.[0];
      if (queue && next) {
        next.remaining -= 1;
        if (next.remaining <= 0) queue.shift();
        return faultResponse(next.fault);
      }
      const session = memory.rows.get(sessionId);
      const headers = new Headers(request.headers);
      headers.set('cookie', await cookieFor(sessionId));
      if (request.method === 'POST') headers.set(CSRF_HEADER_NAME, csrfToken);
      if (session?.userAgent) headers.set('user-agent', session.userAgent);
      const forwarded = new Request(request);
      // A browser drops Cookie (a forbidden header name) from any Request it builds, so the device's
      // headers ride on the request as its own `headers`: this request never leaves the page.
      Object.defineProperty(forwarded, 'headers', { value: headers });
      setClientAddress(forwarded, session?.ipAddress);
      return handler(forwarded);
    };
  }

  const providerOptions = (sessionId: string) => ({
    baseUrl: `${ORIGIN}/api`,
    fetch: deviceFetch(sessionId),
    eventSource: false as const,
    timeoutMs: Number.POSITIVE_INFINITY,
  });

  /** A provider acting as the device that holds `sessionId`. */
  const providerFor = (sessionId: string): RestSessionsProvider =>
    createRestSessionsProvider(providerOptions(sessionId));

  const view = (s: StoredSession): Memory.MemorySession => ({
    id: s.id,
    userId: s.userId,
    userAgent: s.userAgent ?? undefined,
    ipAddress: s.ipAddress ?? undefined,
    device: s.device ? { ...s.device } : undefined,
    location: s.location ? { ...s.location } : undefined,
    trusted: s.trusted,
    applicationId: s.applicationId ?? undefined,
    createdAt: s.createdAt,
    lastActiveAt: s.lastActiveAt,
    expiresAt: s.expiresAt,
  });

  for (const user of options.users ?? []) addUser(user);
  for (const session of options.sessions ?? []) addSession(session);

  return {
    /**
     * The contract handler itself, as a `fetch` (`http://profilekit.memory/api/…`), with no device of its
     * own: the caller sends the cookies (the conformance kit does, with `cookieFor`'s).
     */
    fetch: (async (input, init) => handler(new Request(input, init))) as typeof fetch,
    /** The base URL `fetch` answers under. */
    baseUrl: `${ORIGIN}/api`,
    /** The Cookie header of the device holding `sessionId`, its CSRF cookie included (for the kit). */
    cookieFor,
    providerFor,
    /** An admin console's provider, acting as the device holding `sessionId`; FORBIDDEN unless an admin. */
    adminProviderFor: (sessionId: string): RestAdminSessionsProvider =>
      createRestAdminSessionsProvider(providerOptions(sessionId)),
    /** Signs in as another device would: checks the password and starts a session. */
    signIn(input: Memory.MemorySignInInput): { sessionId: string; provider: RestSessionsProvider } {
      const user = findUser(input.email);
      if (!user || user.password !== input.password) {
        const attempt = new Request(ORIGIN, { headers: { 'user-agent': input.userAgent ?? '' } });
        setClientAddress(attempt, input.ipAddress);
        void manager.recordFailedSignIn({
          identifier: input.email,
          userId: user?.id ?? null,
          reason: 'invalid-credentials',
          request: attempt,
        });
        throw new SessionsError('INVALID_PASSWORD');
      }
      const { email: _email, password: _password, ...device } = input;
      const sessionId = addSession({ ...device, user: user.id });
      return { sessionId, provider: providerFor(sessionId) };
    },
    addUser,
    addSession,
    /** Logs a refused sign-in, as the host's sign-in would have (the user's activity shows it). */
    addFailedSignIn(input: Memory.MemoryFailedSignInInput) {
      const user = findUser(input.email);
      void memory.store.appendActivity([
        failedSignInEntry({
          userId: user?.id ?? null,
          identifier: input.email,
          reason: 'invalid-credentials',
          at: toEpoch(input.at, now()),
          described: {
            userAgent: input.userAgent ?? null,
            ipAddress: input.ipAddress ?? null,
            device: input.device ?? deviceOf(input.userAgent),
            location: input.location ?? null,
          },
        }),
      ]);
    },
    /** Ends a session on the server, as if its device signed out. */
    endSession: (sessionId: string): Promise<boolean> => manager.endSession(sessionId, { cause: 'host' }),
    /** Makes the next calls of this session answer REAUTH_REQUIRED until it re-authenticates. */
    requireReauth: (sessionId: string) => {
      void memory.store.markAuthenticated(sessionId, Number.MIN_SAFE_INTEGER);
    },
    /** Fails the next `times` calls of `method` (across all devices) with `fault`. */
    failNext(method: MemoryMethod, fault: Memory.MemoryFault, times = 1) {
      const queue = faults.get(method) ?? [];
      queue.push({ fault, remaining: times });
      faults.set(method, queue);
    },
    clearFaults: () => faults.clear(),
    setLatency: (value: Memory.MemoryBackendOptions['latency'] & {}) => {
      latency = value;
    },
    /** The server's password requirements from now on (it advertises them in its policy). */
    setPasswordRequirements: (value: Partial<Record<ConfirmableAction, PasswordRequirement>>) => {
      passwordRequirements = {
        revokeSession: 'none',
        revokeOtherSessions: 'none',
        revokeAllSessions: 'none',
        ...value,
      };
      handler = buildHandler();
    },
    /** The server's truth: live sessions of a user (by id or email), oldest first. */
    sessionsOf(user: string): Memory.MemorySession[] {
      const found = findUser(user);
      if (!found) return [];
      const at = now();
      return [...memory.rows.values()]
        .filter((s) => s.userId === found.id && s.expiresAt > at)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
        .map(view);
    },
    /** Every stored session, expired ones included. For admin views and tests. */
    allSessions: (): Memory.MemorySession[] => [...memory.rows.values()].map(view),
    users: (): Memory.MemoryUser[] => [...users.values()].map(publicUser),
    /** Calls `listener` after every session started or ended. Returns the unsubscribe. */
    subscribe: (listener: () => void): (() => void) => manager.subscribe(() => listener()),
  };
}

export type MemoryBackend = ReturnType<typeof createMemoryBackend>;
