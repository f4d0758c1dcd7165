'use client';

import { type UseRevokeManySessionsResult, useRevokeManySessions } from './useRevokeManySessions.js';

/**
 * Signs out every session but this one (Laravel's `logoutOtherDevices`). Waits for the server — no
 * optimistic removal — then keeps only the current row and reports `revokedCount`.
 *
 * @example
 * const revokeOthers = useRevokeOtherSessions();
 * revokeOthers.mutate({ password }, { onSuccess: ({ revokedCount }) => toast(`Signed out of ${revokedCount}`) });
 */
export function useRevokeOtherSessions(): UseRevokeManySessionsResult {
  return useRevokeManySessions('revokeOtherSessions', 'useRevokeOtherSessions');
}
