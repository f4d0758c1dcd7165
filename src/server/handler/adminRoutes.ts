import type { AuthenticatedRequest } from '../createSessionManager.js';
import type { AdminSortKey, SessionsPageQuery, StoredSession } from '../types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { AdminUserDescription, HandlerDeps, SessionsAdminOptions } from './handlerDeps.js';
import { badRequest, fail, json, noContent, optionalParam, readJsonObject } from './responses.js';
import { toWire } from './toWire.js';

const SORT_KEYS: readonly AdminSortKey[] = ['lastActiveAt', 'createdAt', 'expiresAt'];
const DEFAULT_PAGE_SIZE = 50;
const MAX_SEARCH_LENGTH = 200;

/** Reads one enumerated query parameter; an unknown value is a 400 rather than a silent default. */
function pick<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  if (!allowed.includes(value as T)) throw badRequest(`"${name}" must be one of ${allowed.join(', ')}.`);
  return value as T;
}

async function usersOf(admin: SessionsAdminOptions, sessions: StoredSession[]) {
  const ids = [...new Set(sessions.map((s) => s.userId))];
  const described = ids.length === 0 ? {} : await admin.describeUsers(ids);
  const lookup = (id: string): AdminUserDescription | undefined =>
    described instanceof Map ? described.get(id) : (described as Record<string, AdminUserDescription>)[id];
  return (session: StoredSession, currentSessionId: string) => {
    const user = lookup(session.userId);
    return {
      ...toWire(session, currentSessionId),
      tokenPreview: session.tokenPreview.slice(0, 8),
      user: { id: session.userId, email: user?.email ?? null, name: user?.name ?? null },
    };
  };
}

/** Every user's sessions, for an admin: pages, one session, revoke, revoke a user's, stats. */
export function createAdminRoutes(deps: HandlerDeps, admin: SessionsAdminOptions) {
  const { manager } = deps;
  const maxPageSize = admin.maxPageSize ?? 1000;

  return {
    async requireAdmin(auth: AuthenticatedRequest) {
      if (!(await admin.isAdmin(auth.userId)))
        return fail(403, 'FORBIDDEN', 'Only admins can see every session.');
      return null;
    },

    async list(request: Request, auth: AuthenticatedRequest) {
      const params = new URL(request.url).searchParams;
      const limitText = params.get('limit');
      const limit = limitText === null || limitText === '' ? DEFAULT_PAGE_SIZE : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
        throw badRequest(`"limit" must be a whole number from 1 to ${maxPageSize}.`);
      }
      const search = optionalParam(params, 'search', MAX_SEARCH_LENGTH);
      const filters = {
        status: pick(params, 'status', ['active', 'expired'] as const, 'active'),
        sort: pick(params, 'sort', SORT_KEYS, 'lastActiveAt'),
        direction: pick(params, 'direction', ['desc', 'asc'] as const, 'desc'),
        search,
        userId: optionalParam(params, 'userId'),
        applicationId: optionalParam(params, 'applicationId'),
      };
      const cursor = params.get('cursor');
      const after = cursor ? decodeCursor(cursor, filters) : undefined;
      if (after === null) throw badRequest('The cursor is not one this server gave out for this query.');
      const query: SessionsPageQuery = {
        ...filters,
        now: manager.now(),
        limit: limit + 1,
        after,
        searchUserIds: search && admin.searchUsers ? await admin.searchUsers(search) : undefined,
      };
      const { sessions, total } = await manager.store.listSessionsPage(query);
      const page = sessions.slice(0, limit);
      const last = page.at(-1);
      const describe = await usersOf(admin, page);
      return json({
        sessions: page.map((session) => describe(session, auth.session.id)),
        nextCursor:
          sessions.length > limit && last
            ? encodeCursor({ value: last[filters.sort], id: last.id }, filters)
            : null,
        total,
      });
    },

    async one(auth: AuthenticatedRequest, sessionId: string | null) {
      const session = sessionId === null ? null : await manager.store.findById(sessionId);
      if (!session) return fail(404, 'NOT_FOUND', 'No such session.');
      const describe = await usersOf(admin, [session]);
      return json(describe(session, auth.session.id));
    },

    async revoke(request: Request, auth: AuthenticatedRequest, sessionId: string | null) {
      await readJsonObject(request);
      if (sessionId === null || !(await manager.endSession(sessionId, 'admin'))) {
        return fail(404, 'NOT_FOUND', 'No such session.');
      }
      // An admin who ended its own session is signed out: its browser must forget the cookie too.
      return sessionId === auth.session.id ? noContent().cookie(manager.clearCookie()) : noContent();
    },

    async revokeUser(request: Request, auth: AuthenticatedRequest, userId: string | null) {
      await readJsonObject(request);
      const freshFor = admin.freshForRevokeUserMs;
      if (freshFor !== undefined && manager.now() - auth.session.authenticatedAt > freshFor) {
        return fail(403, 'REAUTH_REQUIRED', 'Confirm your password to continue.');
      }
      if (userId === null) return json({ revokedCount: 0 });
      const revokedCount = await manager.revokeAllSessions({ userId, reason: 'admin' });
      const response = json({ revokedCount });
      return userId === auth.userId ? response.cookie(manager.clearCookie()) : response;
    },

    async stats() {
      const at = manager.now();
      return json(
        await manager.store.countSessions({ now: at, startOfDay: new Date(at).setHours(0, 0, 0, 0) }),
      );
    },
  };
}
