import type { QueryKey } from '@tanstack/react-query';

/** Filters that select one sessions list. */
export interface SessionsListFilters {
  applicationId?: string;
}

/**
 * Every cache key the kit uses, general to specific. The second element is the instance scope (which
 * provider, which user), so two kits or two users on one QueryClient never share an entry, and
 * `sessionsKeys.scope(scope)` clears everything of one signed-in user at once.
 */
export const sessionsKeys = {
  all: ['profilekit'] as const,
  scope: (scope: string) => ['profilekit', scope] as const,
  lists: (scope: string) => ['profilekit', scope, 'sessions', 'list'] as const,
  list: (scope: string, filters: SessionsListFilters) =>
    ['profilekit', scope, 'sessions', 'list', { applicationId: filters.applicationId }] as const,
  policy: (scope: string) => ['profilekit', scope, 'sessions', 'policy'] as const,
};

/** Mutation keys, so a host can watch them (`useIsMutating`) and tests can find them in the cache. */
export const sessionsMutationKeys = {
  revokeSession: (scope: string) => ['profilekit', scope, 'revokeSession'] as const,
  revokeOtherSessions: (scope: string) => ['profilekit', scope, 'revokeOtherSessions'] as const,
  revokeAllSessions: (scope: string) => ['profilekit', scope, 'revokeAllSessions'] as const,
  signOut: (scope: string) => ['profilekit', scope, 'signOut'] as const,
  reauthenticate: (scope: string) => ['profilekit', scope, 'reauthenticate'] as const,
};

/** Whether a cache key is one of the kit's for this scope: the one place a key is read back. */
export function isScopeKey(key: QueryKey | undefined, scope: string): boolean {
  const [root, ownScope] = sessionsKeys.scope(scope);
  return key?.[0] === root && key[1] === ownScope;
}
