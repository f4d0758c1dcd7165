import type { SessionInput, SessionsDataProvider } from '../../src/provider/types.js';
import { createTestDataProvider } from '../../src/testing/createTestDataProvider.js';

/**
 * A provider over a mutable list, for tests that need to hold a request in flight: `revokeSession` waits
 * for `gate()` (if given) and only then changes the list, as a server would.
 */
export function createListFake(initial: SessionInput[], gate?: () => Promise<void>) {
  let sessions = [...initial];
  const provider: SessionsDataProvider = createTestDataProvider({
    listSessions: () => Promise.resolve({ sessions }),
    revokeSession: async ({ sessionId }) => {
      await gate?.();
      sessions = sessions.filter((s) => s.id !== sessionId);
    },
    revokeOtherSessions: async () => {
      await gate?.();
      const before = sessions.length;
      sessions = sessions.filter((s) => s.isCurrent);
      return { revokedCount: before - sessions.length };
    },
  });
  return {
    provider,
    ids: () => sessions.map((s) => s.id),
    remove: (id: string) => {
      sessions = sessions.filter((s) => s.id !== id);
    },
    add: (session: SessionInput) => {
      sessions = [...sessions, session];
    },
  };
}
