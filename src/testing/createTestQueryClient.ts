import { QueryClient } from '@tanstack/react-query';

/** A QueryClient for tests: no retries (a failure shows at once) and no garbage-collection timers left behind. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
}
