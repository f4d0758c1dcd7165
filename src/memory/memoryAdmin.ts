import {
  type AdminSessionFacts,
  countSessionStats,
  pageAdminSessions,
  selectAdminSessions,
} from '../admin/provider/selectAdminSessions.js';
import type {
  AdminSessionFilters,
  AdminSessionInput,
  AdminSessionsDataProvider,
  SessionStats,
} from '../admin/provider/types.js';
import { SessionsError } from '../provider/SessionsError.js';
import type { SessionInput } from '../provider/types.js';
import { withParsedDevice, withParsedDevices } from '../userAgent/withParsedDevices.js';
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

/**
 * The admin console's provider over the memory backend: every user's sessions, paged by an opaque cursor,
 * searchable and sortable (the admin list's shared rules), fast at 100,000 sessions because each filtered
 * and sorted view is cached until the data changes, so a page is a slice.
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

  const factsOf = (s: MemorySession): AdminSessionFacts => {
    const user = users.get(s.userId);
    return { ...s, email: user?.email, name: user?.name };
  };

  function view(filters: AdminSessionFilters): MemorySession[] {
    const { search, userId, applicationId, status, sort } = filters;
    const key = JSON.stringify([search, userId, applicationId, status, sort]);
    const cached = views.get(key);
    if (cached && cached.version === internals.version()) return cached.list;
    const list = selectAdminSessions(sessions.values(), factsOf, filters, now());
    views.set(key, { version: internals.version(), list });
    return list;
  }

  return {
    listAllSessions: async ({ signal, cursor, limit, ...filters }) => {
      const caller = await enterAsAdmin('listAllSessions', signal);
      const { items, nextCursor, total } = pageAdminSessions(view(filters), cursor, limit);
      return withParsedDevices({ sessions: items.map((s) => withUser(s, caller.id)), nextCursor, total });
    },
    getSession: async ({ sessionId, signal }) => {
      const caller = await enterAsAdmin('getSession', signal);
      const session = sessions.get(sessionId);
      if (!session) throw new SessionsError('NOT_FOUND');
      return withParsedDevice(withUser(session, caller.id));
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
      return countSessionStats(sessions.values(), factsOf, now());
    },
  };
}
