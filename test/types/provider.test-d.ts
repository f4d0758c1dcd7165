import { describe, expectTypeOf, it } from 'vitest';
import { createMemoryBackend } from '../../src/memory/createMemoryBackend.js';
import type { SessionsDataProvider } from '../../src/provider/types.js';

describe('the provider contract is checked at compile time', () => {
  it('accepts a full provider and one with a single method (seed 001)', () => {
    const full: SessionsDataProvider = {
      listSessions: async ({ signal }) => {
        signal.throwIfAborted();
        return { sessions: [{ id: 'a', createdAt: '2026-01-01T00:00:00Z' }], currentSessionId: 'a' };
      },
      revokeSession: async ({ sessionId, password }) => void [sessionId, password],
      revokeOtherSessions: async () => ({ revokedCount: 2 }),
      revokeAllSessions: async () => ({ revokedCount: 3 }),
      signOut: async () => {},
      passwordRequirements: { revokeSession: 'required' },
    };
    const onlyRevokeOthers: SessionsDataProvider = { revokeOtherSessions: async () => ({ revokedCount: 1 }) };
    expectTypeOf(full).toExtend<SessionsDataProvider>();
    expectTypeOf(onlyRevokeOthers).toExtend<SessionsDataProvider>();
    expectTypeOf(createMemoryBackend().providerFor('x')).toExtend<SessionsDataProvider>();
  });

  it('rejects a wrong method signature', () => {
    const revokeById: SessionsDataProvider = {
      // @ts-expect-error revokeSession takes one params object, not a bare id
      revokeSession: async (id: string) => void id,
    };
    const listReturnsNumber: SessionsDataProvider = {
      // @ts-expect-error listSessions resolves with { sessions }, not a number
      listSessions: async () => 3,
    };
    const countAsString: SessionsDataProvider = {
      // @ts-expect-error revokedCount is a number
      revokeOtherSessions: async () => ({ revokedCount: '3' }),
    };
    const notAPromise: SessionsDataProvider = {
      // @ts-expect-error every method returns a Promise
      signOut: () => undefined,
    };
    const wrongRequirement: SessionsDataProvider = {
      // @ts-expect-error a requirement is 'none' or 'required'
      passwordRequirements: { revokeSession: 'sometimes' },
    };
    expectTypeOf([revokeById, listReturnsNumber, countAsString, notAPromise, wrongRequirement]).not.toBeAny();
  });
});
