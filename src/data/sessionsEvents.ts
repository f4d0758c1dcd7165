import type { SessionsError } from '../provider/SessionsError.js';
import type { Session } from '../provider/types.js';

/**
 * What the user's actions did, said once by the mutation that did it (heard even when the row that
 * started it is gone): the live region announces it, the app's other tabs follow it.
 */
export type SessionsEvent =
  | { type: 'sessionRevoked'; sessionId: string; session?: Session }
  | {
      type: 'sessionRevokeFailed';
      sessionId: string;
      session?: Session;
      error: SessionsError;
      /** The attempt carried a password: its dialog shows the failure itself. */
      withPassword: boolean;
    }
  /** `revokedCount` is null when the backend did not say how many (`RevokeManyOutcome`). */
  | { type: 'otherSessionsRevoked'; revokedCount: number | null }
  | { type: 'allSessionsRevoked'; revokedCount: number | null }
  | { type: 'signedOut' };
