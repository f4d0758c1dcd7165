'use client';

import { type UseRevokeManySessionsResult, useRevokeManySessions } from './useRevokeManySessions.js';

/**
 * Signs out every session, this one included. Waits for the server, then clears this user's cache and
 * calls the host's `onSignedOut({ reason: 'revoked-all' })`.
 *
 * @example
 * const revokeAll = useRevokeAllSessions();
 * revokeAll.mutate({ password });
 */
export function useRevokeAllSessions(): UseRevokeManySessionsResult {
  return useRevokeManySessions('revokeAllSessions', 'useRevokeAllSessions');
}
