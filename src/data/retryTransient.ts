import type { QueryClient } from '@tanstack/react-query';
import { isSessionsError } from '../provider/SessionsError.js';

// TanStack Query's own default, used when the host's client sets none.
const DEFAULT_RETRIES = 3;

/**
 * A query `retry` that retries only failures a retry can fix (NETWORK, UNKNOWN) and otherwise follows
 * the client's own retry setting. Re-auth, sign-out, rate limits and bad answers are shown at once:
 * retrying them would hide the re-auth prompt behind seconds of back-off.
 */
export function retryTransient(client: QueryClient) {
  return (failureCount: number, error: unknown): boolean => {
    if (isSessionsError(error) && error.code !== 'NETWORK' && error.code !== 'UNKNOWN') return false;
    const configured = client.getDefaultOptions().queries?.retry;
    if (typeof configured === 'function') return configured(failureCount, error as Error);
    if (typeof configured === 'boolean') return configured;
    return failureCount < (configured ?? DEFAULT_RETRIES);
  };
}
