import type { AdminSessionsDataProvider } from '../admin/provider/types.js';
import { SessionsError } from '../provider/SessionsError.js';
import type {
  ConfirmableAction,
  ListSessionsResult,
  PasswordRequirement,
  SessionInput,
  SessionsDataProvider,
  SessionsMethod,
} from '../provider/types.js';
import { withParsedDevices } from '../userAgent/withParsedDevices.js';
import { createMemoryAdminProvider, type MemoryAdminMethod } from './memoryAdmin.js';
import { randomId, sleep, toEpoch } from './memoryHelpers.js';
import type * as Memory from './memoryTypes.js';

/** Every method a fault can be injected into: the user-side ones and the admin ones. */
export type MemoryMethod = SessionsMethod | MemoryAdminMethod;

const DAY_MS = 86_400_000;
const DEFAULT_LIFETIME_MS = 30 * DAY_MS;

/**
 * An in-memory sessions server for stories, tests and offline demos. It behaves like a real one: users
 * with checked passwords and a rate limit on wrong ones, sessions with real timestamps that expire and
 * stop working the moment they are revoked, application ids, trusted devices, latency and injected
 * faults. Each device gets its own `SessionsDataProvider` acting as its session.
 */
export function createMemoryBackend(options: Memory.MemoryBackendOptions = {}) {
  const now = options.now ?? Date.now;
  const lifetime = options.sessionLifetimeMs ?? DEFAULT_LIFETIME_MS;
  const maxAttempts = options.maxPasswordAttempts ?? 5;
  const rateLimitSeconds = options.rateLimitSeconds ?? 60;
  let latency = options.latency ?? 0;
  const random = options.random ?? Math.random;
  let passwordRequirements = { ...options.passwordRequirements };

  const users = new Map<string, Memory.MemoryUser & { password: string }>();
  const sessions = new Map<string, Memory.MemorySession>();
  const faults = new Map<MemoryMethod, { fault: Memory.MemoryFault; remaining: number }[]>();
  // Bumped on every change, so the admin list can cache its sorted views until the data moves.
  let version = 0;
  const attempts = new Map<string, { count: number; lockedUntil: number }>();
  const listeners = new Set<() => void>();
  const changed = () => {
    version += 1;
    for (const listener of listeners) listener();
  };

  function findUser(idOrEmail: string) {
    const direct = users.get(idOrEmail);
    if (direct) return direct;
    const email = idOrEmail.toLowerCase();
    for (const user of users.values()) if (user.email.toLowerCase() === email) return user;
    return undefined;
  }

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

  function publicUser({
    password: _password,
    ...user
  }: Memory.MemoryUser & { password: string }): Memory.MemoryUser {
    return user;
  }

  function addSession(input: Memory.MemorySessionInput): Memory.MemorySession {
    const user = findUser(input.user);
    if (!user) throw new Error(`createMemoryBackend: no user "${input.user}" for a session.`);
    const createdAt = toEpoch(input.createdAt, now());
    const session: Memory.MemorySession = {
      id: input.id ?? `ses_${randomId()}`,
      userId: user.id,
      token: randomId(24),
      userAgent: input.userAgent,
      ipAddress: input.ipAddress,
      device: input.device,
      location: input.location,
      trusted: input.trusted ?? false,
      applicationId: input.applicationId,
      tenant: input.tenant,
      createdAt,
      lastActiveAt: toEpoch(input.lastActiveAt, createdAt),
      expiresAt: toEpoch(input.expiresAt, createdAt + lifetime),
      freshUntil: Number.POSITIVE_INFINITY,
    };
    sessions.set(session.id, session);
    changed();
    return session;
  }

  for (const user of options.users ?? []) addUser(user);
  for (const session of options.sessions ?? []) addSession(session);

  const isLive = (s: Memory.MemorySession) => s.expiresAt > now();
  const liveSessionsOf = (userId: string) =>
    [...sessions.values()].filter((s) => s.userId === userId && isLive(s));

  function toWire(session: Memory.MemorySession, currentId: string): SessionInput {
    // As a JSON API would send it: ISO strings, copies of nested objects, never the token itself.
    return {
      id: session.id,
      isCurrent: session.id === currentId,
      createdAt: new Date(session.createdAt).toISOString(),
      lastActiveAt: new Date(session.lastActiveAt).toISOString(),
      expiresAt: new Date(session.expiresAt).toISOString(),
      ipAddress: session.ipAddress ?? null,
      userAgent: session.userAgent ?? null,
      device: session.device ? { ...session.device } : null,
      location: session.location ? { ...session.location } : null,
      trusted: session.trusted,
      applicationId: session.applicationId ?? null,
      tenant: session.tenant ?? null,
      tokenPreview: session.token.slice(0, 8),
    };
  }

  async function enter(
    method: MemoryMethod,
    callerId: string,
    signal?: AbortSignal,
  ): Promise<Memory.MemorySession> {
    const delay =
      typeof latency === 'number' ? latency : latency.min + random() * (latency.max - latency.min);
    await sleep(delay, signal);
    const queue = faults.get(method);
    const next = queue?.[0];
    if (queue && next) {
      next.remaining -= 1;
      if (next.remaining <= 0) queue.shift();
      const fault = typeof next.fault === 'string' ? { code: next.fault } : next.fault;
      throw new SessionsError(fault.code, fault.message, { retryAfter: fault.retryAfter });
    }
    const caller = sessions.get(callerId);
    if (!caller || !isLive(caller)) throw new SessionsError('UNAUTHORIZED');
    caller.lastActiveAt = now();
    return caller;
  }

  function checkPassword(caller: Memory.MemorySession, password: string | undefined): void {
    const user = users.get(caller.userId);
    const state = attempts.get(caller.id) ?? { count: 0, lockedUntil: 0 };
    if (state.lockedUntil > now()) {
      throw new SessionsError('RATE_LIMITED', undefined, {
        retryAfter: Math.ceil((state.lockedUntil - now()) / 1000),
      });
    }
    if (user && password !== undefined && password === user.password) {
      attempts.delete(caller.id);
      return;
    }
    state.count += 1;
    if (state.count >= maxAttempts) {
      state.count = 0;
      state.lockedUntil = now() + rateLimitSeconds * 1000;
    }
    attempts.set(caller.id, state);
    throw new SessionsError('INVALID_PASSWORD');
  }

  function confirmIfRequired(
    action: ConfirmableAction,
    caller: Memory.MemorySession,
    password: string | undefined,
  ) {
    if (passwordRequirements[action] === 'required') checkPassword(caller, password);
  }

  function revokeWhere(predicate: (s: Memory.MemorySession) => boolean): number {
    let count = 0;
    for (const session of [...sessions.values()]) {
      if (isLive(session) && predicate(session)) {
        sessions.delete(session.id);
        count += 1;
      }
    }
    if (count > 0) changed();
    return count;
  }

  /** A provider acting as the device that holds `sessionId`. */
  function providerFor(sessionId: string): SessionsDataProvider {
    return {
      get passwordRequirements() {
        return { ...passwordRequirements };
      },
      listSessions: async ({ signal, applicationId }): Promise<ListSessionsResult> => {
        const caller = await enter('listSessions', sessionId, signal);
        if (caller.freshUntil < now()) throw new SessionsError('REAUTH_REQUIRED');
        const list = liveSessionsOf(caller.userId).filter(
          (s) => applicationId === undefined || s.applicationId === applicationId,
        );
        // Like a bare server, the memory backend keeps only user agents: rows get a device as an adapter's do.
        return withParsedDevices({
          sessions: list.map((s) => toWire(s, caller.id)),
          currentSessionId: caller.id,
        });
      },
      revokeSession: async ({ sessionId: target, password }) => {
        const caller = await enter('revokeSession', sessionId);
        confirmIfRequired('revokeSession', caller, password);
        const session = sessions.get(target);
        // Another user's session is as unknown as a missing one: never confirm that it exists.
        if (!session || session.userId !== caller.userId || !isLive(session))
          throw new SessionsError('NOT_FOUND');
        revokeWhere((s) => s.id === target);
      },
      revokeOtherSessions: async ({ password, applicationId } = {}) => {
        const caller = await enter('revokeOtherSessions', sessionId);
        confirmIfRequired('revokeOtherSessions', caller, password);
        const revokedCount = revokeWhere(
          (s) =>
            s.userId === caller.userId &&
            s.id !== caller.id &&
            (applicationId === undefined || s.applicationId === applicationId),
        );
        return { revokedCount };
      },
      revokeAllSessions: async ({ password, applicationId } = {}) => {
        const caller = await enter('revokeAllSessions', sessionId);
        confirmIfRequired('revokeAllSessions', caller, password);
        const revokedCount = revokeWhere(
          (s) =>
            s.userId === caller.userId && (applicationId === undefined || s.applicationId === applicationId),
        );
        return { revokedCount };
      },
      signOut: async () => {
        await enter('signOut', sessionId);
        revokeWhere((s) => s.id === sessionId);
      },
      reauthenticate: async ({ password }) => {
        const caller = await enter('reauthenticate', sessionId);
        checkPassword(caller, password);
        caller.freshUntil = Number.POSITIVE_INFINITY;
      },
    };
  }

  return {
    providerFor,
    /** An admin console's provider, acting as the device holding `sessionId`; FORBIDDEN unless an admin. */
    adminProviderFor: (sessionId: string): AdminSessionsDataProvider =>
      createMemoryAdminProvider({
        users,
        sessions,
        now,
        version: () => version,
        enter: (method, signal) => enter(method, sessionId, signal),
        toWire,
        revokeWhere,
      }),
    /** Signs in as another device would: checks the password and starts a session. */
    signIn(input: Memory.MemorySignInInput): { sessionId: string; provider: SessionsDataProvider } {
      const user = findUser(input.email);
      if (!user || user.password !== input.password) throw new SessionsError('INVALID_PASSWORD');
      const { email: _email, password: _password, ...device } = input;
      const session = addSession({ ...device, user: user.id });
      return { sessionId: session.id, provider: providerFor(session.id) };
    },
    addUser,
    addSession: (input: Memory.MemorySessionInput): string => addSession(input).id,
    /** Ends a session on the server, as if its device signed out. */
    endSession: (sessionId: string): boolean => revokeWhere((s) => s.id === sessionId) > 0,
    /** Makes the next list call of this session answer REAUTH_REQUIRED until `reauthenticate`. */
    requireReauth: (sessionId: string) => {
      const session = sessions.get(sessionId);
      if (session) session.freshUntil = now() - 1;
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
    setPasswordRequirements: (value: Partial<Record<ConfirmableAction, PasswordRequirement>>) => {
      passwordRequirements = { ...value };
    },
    /** The server's truth: live sessions of a user (by id or email), oldest first. */
    sessionsOf(user: string): Memory.MemorySession[] {
      const found = findUser(user);
      return found ? liveSessionsOf(found.id).map((s) => ({ ...s })) : [];
    },
    /** Every stored session, expired ones included. For admin views and tests. */
    allSessions: (): Memory.MemorySession[] => [...sessions.values()].map((s) => ({ ...s })),
    users: (): Memory.MemoryUser[] => [...users.values()].map(publicUser),
    /** Calls `listener` after every change of the stored sessions. Returns the unsubscribe. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type MemoryBackend = ReturnType<typeof createMemoryBackend>;
