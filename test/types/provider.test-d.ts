import { describe, expectTypeOf, it } from 'vitest';
import type { UseSessionsResult } from '../../src/data/useSessions.js';
import type { SessionsError } from '../../src/index.js';
import { createMemoryBackend } from '../../src/memory/createMemoryBackend.js';
import type {
  ListSessionsResult,
  RevokeManyOutcome,
  RevokeSessionParams,
  SessionsDataProvider,
} from '../../src/provider/types.js';

describe('the provider contract is checked at compile time', () => {
  it('accepts a full provider and one with a single method (revoke-all without a list)', () => {
    // `satisfies` keeps each literal's own type, so the checks below compare two different types.
    const full = {
      listSessions: async ({ signal }) => {
        signal.throwIfAborted();
        return { sessions: [{ id: 'a', createdAt: '2026-01-01T00:00:00Z' }], currentSessionId: 'a' };
      },
      revokeSession: async ({ sessionId, password }) => void [sessionId, password],
      revokeOtherSessions: async () => ({ revokedCount: 2 }),
      revokeAllSessions: async () => ({ revokedCount: 3 }),
      signOut: async () => {},
      passwordRequirements: { revokeSession: 'required' },
    } satisfies SessionsDataProvider;
    expectTypeOf(full).toExtend<SessionsDataProvider>();
    expectTypeOf({ revokeOtherSessions: async () => ({ revokedCount: 1 }) }).toExtend<SessionsDataProvider>();
    // A backend that signs the others out without counting them says so (Better Auth).
    expectTypeOf({
      revokeOtherSessions: async () => ({ revokedCount: null }),
    }).toExtend<SessionsDataProvider>();
    expectTypeOf(createMemoryBackend().providerFor('x')).toExtend<SessionsDataProvider>();
  });

  it('types each method as one params object in, a Promise out', () => {
    type Method<K extends keyof SessionsDataProvider> = NonNullable<SessionsDataProvider[K]>;
    expectTypeOf<Method<'revokeSession'>>().parameters.toEqualTypeOf<[RevokeSessionParams]>();
    expectTypeOf<Method<'listSessions'>>().returns.toEqualTypeOf<Promise<ListSessionsResult>>();
    expectTypeOf<Method<'revokeOtherSessions'>>().returns.toEqualTypeOf<Promise<RevokeManyOutcome>>();
    expectTypeOf<UseSessionsResult['error']>().toEqualTypeOf<SessionsError | null>();
  });

  it('rejects a wrong method signature', () => {
    expectTypeOf({ revokeSession: async (id: string) => void id }).not.toExtend<SessionsDataProvider>();
    expectTypeOf({ listSessions: async () => 3 }).not.toExtend<SessionsDataProvider>();
    expectTypeOf({
      revokeOtherSessions: async () => ({ revokedCount: '3' }),
    }).not.toExtend<SessionsDataProvider>();
    expectTypeOf({ revokeOtherSessions: async () => ({}) }).not.toExtend<SessionsDataProvider>();
    expectTypeOf({ signOut: () => undefined }).not.toExtend<SessionsDataProvider>();
    expectTypeOf({
      passwordRequirements: { revokeSession: 'sometimes' },
    }).not.toExtend<SessionsDataProvider>();
    const provider = (value: SessionsDataProvider) => value;
    // @ts-expect-error revokeSession takes one params object, not a bare id
    provider({ revokeSession: async (id: string) => void id });
    // @ts-expect-error a requirement is 'none' or 'required'
    provider({ passwordRequirements: { revokeSession: 'sometimes' } });
  });
});
