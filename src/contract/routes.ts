/**
 * The contract's endpoints, relative to the base URL: one table the handler routes by and the REST adapter
 * builds its URLs from. docs/rest-contract.md, "Endpoints".
 */

export const ROUTES = {
  csrf: { method: 'GET', path: ['csrf'] },
  listSessions: { method: 'GET', path: ['sessions'] },
  policy: { method: 'GET', path: ['sessions', 'policy'] },
  events: { method: 'GET', path: ['sessions', 'events'] },
  revokeOtherSessions: { method: 'POST', path: ['sessions', 'revoke-others'] },
  revokeAllSessions: { method: 'POST', path: ['sessions', 'revoke-all'] },
  signOut: { method: 'POST', path: ['sessions', 'sign-out'] },
  reauthenticate: { method: 'POST', path: ['sessions', 'reauthenticate'] },
  revokeSession: { method: 'POST', path: ['sessions', ':id', 'revoke'] },
  listActivity: { method: 'GET', path: ['sessions', 'activity'] },
  reportNotMe: { method: 'POST', path: ['sessions', ':id', 'not-me'] },
  redeemNotMeLink: { method: 'GET', path: ['sessions', 'not-me'] },
  adminListSessions: { method: 'GET', path: ['admin', 'sessions'] },
  adminStats: { method: 'GET', path: ['admin', 'stats'] },
  adminGetSession: { method: 'GET', path: ['admin', 'sessions', ':id'] },
  adminRevokeSession: { method: 'POST', path: ['admin', 'sessions', ':id', 'revoke'] },
  adminRevokeUserSessions: { method: 'POST', path: ['admin', 'users', ':id', 'revoke-sessions'] },
  adminListActivity: { method: 'GET', path: ['admin', 'activity'] },
  adminActivityDaily: { method: 'GET', path: ['admin', 'activity', 'daily'] },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: readonly string[] }>;

export type RouteName = keyof typeof ROUTES;

/** A route's path under the base URL, its `:id` encoded: `routePath('revokeSession', id)`. */
export function routePath(name: RouteName, id?: string): string {
  return `/${ROUTES[name].path
    .map((part) => (part === ':id' ? encodeURIComponent(id ?? '') : part))
    .join('/')}`;
}

/**
 * The route a request is for, from its method and its path's segments under the base URL (still
 * encoded), with the raw `:id` segment; null when none matches. Fixed segments win over `:id`
 * (`/sessions/policy` is never "the session called policy").
 */
export function matchRoute(
  method: string,
  segments: readonly string[],
): { name: RouteName; rawId: string | undefined } | null {
  let found: { name: RouteName; rawId: string | undefined } | null = null;
  for (const [name, route] of Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][]) {
    if (route.method !== method || route.path.length !== segments.length) continue;
    let rawId: string | undefined;
    const fits = route.path.every((part, i) => {
      if (part !== ':id') return part === segments[i];
      rawId = segments[i];
      return true;
    });
    if (!fits) continue;
    if (rawId === undefined) return { name, rawId };
    found ??= { name, rawId };
  }
  return found;
}

/** Whether the first segment belongs to the contract at all (anything else under the base is 404). */
export const isContractArea = (segment: string | undefined) => segment === 'sessions' || segment === 'admin';
