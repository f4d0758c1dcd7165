import type {
  AdminSessionsDataProvider,
  ListAllSessionsResult,
  SessionStats,
} from '../admin/provider/types.js';
import { SessionsError } from '../provider/SessionsError.js';
import { createRestTransport, type RestSessionsProviderOptions, readRevokedCount } from './restTransport.js';

/**
 * The admin half of the HTTP contract (docs/rest-contract.md, "Admin"): every user's sessions paged by
 * cursor, one session, revoke any session, revoke a user's sessions, and stats. The server answers
 * 403 FORBIDDEN to anyone who is not an admin.
 */
export function createRestAdminSessionsProvider(
  options: RestSessionsProviderOptions,
): AdminSessionsDataProvider {
  const { request, json } = createRestTransport(options);
  return {
    listAllSessions: async ({ signal, cursor, limit, search, userId, applicationId, status, sort }) => {
      const query = new URLSearchParams({ limit: String(limit) });
      for (const [key, value] of Object.entries({ cursor, search, userId, applicationId, status })) {
        if (value) query.set(key, value);
      }
      if (sort) {
        query.set('sort', sort.field);
        query.set('direction', sort.direction);
      }
      const body = (await json(
        await request('GET', `/admin/sessions?${query}`, undefined, signal),
      )) as Partial<ListAllSessionsResult>;
      if (!Array.isArray(body?.sessions) || typeof body.total !== 'number') {
        throw new SessionsError(
          'INVALID_RESPONSE',
          'Expected { sessions, nextCursor, total } from the server.',
        );
      }
      return body as ListAllSessionsResult;
    },
    getSession: async ({ sessionId, signal }) =>
      (await json(
        await request('GET', `/admin/sessions/${encodeURIComponent(sessionId)}`, undefined, signal),
      )) as never,
    revokeSession: async ({ sessionId }) => {
      await request('POST', `/admin/sessions/${encodeURIComponent(sessionId)}/revoke`, {});
    },
    revokeUserSessions: async ({ userId }) =>
      readRevokedCount(
        await json(await request('POST', `/admin/users/${encodeURIComponent(userId)}/revoke-sessions`, {})),
      ),
    getSessionStats: async ({ signal } = {}) =>
      (await json(await request('GET', '/admin/stats', undefined, signal))) as SessionStats,
  };
}
