import type { SessionsDataProvider } from '../provider/types.js';

// Each provider object gets its own number, so two providers on one QueryClient never share cache.
const providerIds = new WeakMap<SessionsDataProvider, number>();
let nextProviderId = 1;

/**
 * The part of every cache key that says whose sessions these are. With the host's `scope` (the user's
 * id) it is that scope alone, so a server's prefetch and the browser's provider (different objects)
 * meet on one key; without it, a scope private to the provider object.
 */
export function cacheScope(dataProvider: SessionsDataProvider, userScope: string | undefined): string {
  if (userScope !== undefined) return `user:${userScope}`;
  let id = providerIds.get(dataProvider);
  if (id === undefined) {
    id = nextProviderId++;
    providerIds.set(dataProvider, id);
  }
  return `provider:${id}`;
}
