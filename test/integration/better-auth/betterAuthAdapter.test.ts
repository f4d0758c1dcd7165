import { describe, expect, it } from 'vitest';
import { createBetterAuthSessionsProvider } from '../../../src/better-auth/createBetterAuthSessionsProvider.js';
import type { SessionsDataProvider } from '../../../src/provider/types.js';
import { startBetterAuth } from './betterAuthHarness.js';

const list = (provider: SessionsDataProvider) =>
  provider.listSessions?.({ signal: new AbortController().signal }) ?? Promise.reject(new Error('no list'));

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

  it('signs out other devices without claiming a count Better Auth does not give, then everywhere', async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    const b = await ba.device('Device B');
    await ba.device('Device C');
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    await expect(provider.revokeOtherSessions?.({})).resolves.toEqual({ revokedCount: null });
    expect((await list(provider)).sessions.map((s) => s.userAgent)).toEqual(['Device A']);
    expect((await b.client.getSession()).data).toBeNull();
    await expect(provider.revokeAllSessions?.({})).resolves.toEqual({ revokedCount: null });
    await expect(list(provider)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await ba.sessionsOf()).toEqual([]);
  });

  it("checks a required password with Better Auth's own check: a wrong one revokes nothing and signs nobody in", async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    const b = await ba.device('Device B');
    const provider = createBetterAuthSessionsProvider({
      client: a.client,
      passwordRequirements: { revokeOtherSessions: 'required' },
    });
    expect(provider.passwordRequirements).toEqual({ revokeOtherSessions: 'required' });
    await expect(provider.revokeOtherSessions?.({ password: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    await expect(provider.revokeOtherSessions?.({})).rejects.toMatchObject({ code: 'INVALID_PASSWORD' });
    expect((await b.client.getSession()).data).not.toBeNull();
    expect(await ba.sessionsOf()).toHaveLength(2);

    await expect(provider.revokeOtherSessions?.({ password: ba.credentials.password })).resolves.toEqual({
      revokedCount: null,
    });
    expect((await b.client.getSession()).data).toBeNull();
    expect((await ba.sessionsOf()).map((s) => s.userAgent)).toEqual(['Device A']);
  });
});
