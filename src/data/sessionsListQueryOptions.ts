import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { callProvider } from '../provider/callProvider.js';
import { normalizeSessions } from '../provider/normalizeSessions.js';
import { SessionsError } from '../provider/SessionsError.js';
import type { RevokeSessionParams } from '../provider/types.js';
import { retryTransient } from './retryTransient.js';
import type { SessionsDataContextValue } from './SessionsDataContext.js';
import {
  compareSessions,
  reviveSessionDates,
  type SessionsListData,
  shareUnchangedSessions,
} from './sessionCache.js';
import { type SessionsListFilters, sessionsKeys, sessionsMutationKeys } from './sessionsKeys.js';

/** Ids whose revoke is still in flight: a refetch must not bring them back before the server answers. */
function pendingRevocations(client: QueryClient, scope: string): Set<string> {
  const pending = client
    .getMutationCache()
    .findAll({ mutationKey: sessionsMutationKeys.revokeSession(scope), status: 'pending' });
  return new Set(pending.map((m) => (m.state.variables as Pick<RevokeSessionParams, 'sessionId'>).sessionId));
}

/**
 * The one place the list's key meets its fetcher: calls `listSessions`, validates the answer, reports
 * dropped entries, hides rows being revoked, and puts the current session first.
 */
export function sessionsListQueryOptions(
  context: Pick<SessionsDataContextValue, 'dataProvider' | 'queryClient' | 'scope' | 'reportIssues'>,
  filters: SessionsListFilters = {},
) {
  const { dataProvider, queryClient, scope, reportIssues } = context;
  return queryOptions<SessionsListData, SessionsError>({
    queryKey: sessionsKeys.list(scope, filters),
    queryFn: async ({ signal }) => {
      const raw = await callProvider(dataProvider, 'listSessions', {
        signal,
        applicationId: filters.applicationId,
      }).catch((error: SessionsError) => {
        // NOT_FOUND speaks of one device ("already signed out"); a list that is not found is a broken
        // endpoint, and the user should read "something went wrong", not a device's fate.
        if (error.code !== 'NOT_FOUND') throw error;
        throw new SessionsError('UNKNOWN', error.message, { status: error.status, cause: error });
      });
      const { sessions, currentSessionId, issues } = normalizeSessions(raw);
      if (issues.length > 0) reportIssues(issues);
      const hidden = pendingRevocations(queryClient, scope);
      const visible = sessions.filter(
        (s) =>
          !hidden.has(s.id) &&
          // A backend that ignores the filter must not leak other applications' sessions into the list.
          (filters.applicationId === undefined ||
            s.applicationId === undefined ||
            s.applicationId === filters.applicationId),
      );
      visible.sort(compareSessions);
      return currentSessionId === undefined ? { sessions: visible } : { sessions: visible, currentSessionId };
    },
    structuralSharing: shareUnchangedSessions,
    select: reviveSessionDates,
    retry: retryTransient(queryClient),
  });
}
