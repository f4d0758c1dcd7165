import { queryOptions } from '@tanstack/react-query';
import { callProvider } from '../provider/callProvider.js';
import { normalizeSessions } from '../provider/normalizeSessions.js';
import { SessionsError } from '../provider/SessionsError.js';
import type { SessionsPolicy } from '../provider/types.js';
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
 * dropped entries, keeps the server's policy, and puts the current session first. The cache holds what
 * the server said; rows whose sign-out is on its way are hidden by the readers (`useSessions`).
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
      // The answer carries the server's policy: the kit asks for a password exactly where the server will.
      // Read as it came, like getPolicy's answer: getCapabilities reads either defensively.
      const policy = (raw as { policy?: SessionsPolicy } | null)?.policy;
      if (policy) queryClient.setQueryData(sessionsKeys.policy(scope), policy);
      const { sessions, currentSessionId, issues } = normalizeSessions(raw);
      if (issues.length > 0) reportIssues(issues);
      const visible = sessions.filter(
        (s) =>
          // A backend that ignores the filter must not leak other applications' sessions into the list.
          filters.applicationId === undefined ||
          s.applicationId === undefined ||
          s.applicationId === filters.applicationId,
      );
      visible.sort(compareSessions);
      return currentSessionId === undefined ? { sessions: visible } : { sessions: visible, currentSessionId };
    },
    structuralSharing: shareUnchangedSessions,
    select: reviveSessionDates,
    retry: retryTransient(queryClient),
  });
}
