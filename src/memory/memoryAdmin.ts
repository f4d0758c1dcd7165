import type {
  AdminSessionInput,
  AdminSessionsDataProvider,
  ListAllSessionsParams,
  SessionStats,
} from '../admin/types.js';
import { SessionsError } from '../provider/SessionsError.js';
import type { SessionInput } from '../provider/types.js';
import type { MemorySession, MemoryUser } from './memoryTypes.js';

export type MemoryAdminMethod = 'listAllSessions' | 'getSession' | 'revokeUserSessions' | 'getSessionStats';

/** The parts of the memory backend the admin provider works on. */
export interface MemoryAdminInternals {
  users: Map<string, MemoryUser & { password: string }>;
  sessions: Map<string, MemorySession>;
  now: () => number;
  version: () => number;
  /** Waits the latency, applies injected faults, and returns the live caller (else UNAUTHORIZED). */
  enter: (method: MemoryAdminMethod | 'revokeSession', signal?: AbortSignal) => Promise<MemorySession>;
  toWire: (session: MemorySession, currentId: string) => SessionInput;
  revokeWhere: (predicate: (s: MemorySession) => boolean) => number;
}

const SORT_KEYS = { lastActiveAt: 'lastActiveAt', createdAt: 'createdAt', expiresAt: 'expiresAt' } as const;

/**
 * Seed 004's admin context over the memory backend: every user's sessions, paged by an opaque cursor,
 * searchable and sortable, fast at 100,000 sessions because each filtered and sorted view is cached
 * until the data changes, so a page is a slice.
 */
export function createMemoryAdminProvider(internals: MemoryAdminInternals): AdminSessionsDataProvider {
  const { users, sessions, now, enter, toWire, revokeWhere } = internals;
  const views = new Map<string, { version: number; list: MemorySession[] }>();

  async function enterAsAdmin(method: MemoryAdminMethod | 'revokeSession', signal?: AbortSignal) {
    const caller = await enter(method, signal);
    if (users.get(caller.userId)?.role !== 'admin') {
      throw new SessionsError('FORBIDDEN', 'Only admins can see every session.');
    }
    return caller;
  }

  function withUser(session: MemorySession, callerId: string): AdminSessionInput {
    const user = users.get(session.userId);
    return {
      ...toWire(session, callerId),
      user: { id: session.userId, email: user?.email, name: user?.name },
    };
  }

  function view(params: Omit<ListAllSessionsParams, 'signal' | 'cursor' | 'limit'>): MemorySession[] {
    const key = JSON.stringify([
      params.search,
      params.userId,
      params.applicationId,
      params.status,
      params.sort,
    ]);
    const cached = views.get(key);
    if (cached && cached.version === internals.version()) return cached.list;
    const at = now();
    const needle = params.search?.trim().toLowerCase();
    const field = SORT_KEYS[params.sort?.field ?? 'lastActiveAt'];
    const direction = params.sort?.direction === 'asc' ? 1 : -1;
    const list = [...sessions.values()].filter((s) => {
      if ((params.status ?? 'active') === 'active' ? s.expiresAt <= at : s.expiresAt > at) return false;
      if (params.userId !== undefined && s.userId !== params.userId) return false;
      if (params.applicationId !== undefined && s.applicationId !== params.applicationId) return false;
      if (!needle) return true;
      const user = users.get(s.userId);
      return [user?.email, user?.name, s.ipAddress, s.userAgent].some((v) =>
        v?.toLowerCase().includes(needle),
      );
    });
    list.sort((a, b) => direction * (a[field] - b[field]) || (a.id < b.id ? -1 : 1));
    views.set(key, { version: internals.version(), list });
    return list;
  }

  return {
    listAllSessions: async ({ signal, cursor, limit, ...filters }) => {
      const caller = await enterAsAdmin('listAllSessions', signal);
      const list = view(filters);
      const start = cursor ? Number.parseInt(cursor, 36) : 0;
      if (!Number.isFinite(start) || start < 0)
        throw new SessionsError('UNKNOWN', 'Bad cursor.', { status: 400 });
      const end = Math.min(list.length, start + Math.max(1, limit));
      return {
        sessions: list.slice(start, end).map((s) => withUser(s, caller.id)),
        nextCursor: end < list.length ? end.toString(36) : null,
        total: list.length,
      };
    },
    getSession: async ({ sessionId, signal }) => {
      const caller = await enterAsAdmin('getSession', signal);
      const session = sessions.get(sessionId);
      if (!session) throw new SessionsError('NOT_FOUND');
      return withUser(session, caller.id);
    },
    revokeSession: async ({ sessionId }) => {
      await enterAsAdmin('revokeSession');
      if (revokeWhere((s) => s.id === sessionId) === 0) throw new SessionsError('NOT_FOUND');
    },
    revokeUserSessions: async ({ userId }) => {
      await enterAsAdmin('revokeUserSessions');
      return { revokedCount: revokeWhere((s) => s.userId === userId) };
    },
    getSessionStats: async ({ signal } = {}): Promise<SessionStats> => {
      await enterAsAdmin('getSessionStats', signal);
      const at = now();
      const midnight = new Date(at).setHours(0, 0, 0, 0);
      const active = [...sessions.values()].filter((s) => s.expiresAt > at);
      return {
        totalActive: active.length,
        uniqueUsers: new Set(active.map((s) => s.userId)).size,
        expired: sessions.size - active.length,
        startedToday: [...sessions.values()].filter((s) => s.createdAt >= midnight).length,
      };
    },
  };
}
