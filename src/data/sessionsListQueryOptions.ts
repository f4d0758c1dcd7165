import { queryOptions } from '@tanstack/react-query';
import { callProvider } from '../provider/callProvider.js';
import { normalizeSessions } from '../provider/normalizeSessions.js';
import { SessionsError } from '../provider/SessionsError.js';
import { retryTransient } from './retryTransient.js';
import type { SessionsDataContextValue } from './SessionsDataContext.js';
import {
  compareSessions,
  reviveSessionDates,
  type SessionsListData,
  shareUnchangedSessions,
} from './sessionCache.js';
import { type SessionsListFilters, sessionsKeys } from './sessionsKeys.js';

/**
 * The one place the list's key meets its fetcher: calls `listSessions`, validates the answer, reports
 * dropped entries, keeps out rows whose sign-out is on its way (their owner says which), and puts the
 * current session first.
 */
export function sessionsListQueryOptions(
  context: Pick<SessionsDataContextValue, 'dataProvider' | 'queryClient' | 'scope' | 'reportIssues'> &
    Partial<Pick<SessionsDataContextValue, 'revokes'>>,
  filters: SessionsListFilters = {},
) {
  const { dataProvider, queryClient, scope, reportIssues, revokes } = context;
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
      // A refetch that lands while a row's sign-out is on its way must not bring the row back.
      const hidden = revokes?.leavingIds() ?? new Set();
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
