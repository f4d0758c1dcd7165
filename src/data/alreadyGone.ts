import { isSessionsError } from '../provider/SessionsError.js';

/**
 * Runs a call that ends a session. A session the server no longer knows (NOT_FOUND) is already gone,
 * which is what was asked: that is a success, not an error. Shared by the user's and the admin's revoke.
 */
export async function endSession(call: () => Promise<unknown>): Promise<{ alreadyRevoked: boolean }> {
  try {
    await call();
    return { alreadyRevoked: false };
  } catch (error) {
    if (isSessionsError(error) && error.code === 'NOT_FOUND') return { alreadyRevoked: true };
    throw error;
  }
}
