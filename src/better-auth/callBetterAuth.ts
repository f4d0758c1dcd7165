import { SessionsError } from '../provider/SessionsError.js';
import { toSessionsError } from '../provider/toSessionsError.js';

/** What every Better Auth client call resolves with. */
export interface BetterAuthResult<T> {
  data: T | null;
  error: { status?: number; statusText?: string; code?: string; message?: string } | null;
}

/**
 * Unwraps `{ data, error }`: an error becomes a SessionsError (SESSION_NOT_FRESH → REAUTH_REQUIRED), and
 * missing data is `whenEmpty` (INVALID_RESPONSE unless the call says otherwise).
 */
export async function callBetterAuth<T>(
  pending: Promise<BetterAuthResult<T>>,
  whenEmpty: SessionsError = new SessionsError('INVALID_RESPONSE', 'Better Auth answered without data.'),
): Promise<NonNullable<T>> {
  let result: BetterAuthResult<T>;
  try {
    result = await pending;
  } catch (thrown) {
    throw toSessionsError(thrown);
  }
  if (result.error) throw toSessionsError({ error: result.error, status: result.error.status });
  if (result.data === null || result.data === undefined) throw whenEmpty;
  return result.data;
}
