import { SessionsError } from './SessionsError.js';

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
