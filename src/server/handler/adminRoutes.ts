import { readActivityDailyQuery, readAdminActivityQuery, readAdminListQuery } from '../../contract/index.js';
import type { AuthenticatedRequest } from '../createSessionManager.js';
import type { StoredSession } from '../types.js';
import { pageOf } from './activityPage.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { AdminUserDescription, HandlerDeps, SessionsAdminOptions } from './handlerDeps.js';
import { badRequest, fail, json, noContent, readJsonObject, readParams } from './responses.js';
import { toWire } from './toWire.js';

/** The host's description of these users, as a lookup by id. */
async function describeUsers(admin: SessionsAdminOptions, ids: readonly string[]) {
  const described = ids.length === 0 ? {} : await admin.describeUsers(ids);
  return (id: string): AdminUserDescription | undefined =>
    described instanceof Map ? described.get(id) : (described as Record<string, AdminUserDescription>)[id];
}

async function usersOf(admin: SessionsAdminOptions, sessions: StoredSession[]) {
  const lookup = await describeUsers(admin, [...new Set(sessions.map((s) => s.userId))]);
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

  return {
    async requireAdmin(auth: AuthenticatedRequest) {
      if (!(await admin.isAdmin(auth.userId)))
        return fail(403, 'FORBIDDEN', 'Only admins can see every session.');
      return null;
    },

    async list(request: Request, auth: AuthenticatedRequest) {
      const { limit, cursor, ...filters } = readParams(() =>
        readAdminListQuery(new URL(request.url).searchParams, admin.maxPageSize),
      );
      const after = cursor ? decodeCursor(cursor, filters) : undefined;
      if (after === null) throw badRequest('The cursor is not one this server gave out for this query.');
      const { search } = filters;
      const { sessions, total } = await manager.listAllSessions({
        ...filters,
        limit: limit + 1,
        after,
        searchUserIds: search && admin.searchUsers ? await admin.searchUsers(search) : undefined,
      });
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
      const session = sessionId === null ? null : await manager.getSession(sessionId);
      if (!session) return fail(404, 'NOT_FOUND', 'No such session.');
      const describe = await usersOf(admin, [session]);
      return json(describe(session, auth.session.id));
    },

    async revoke(request: Request, auth: AuthenticatedRequest, sessionId: string | null) {
      await readJsonObject(request);
      if (
        sessionId === null ||
        !(await manager.endSession(sessionId, { cause: 'admin', byUserId: auth.userId }))
      ) {
        return fail(404, 'NOT_FOUND', 'No such session.');
      }
      // An admin who ended its own session is signed out: its browser must forget the cookie too.
      return sessionId === auth.session.id ? noContent().clearingSession(manager) : noContent();
    },

    async revokeUser(request: Request, auth: AuthenticatedRequest, userId: string | null) {
      await readJsonObject(request);
      if (userId === null)
        throw badRequest('The user id is not one (empty, too long or with control characters).');
      const freshFor = admin.freshForRevokeUserMs;
      if (freshFor !== undefined && manager.now() - auth.session.authenticatedAt > freshFor) {
        return fail(403, 'REAUTH_REQUIRED', 'Confirm your password to continue.');
      }
      const revokedCount = await manager.revokeAllSessions({ userId, cause: 'admin', byUserId: auth.userId });
      const response = json({ revokedCount });
      return userId === auth.userId ? response.clearingSession(manager) : response;
    },

    async activity(request: Request, auth: AuthenticatedRequest) {
      const { limit, cursor, ...filters } = readParams(() =>
        readAdminActivityQuery(new URL(request.url).searchParams),
      );
      const after = cursor ? decodeCursor(cursor, filters) : undefined;
      if (after === null) throw badRequest('The cursor is not one this server gave out for this query.');
      const entries = await manager.listActivity({
        ...filters,
        limit: limit + 1,
        after: after && { at: after.value, id: after.id },
      });
      const { entries: wire, nextCursor } = pageOf(entries, limit, filters, auth.session.id);
      const ids = [...new Set(entries.flatMap((e) => (e.userId === null ? [] : [e.userId])))];
      const lookup = await describeUsers(admin, ids);
      return json({
        entries: wire.map((entry, i) => {
          const userId = entries[i]?.userId ?? null;
          const user = userId === null ? undefined : lookup(userId);
          return {
            ...entry,
            user:
              userId === null ? null : { id: userId, email: user?.email ?? null, name: user?.name ?? null },
          };
        }),
        nextCursor,
      });
    },

    async activityDaily(request: Request) {
      const { days } = readParams(() => readActivityDailyQuery(new URL(request.url).searchParams));
      const counted = await manager.countSignInsByDay(days);
      const dateOf = (start: number) => {
        const day = new Date(start);
        return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
      };
      return json({
        days: counted.map(({ start, ...counts }) => ({
          date: dateOf(start),
          start: new Date(start).toISOString(),
          ...counts,
        })),
      });
    },

    async stats() {
      return json(await manager.countSessions());
    },
  };
}
