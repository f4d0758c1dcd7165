/**
 * Issue 22: a Better Auth host with its default `freshAge` (a day) and a session older than that. Better
 * Auth fresh-gates list-sessions only; its revoke endpoints want a live session, nothing more. Time moves
 * on a controllable clock (only Date is faked: Better Auth's own awaits run as usual).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBetterAuthSessionsProvider } from '../../../src/better-auth/createBetterAuthSessionsProvider.js';
import type { SessionsDataProvider } from '../../../src/provider/types.js';
import { DEFAULT_FRESH_AGE_MS, startBetterAuth } from './betterAuthHarness.js';

const list = (provider: SessionsDataProvider) =>
  provider.listSessions?.({ signal: new AbortController().signal }) ?? Promise.reject(new Error('no list'));

/** Three devices of one user signed in, then two days pass: device A's session is stale. */
async function twoDaysLater(options: { twoFactor?: boolean } = {}) {
  const ba = await startBetterAuth(options);
  const a = await ba.device('Device A');
  const b = await ba.device('Device B');
  const c = await ba.device('Device C');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 2 * DEFAULT_FRESH_AGE_MS);
  return { ba, a, b, c };
}

const userAgents = async (ba: Awaited<ReturnType<typeof startBetterAuth>>) =>
  (await ba.sessionsOf()).map((s) => s.userAgent).sort();

afterEach(() => {
  vi.useRealTimers();
});

describe('a Better Auth session older than its default freshAge', () => {
  it('cannot list, so the page asks to confirm, but "Sign out other devices" works: they are out, this one stays', async () => {
    const { ba, a, b, c } = await twoDaysLater();
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    await expect(list(provider)).rejects.toMatchObject({ code: 'REAUTH_REQUIRED' });

    await expect(provider.revokeOtherSessions?.({})).resolves.toEqual({ revokedCount: null });
    expect((await b.client.getSession()).data).toBeNull();
    expect((await c.client.getSession()).data).toBeNull();
    expect((await a.client.getSession()).data).not.toBeNull();
    expect(await userAgents(ba)).toEqual(['Device A']);
  });

  it('"Sign out everywhere" works: every device, this one included, is signed out', async () => {
    const { ba, a, b } = await twoDaysLater();
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    await expect(provider.revokeAllSessions?.({})).resolves.toEqual({ revokedCount: null });
    expect((await a.client.getSession()).data).toBeNull();
    expect((await b.client.getSession()).data).toBeNull();
    expect(await ba.sessionsOf()).toEqual([]);
  });

  it('signs out a device it listed while the session was fresh, and a required password still works', async () => {
    const ba = await startBetterAuth();
    const a = await ba.device('Device A');
    const b = await ba.device('Device B');
    const provider = createBetterAuthSessionsProvider({
      client: a.client,
      passwordRequirements: { revokeSession: 'required' },
    });
    const phone = (await list(provider)).sessions.find((s) => s.userAgent === 'Device B');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * DEFAULT_FRESH_AGE_MS);

    await expect(
      provider.revokeSession?.({ sessionId: phone?.id ?? '', password: 'wrong' }),
    ).rejects.toMatchObject({ code: 'INVALID_PASSWORD' });
    expect((await b.client.getSession()).data).not.toBeNull();
    await provider.revokeSession?.({ sessionId: phone?.id ?? '', password: ba.credentials.password });
    expect((await b.client.getSession()).data).toBeNull();
    expect(await userAgents(ba)).toEqual(['Device A']);
  });

  it('confirms the password with Better Auth by default: a wrong one is reported as such and signs nothing in', async () => {
    const { ba, a } = await twoDaysLater();
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    await expect(provider.reauthenticate?.({ password: 'not my password' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    expect(await userAgents(ba)).toEqual(['Device A', 'Device B', 'Device C']);
    // Still signed in, still asked to confirm.
    await expect(list(provider)).rejects.toMatchObject({ code: 'REAUTH_REQUIRED' });
  });

  it('the right password lists again: the same devices, this one marked, and no extra session', async () => {
    const { ba, a, b } = await twoDaysLater();
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    await provider.reauthenticate?.({ password: ba.credentials.password });

    const { sessions, currentSessionId } = await list(provider);
    expect(sessions.map((s) => s.userAgent).sort()).toEqual(['Device A', 'Device B', 'Device C']);
    expect(sessions.find((s) => s.id === currentSessionId)?.userAgent).toBe('Device A');
    expect(await userAgents(ba)).toEqual(['Device A', 'Device B', 'Device C']);
    // The other devices are untouched, and this one can sign them out with the exact list in hand.
    expect((await b.client.getSession()).data).not.toBeNull();
    const target = sessions.find((s) => s.userAgent === 'Device B');
    await provider.revokeSession?.({ sessionId: target?.id ?? '' });
    expect((await b.client.getSession()).data).toBeNull();
  });

  it("a host's own reauthenticate passing Better Auth's answer through gets the same: the wrong password reported, no extra session", async () => {
    const { ba, a } = await twoDaysLater();
    const provider = createBetterAuthSessionsProvider({
      client: a.client,
      // The typings' old example, as a host wrote it: the failure is resolved, not thrown.
      reauthenticate: (password) => a.client.signIn.email({ email: ba.credentials.email, password }),
    });
    await expect(provider.reauthenticate?.({ password: 'wrong' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    await provider.reauthenticate?.({ password: ba.credentials.password });
    await provider.reauthenticate?.({ password: ba.credentials.password });
    expect((await list(provider)).sessions).toHaveLength(3);
    expect(await userAgents(ba)).toEqual(['Device A', 'Device B', 'Device C']);
  });

  it('an account without a password: the prompt says no password can be checked and names what to pass', async () => {
    const { ba, a } = await twoDaysLater();
    await ba.removePassword();
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    const refused = provider.reauthenticate?.({ password: 'anything' });
    await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(refused).rejects.toThrow(/no password.*reauthenticate.*onReauthRequired/);
    expect((await a.client.getSession()).data).not.toBeNull();
    expect(await ba.sessionsOf()).toHaveLength(3);
  });

  it('a two-factor account: refused before any sign-in, so this device stays signed in', async () => {
    const { ba, a } = await twoDaysLater({ twoFactor: true });
    await ba.enableTwoFactor();
    const provider = createBetterAuthSessionsProvider({ client: a.client });
    const refused = provider.reauthenticate?.({ password: ba.credentials.password });
    await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(refused).rejects.toThrow(/second factor.*reauthenticate/);
    expect((await a.client.getSession()).data).not.toBeNull();
    expect(await ba.sessionsOf()).toHaveLength(3);
  });

  it('with reauthenticate: false the provider asks no password and leaves the prompt to the host', async () => {
    const { a } = await twoDaysLater();
    const provider = createBetterAuthSessionsProvider({ client: a.client, reauthenticate: false });
    expect(provider.reauthenticate).toBeUndefined();
    await expect(provider.revokeOtherSessions?.({})).resolves.toEqual({ revokedCount: null });
  });
});
