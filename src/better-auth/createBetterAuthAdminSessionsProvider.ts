import {
  type AdminSessionFacts,
  countSessionStats,
  pageAdminSessions,
  selectAdminSessions,
} from '../admin/provider/selectAdminSessions.js';
import type {
  AdminSessionInput,
  AdminSessionsDataProvider,
  ListAllSessionsParams,
  ListAllSessionsResult,
  SessionStats,
} from '../admin/provider/types.js';
import { SessionsError } from '../provider/SessionsError.js';
import { withParsedDevice, withParsedDevices } from '../userAgent/withParsedDevices.js';
import type { BetterAuthSession } from './BetterAuthSessionsClient.js';
import { type BetterAuthResult, callBetterAuth } from './callBetterAuth.js';
import { toSessionInput } from './createBetterAuthSessionsProvider.js';

/** A user as Better Auth's admin plugin lists it. */
export interface BetterAuthAdminUser {
  id: string;
  email?: string | null;
  name?: string | null;
}

/**
 * The part of a Better Auth client with the admin plugin (`adminClient()`) this adapter calls, plus
 * `getSession` to know the admin's own session. Structural: the kit never imports Better Auth.
 */
export interface BetterAuthAdminClient {
  getSession: () => Promise<BetterAuthResult<{ session: { id: string } } | null>>;
  admin: {
    listUsers: (args: {
      query: { limit?: number; offset?: number };
    }) => Promise<BetterAuthResult<{ users: readonly BetterAuthAdminUser[]; total: number }>>;
    listUserSessions: (body: {
      userId: string;
    }) => Promise<BetterAuthResult<{ sessions: readonly (BetterAuthSession & { userId?: string })[] }>>;
    revokeUserSession: (body: { sessionToken: string }) => Promise<BetterAuthResult<{ success: boolean }>>;
    revokeUserSessions: (body: { userId: string }) => Promise<BetterAuthResult<{ success: boolean }>>;
  };
}

export interface BetterAuthAdminSessionsProviderOptions {
  client: BetterAuthAdminClient;
  /** Users fetched per admin call while walking them. @default 100 */
  usersPerRequest?: number;
}

interface Loaded {
  session: AdminSessionInput;
  token: string;
  userId: string;
}

const time = (value: unknown) => new Date(value as string).getTime();
const factsOf = (s: AdminSessionInput): AdminSessionFacts => ({
  ...s,
  userId: s.user.id,
  email: s.user.email,
  name: s.user.name,
  createdAt: time(s.createdAt),
  lastActiveAt: time(s.lastActiveAt),
  expiresAt: time(s.expiresAt),
});

/**
 * The admin console over Better Auth's admin plugin. The plugin lists sessions one user at a time and
 * has no session lookup by id and no counts, so this adapter walks every user once per search (then
 * pages, sorts, filters and counts from that snapshot; the stats share a walk under way) — right for
 * thousands of users, not for millions: there, implement the REST contract's admin endpoints on your own
 * database. It never exposes a token: previews are the first 8 characters, and revokes go by session id.
 */
export function createBetterAuthAdminSessionsProvider({
  client,
  usersPerRequest = 100,
}: BetterAuthAdminSessionsProviderOptions): AdminSessionsDataProvider {
  // id → token and owner, for the sessions the console has seen: revokes name a session by id.
  const known = new Map<string, Loaded>();
  let snapshot: { key: string; list: AdminSessionInput[] } | undefined;

  // The console's table and its stats load together (and refetch together after a revoke): one walk,
  // begun by whichever asks first, answers every read that arrives while it runs.
  const walks = new Map<string, Promise<Loaded[]>>();
  // Bumped by every revoke: a walk begun before it neither answers later reads nor re-learns what it ended.
  let generation = 0;
  function forgetWalks() {
    generation += 1;
    walks.clear();
  }
  function loadAll(onlyUserId?: string): Promise<Loaded[]> {
    const key = onlyUserId ?? '';
    const running = walks.get(key);
    if (running) return running;
    const walk = walkUsers(onlyUserId).finally(() => {
      if (walks.get(key) === walk) walks.delete(key);
    });
    walks.set(key, walk);
    return walk;
  }

  async function walkUsers(onlyUserId: string | undefined): Promise<Loaded[]> {
    const startedIn = generation;
    const current = (await callBetterAuth(client.getSession()))?.session.id;
    const users: BetterAuthAdminUser[] = [];
    for (let offset = 0; ; offset += usersPerRequest) {
      const page = await callBetterAuth(
        client.admin.listUsers({ query: { limit: usersPerRequest, offset } }),
      );
      users.push(...page.users);
      if (page.users.length === 0 || users.length >= page.total) break;
    }
    const loaded: Loaded[] = [];
    for (const user of users) {
      if (onlyUserId !== undefined && user.id !== onlyUserId) continue;
      const { sessions } = await callBetterAuth(client.admin.listUserSessions({ userId: user.id }));
      for (const raw of sessions) {
        const entry: Loaded = {
          token: raw.token,
          userId: user.id,
          session: {
            ...toSessionInput(raw, current),
            tokenPreview: raw.token.slice(0, 8),
            user: { id: user.id, email: user.email ?? null, name: user.name ?? null },
          },
        };
        if (startedIn === generation) known.set(raw.id, entry);
        loaded.push(entry);
      }
    }
    return loaded;
  }

  async function view(params: ListAllSessionsParams): Promise<AdminSessionInput[]> {
    const { search, userId, applicationId, status, sort } = params;
    const key = JSON.stringify([search, userId, applicationId, status, sort]);
    // A first page (no cursor) reads Better Auth afresh; the pages after it read that same snapshot.
    if (params.cursor !== undefined && snapshot?.key === key) return snapshot.list;
    const loaded = (await loadAll(userId)).map(({ session }) => session);
    const list = selectAdminSessions(loaded, factsOf, params, Date.now());
    snapshot = { key, list };
    return list;
  }

  /** Better Auth reports success for any token, known or not: ask again to see the session is gone. */
  async function stillThere(entry: Loaded): Promise<boolean> {
    const { sessions } = await callBetterAuth(client.admin.listUserSessions({ userId: entry.userId }));
    return sessions.some((s) => s.token === entry.token);
  }

  return {
    listAllSessions: async (params): Promise<ListAllSessionsResult> => {
      const { items, nextCursor, total } = pageAdminSessions(await view(params), params.cursor, params.limit);
      return withParsedDevices({ sessions: items, nextCursor, total });
    },
    getSession: async ({ sessionId }) => {
      if (!known.has(sessionId)) await loadAll();
      const entry = known.get(sessionId);
      // Read it afresh from its user: a session ended since it was listed is NOT_FOUND, not a stale copy.
      if (!entry || !(await stillThere(entry))) throw new SessionsError('NOT_FOUND');
      return withParsedDevice(entry.session);
    },
    revokeAnySession: async ({ sessionId }) => {
      const entry = known.get(sessionId);
      if (!entry) throw new SessionsError('NOT_FOUND');
      await callBetterAuth(client.admin.revokeUserSession({ sessionToken: entry.token }));
      // A walk begun before the revoke would answer the refetch with the revoked row still in it.
      forgetWalks();
      known.delete(sessionId);
      if (await stillThere(entry)) throw new SessionsError('UNKNOWN', 'Better Auth kept the session.');
    },
    revokeUserSessions: async ({ userId }) => {
      const before = await callBetterAuth(client.admin.listUserSessions({ userId }));
      await callBetterAuth(client.admin.revokeUserSessions({ userId }));
      forgetWalks();
      const after = await callBetterAuth(client.admin.listUserSessions({ userId }));
      return { revokedCount: before.sessions.length - after.sessions.length };
    },
    getSessionStats: async (): Promise<SessionStats> =>
      countSessionStats(
        (await loadAll()).map(({ session }) => session),
        factsOf,
        Date.now(),
      ),
  };
}
