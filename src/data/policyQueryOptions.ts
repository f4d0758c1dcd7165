import { queryOptions } from '@tanstack/react-query';
import { callProvider } from '../provider/callProvider.js';
import type { SessionsError } from '../provider/SessionsError.js';
import type { SessionsDataProvider, SessionsPolicy } from '../provider/types.js';
import { sessionsKeys } from './sessionsKeys.js';

/**
 * The server's advertised policy (which actions ask for the password), one per scope. Each list answer
 * carries it too and refreshes this entry, so a page with a list makes no request of its own for it.
 */
export const policyQueryOptions = (dataProvider: SessionsDataProvider, scope: string) =>
  queryOptions<SessionsPolicy, SessionsError>({
    queryKey: sessionsKeys.policy(scope),
    queryFn: ({ signal }) => callProvider(dataProvider, 'getPolicy', { signal }),
    // It changes when the host redeploys with another policy: a list refetch brings that.
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
