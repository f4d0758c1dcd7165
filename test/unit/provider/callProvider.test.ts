import { describe, expect, it, vi } from 'vitest';
import { callProvider } from '../../../src/provider/callProvider.js';
import { getCapabilities } from '../../../src/provider/getCapabilities.js';
import type { SessionsDataProvider } from '../../../src/provider/types.js';
import { createTestDataProvider } from '../../../src/testing/createTestDataProvider.js';

describe('callProvider', () => {
  it('reports a method that throws instead of rejecting, by name', async () => {
    const provider: SessionsDataProvider = {
      revokeSession: () => {
        throw new Error('boom');
      },
    };
    await expect(callProvider(provider, 'revokeSession', { sessionId: 'x' })).rejects.toMatchObject({
      code: 'UNKNOWN',
      message: expect.stringContaining(
        'dataProvider.revokeSession threw instead of returning a rejected Promise',
      ),
    });
  });

  it('maps a rejection to a SessionsError and passes the params through', async () => {
    const revokeSession = vi.fn((_params: { sessionId: string; password?: string }) =>
      Promise.reject({ status: 401 }),
    );
    const provider: SessionsDataProvider = { revokeSession };
    await expect(
      callProvider(provider, 'revokeSession', { sessionId: 'x', password: 'p' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(revokeSession).toHaveBeenCalledWith({ sessionId: 'x', password: 'p' });
  });

  it('names a missing method', async () => {
    const empty: SessionsDataProvider = {};
    await expect(callProvider(empty, 'signOut')).rejects.toMatchObject({
      message: 'The dataProvider has no signOut method.',
    });
  });
});

describe('getCapabilities', () => {
  it('derives what the UI offers from which methods exist and what asks for a password', () => {
    const caps = getCapabilities({
      revokeOtherSessions: vi.fn(),
      listActivity: vi.fn(),
      passwordRequirements: { revokeOtherSessions: 'required', revokeSession: 'sometimes' as never },
    });
    expect(caps).toEqual({
      canList: false,
      canRevokeSession: false,
      canRevokeOtherSessions: true,
      canRevokeAllSessions: false,
      canSignOut: false,
      canReauthenticate: false,
      canSubscribe: false,
      canListActivity: true,
      password: { revokeSession: 'none', revokeOtherSessions: 'required', revokeAllSessions: 'none' },
    });
  });
});

describe('createTestDataProvider', () => {
  it('uses the methods given and rejects the others with a text naming them', async () => {
    const provider = createTestDataProvider({ signOut: () => Promise.resolve() });
    await expect(provider.signOut?.()).resolves.toBeUndefined();
    await expect(provider.revokeAllSessions?.({})).rejects.toThrow(
      'createTestDataProvider: revokeAllSessions was called but the test did not provide it.',
    );
  });
});
