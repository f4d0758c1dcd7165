import { SessionsError } from './SessionsError.js';
import type { RevokeManyOutcome } from './types.js';

/** A count a backend reported: a whole, non-negative number. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Checks the `{ revokedCount }` a provider resolved with: the UI says "Signed out of N devices", so N must
 * be real. INVALID_RESPONSE otherwise.
 */
export function readRevokedCount(result: unknown, method: string): { revokedCount: number } {
  const count = (result as { revokedCount?: unknown } | null | undefined)?.revokedCount;
  if (!isCount(count)) {
    throw new SessionsError('INVALID_RESPONSE', `${method} did not report how many sessions it signed out.`);
  }
  return { revokedCount: count };
}

/**
 * The same for signing out the user's own devices, where a backend that cannot count says so with
 * `null` (`RevokeManyOutcome`). A provider that left the count out is still a bug, not such a backend.
 */
export function readRevokeManyOutcome(result: unknown, method: string): RevokeManyOutcome {
  const said = (result as { revokedCount?: unknown } | null | undefined)?.revokedCount;
  return said === null ? { revokedCount: null } : readRevokedCount(result, method);
}
