import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBetterAuthSessionsProvider } from '../../../src/better-auth/createBetterAuthSessionsProvider.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import type { SessionsDataProvider } from '../../../src/provider/types.js';
import { startBetterAuth } from './betterAuthHarness.js';

const list = (provider: SessionsDataProvider) =>
  provider.listSessions?.({ signal: new AbortController().signal }) ?? Promise.reject(new Error('no list'));

afterEach(() => {
  vi.useRealTimers();
});

describe('Better Auth adapter against the real better-auth library', () => {
  it('lists every device with the current one marked, and no token anywhere', async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    await ba.device('Device B');
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    const { sessions, currentSessionId } = await list(provider);
    expect(sessions.map((s) => s.userAgent).sort()).toEqual(['Device A', 'Device B']);
    expect(sessions.find((s) => s.id === currentSessionId)?.userAgent).toBe('Device A');
    const raw = await a.client.listSessions();
    const output = JSON.stringify(sessions);
    for (const s of raw.data ?? []) expect(output).not.toContain(s.token);
  });

  it("signs another device out: that device's next call is refused", async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    const b = await ba.device('Device B');
    const providerA = createBetterAuthSessionsProvider({ client: a.client });
    const providerB = createBetterAuthSessionsProvider({ client: b.client });
    const target = (await list(providerA)).sessions.find((s) => s.userAgent === 'Device B');
    await providerA.revokeSession?.({ sessionId: target?.id ?? '' });
    expect((await b.client.getSession()).data).toBeNull();
    await expect(list(providerB)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await list(providerA)).sessions).toHaveLength(1);
  });

  it('does not claim a revoke that did not happen: unknown and already-revoked ids are NOT_FOUND', async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    await ba.device('Device B');
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    // Better Auth itself answers { status: true } for a token it does not know.
    expect((await a.client.revokeSession({ token: 'no-such-token' })).data).toEqual({ status: true });
    await expect(provider.revokeSession?.({ sessionId: 'no-such-id' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const target = (await list(provider)).sessions.find((s) => s.userAgent === 'Device B');
    await provider.revokeSession?.({ sessionId: target?.id ?? '' });
    await expect(provider.revokeSession?.({ sessionId: target?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('signs out other devices with an honest count, then everywhere', async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    await ba.device('Device B');
    await ba.device('Device C');
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    await expect(provider.revokeOtherSessions?.({})).resolves.toEqual({ revokedCount: 2 });
    expect((await list(provider)).sessions.map((s) => s.userAgent)).toEqual(['Device A']);
    await expect(provider.revokeAllSessions?.({})).resolves.toEqual({ revokedCount: 1 });
    await expect(list(provider)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('maps SESSION_NOT_FRESH to REAUTH_REQUIRED, and re-authenticates with the password', async () => {
    const ba = await startBetterAuth({ freshAgeSeconds: 3600 });
    const a = await ba.device('Device A');
    const provider = createBetterAuthSessionsProvider({
      client: a.client,
      reauthenticate: async (password) => {
        const result = await a.client.signIn.email({ email: ba.credentials.email, password });
        if (result.error) throw result.error;
      },
    });
    // Two hours pass for Better Auth at once (only Date is faked: its own awaits run as usual).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 3_600_000);
    await expect(list(provider)).rejects.toMatchObject({ code: 'REAUTH_REQUIRED' });
    await expect(provider.reauthenticate?.({ password: 'wrong' })).rejects.toBeInstanceOf(SessionsError);
    await provider.reauthenticate?.({ password: ba.credentials.password });
    await expect(list(provider)).resolves.toMatchObject({ currentSessionId: expect.any(String) });
  });

  it('checks the password first when an action requires one; a wrong one revokes nothing', async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    await ba.device('Device B');
    const verifyPassword = vi.fn(async (password: string) => {
      if (password !== ba.credentials.password) throw new SessionsError('INVALID_PASSWORD');
    });
    const provider = createBetterAuthSessionsProvider({
      client: a.client,
      passwordRequirements: { revokeOtherSessions: 'required' },
      verifyPassword,
    });
    await expect(provider.revokeOtherSessions?.({ password: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    expect((await list(provider)).sessions).toHaveLength(2);
    await expect(provider.revokeOtherSessions?.({ password: ba.credentials.password })).resolves.toEqual({
      revokedCount: 1,
    });
  });

  it('refuses a password requirement it cannot check, at creation', async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    expect(() =>
      createBetterAuthSessionsProvider({
        client: a.client,
        passwordRequirements: { revokeSession: 'required' },
      }),
    ).toThrow(/verifyPassword/);
  });
});
