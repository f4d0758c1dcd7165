import type {
  ActivityDailyResult,
  AdminSessionInput,
  AdminSessionSortField,
  AdminSessionsDataProvider,
  ListAllActivityParams,
  ListAllActivityResult,
  ListAllSessionsParams,
  ListAllSessionsResult,
  SessionStats,
} from '../admin/provider/types.js';
import { routePath } from '../contract/routes.js';
import { readRevokedCount } from '../provider/readCount.js';
import { SessionsError } from '../provider/SessionsError.js';
import { withParsedDevice, withParsedDevices } from '../userAgent/withParsedDevices.js';
import {
  idHint,
  optionalPositiveInteger,
  optionalSignal,
  optionalString,
  readParams,
  requireId,
  requireListField,
} from './restParams.js';
import { createRestTransport, type RestSessionsProviderOptions } from './restTransport.js';

/**
 * What `createRestAdminSessionsProvider` returns: every admin method present; `limit` and `signal` may
 * be left out (the server's page size, no cancellation).
 */
export interface RestAdminSessionsProvider extends AdminSessionsDataProvider {
  listAllSessions: (
    params?: Partial<Omit<ListAllSessionsParams, 'sort'>> & {
      sort?: { field: AdminSessionSortField; direction?: 'asc' | 'desc' };
    },
  ) => Promise<ListAllSessionsResult>;
  getSession: (params: { sessionId: string; signal?: AbortSignal }) => Promise<AdminSessionInput>;
  revokeAnySession: (params: { sessionId: string }) => Promise<void>;
  revokeUserSessions: (params: { userId: string }) => Promise<{ revokedCount: number }>;
  getSessionStats: (params?: { signal?: AbortSignal }) => Promise<SessionStats>;
  listAllActivity: (params?: Partial<ListAllActivityParams>) => Promise<ListAllActivityResult>;
  getActivityDaily: (params?: { signal?: AbortSignal; days?: number }) => Promise<ActivityDailyResult>;
}

const FACTORY = 'createRestAdminSessionsProvider';
const LIST_ALL = '{ signal?, limit?, cursor?, search?, userId?, applicationId?, status?, sort? }';
const GET = '{ sessionId, signal? }';
const REVOKE = '{ sessionId }';
const REVOKE_USER = '{ userId }';
const STATS = '{ signal? }';
const ACTIVITY = '{ signal?, limit?, cursor?, userId?, kinds?, from?, to? }';
const DAILY = '{ signal?, days? }';
const SORT = 'sort as { field, direction? }';
// The list's string filters, sent under the same names; one left out (or empty) is not sent at all.
const LIST_FILTERS = ['cursor', 'search', 'userId', 'applicationId', 'status'] as const;

/**
 * The admin half of the HTTP contract (docs/rest-contract.md, "Admin"): every user's sessions paged by
 * cursor, one session, revoke any session, revoke a user's sessions, and stats. The server answers
 * 403 FORBIDDEN to anyone who is not an admin. One session and the stats are checked where they are
 * read (the admin hooks); the adapter checks the list's envelope.
 */
export function createRestAdminSessionsProvider(
  options: RestSessionsProviderOptions,
): RestAdminSessionsProvider {
  const { request, requestJson } = createRestTransport(FACTORY, options);
  return {
    listAllSessions: async (params) => {
      const p = readParams('listAllSessions', LIST_ALL, params, { optional: true });
      const signal = optionalSignal('listAllSessions', LIST_ALL, p);
      const query = new URLSearchParams();
      const limit = optionalPositiveInteger('listAllSessions', LIST_ALL, p, 'limit');
      if (limit !== undefined) query.set('limit', String(limit));
      for (const key of LIST_FILTERS) {
        const value = optionalString('listAllSessions', LIST_ALL, p, key);
        if (value !== undefined) query.set(key, value);
      }
      if (p.sort !== undefined && p.sort !== null) {
        const sort = readParams('listAllSessions', SORT, p.sort, {
          hint: (value) =>
            typeof value === 'string'
              ? `listAllSessions({ sort: { field: '${value}', direction: 'desc' } })`
              : undefined,
        });
        const field = optionalString('listAllSessions', SORT, sort, 'field');
        const direction = optionalString('listAllSessions', SORT, sort, 'direction');
        if (field !== undefined) query.set('sort', field);
        if (direction !== undefined) query.set('direction', direction);
      }
      // Not `query.size`: Safari before 17 has no such property, and the filters would vanish.
      const search = query.toString() === '' ? '' : `?${query}`;
      const body = (await requestJson(
        'GET',
        `${routePath('adminListSessions')}${search}`,
        undefined,
        signal,
      )) as Partial<Record<keyof ListAllSessionsResult, unknown>> | null;
      if (!Array.isArray(body?.sessions) || typeof body.total !== 'number') {
        throw new SessionsError(
          'INVALID_RESPONSE',
          'GET /admin/sessions did not answer { sessions: [...], nextCursor, total }.',
        );
      }
      return withParsedDevices(body as ListAllSessionsResult);
    },

    getSession: async (params) => {
      const p = readParams('getSession', GET, params, { hint: idHint('getSession', 'sessionId') });
      const sessionId = requireId('getSession', GET, p, 'sessionId');
      const signal = optionalSignal('getSession', GET, p);
      return withParsedDevice(
        (await requestJson(
          'GET',
          routePath('adminGetSession', sessionId),
          undefined,
          signal,
        )) as AdminSessionInput,
      );
    },

    revokeAnySession: async (params) => {
      const p = readParams('revokeAnySession', REVOKE, params, {
        hint: idHint('revokeAnySession', 'sessionId'),
      });
      const sessionId = requireId('revokeAnySession', REVOKE, p, 'sessionId');
      await request('POST', routePath('adminRevokeSession', sessionId), {});
    },

    revokeUserSessions: async (params) => {
      const p = readParams('revokeUserSessions', REVOKE_USER, params, {
        hint: idHint('revokeUserSessions', 'userId'),
      });
      const userId = requireId('revokeUserSessions', REVOKE_USER, p, 'userId');
      const path = routePath('adminRevokeUserSessions', userId);
      return readRevokedCount(await requestJson('POST', path, {}), `POST ${path}`);
    },

    listAllActivity: async (params) => {
      const p = readParams('listAllActivity', ACTIVITY, params, { optional: true });
      const signal = optionalSignal('listAllActivity', ACTIVITY, p);
      const query = new URLSearchParams();
      for (const key of ['limit', 'from', 'to'] as const) {
        const value = optionalPositiveInteger('listAllActivity', ACTIVITY, p, key);
        if (value !== undefined) query.set(key, String(value));
      }
      for (const key of ['cursor', 'userId'] as const) {
        const value = optionalString('listAllActivity', ACTIVITY, p, key);
        if (value !== undefined) query.set(key, value);
      }
      const kinds = (p as { kinds?: unknown }).kinds;
      if (Array.isArray(kinds) && kinds.length > 0) query.set('kind', kinds.map(String).join(','));
      const path = `${routePath('adminListActivity')}${query.size ? `?${query}` : ''}`;
      const body = await requestJson('GET', path, undefined, signal);
      return requireListField<ListAllActivityResult>(body, 'entries', `GET ${path}`);
    },

    getActivityDaily: async (params) => {
      const p = readParams('getActivityDaily', DAILY, params, { optional: true });
      const signal = optionalSignal('getActivityDaily', DAILY, p);
      const days = optionalPositiveInteger('getActivityDaily', DAILY, p, 'days');
      const path = `${routePath('adminActivityDaily')}${days === undefined ? '' : `?days=${days}`}`;
      const body = await requestJson('GET', path, undefined, signal);
      return requireListField<ActivityDailyResult>(body, 'days', `GET ${path}`);
    },

    getSessionStats: async (params) => {
      const p = readParams('getSessionStats', STATS, params, { optional: true });
      const signal = optionalSignal('getSessionStats', STATS, p);
      return (await requestJson('GET', routePath('adminStats'), undefined, signal)) as SessionStats;
    },
  };
}
