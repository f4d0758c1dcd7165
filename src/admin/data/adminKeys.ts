import type { AdminSessionFilters } from '../provider/types.js';

/**
 * The admin console's cache keys, under the same `['profilekit', scope]` root as the rest: scoped
 * entries are functions of the scope, like `sessionsKeys`.
 */
export const adminKeys = {
  scope: (scope: string) => ['profilekit', scope, 'admin'] as const,
  lists: (scope: string) => ['profilekit', scope, 'admin', 'sessions'] as const,
  list: (scope: string, filters: AdminSessionFilters, pageSize: number) =>
    ['profilekit', scope, 'admin', 'sessions', { ...filters, pageSize }] as const,
  session: (scope: string, sessionId: string) =>
    ['profilekit', scope, 'admin', 'session', sessionId] as const,
  stats: (scope: string) => ['profilekit', scope, 'admin', 'stats'] as const,
  /** Every log query (any filters, the daily counts): what a revoke makes stale. */
  activity: (scope: string) => ['profilekit', scope, 'admin', 'activity'] as const,
};

/** Mutation keys, so a host can watch them (`useIsMutating`). */
export const adminMutationKeys = {
  revokeAnySession: (scope: string) => ['profilekit', scope, 'admin', 'revokeAnySession'] as const,
  revokeUserSessions: (scope: string) => ['profilekit', scope, 'admin', 'revokeUserSessions'] as const,
};
