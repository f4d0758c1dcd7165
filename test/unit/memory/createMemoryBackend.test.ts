import { describe, expect, it, vi } from 'vitest';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { createDemoBackend } from '../../../src/memory/demoBackend.js';

const signal = () => new AbortController().signal;

function twoUsers(options: Parameters<typeof createMemoryBackend>[0] = {}) {
  const backend = createMemoryBackend({
    ...options,
    users: [
      { id: 'ana', email: 'ana@example.com', password: 'pw-ana' },
      { id: 'bob', email: 'bob@example.com', password: 'pw-bob' },
    ],
    sessions: [
      { id: 'ana-mac', user: 'ana', applicationId: 'web' },
      { id: 'ana-phone', user: 'ana', applicationId: 'mobile' },
      { id: 'ana-old', user: 'ana', expiresAt: Date.now() - 1000 },
      { id: 'bob-pc', user: 'bob@example.com' },
    ],
  });
  return { backend, ana: backend.providerFor('ana-mac'), bob: backend.providerFor('bob-pc') };
}

describe('the memory backend behaves like a server', () => {
  it("lists only the caller's live sessions, as JSON would carry them, with no token", async () => {
    const { ana } = twoUsers();
    const { sessions, currentSessionId } = (await ana.listSessions?.({ signal: signal() })) ?? {
      sessions: [],
    };
    expect(sessions.map((s) => s.id).sort()).toEqual(['ana-mac', 'ana-phone']);
    expect(currentSessionId).toBe('ana-mac');
    expect(typeof sessions[0]?.createdAt).toBe('string');
    // It is the real handler: the user's own list carries no token and no token preview (admins only).
    expect(JSON.stringify(sessions)).not.toMatch(/pk_session|tokenPreview/);
  });

  it("treats another user's session as unknown and leaves it alone", async () => {
    const { ana, backend } = twoUsers();
    await expect(ana.revokeSession?.({ sessionId: 'bob-pc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(backend.sessionsOf('bob')).toHaveLength(1);
  });

  it('refuses every call of a revoked session, at once', async () => {
    const { ana, bob, backend } = twoUsers();
    await ana.revokeSession?.({ sessionId: 'ana-phone' });
    const phone = backend.providerFor('ana-phone');
    await expect(phone.listSessions?.({ signal: signal() })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(phone.revokeOtherSessions?.({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(bob.listSessions?.({ signal: signal() })).resolves.toBeDefined();
  });

  it('counts what revoke-others and revoke-all end, and filters by application', async () => {
    const { ana, backend } = twoUsers();
    backend.addSession({ id: 'ana-tablet', user: 'ana', applicationId: 'mobile' });
    await expect(ana.revokeOtherSessions?.({ applicationId: 'mobile' })).resolves.toEqual({
      revokedCount: 2,
    });
    expect(backend.sessionsOf('ana').map((s) => s.id)).toEqual(['ana-mac']);
    await expect(ana.revokeAllSessions?.({})).resolves.toEqual({ revokedCount: 1 });
    await expect(ana.listSessions?.({ signal: signal() })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('checks the password where required, and rate-limits wrong ones', async () => {
    const { ana, backend } = twoUsers({
      passwordRequirements: { revokeSession: 'required' },
      maxPasswordAttempts: 3,
    });
    await expect(ana.revokeSession?.({ sessionId: 'ana-phone' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    await expect(ana.revokeSession?.({ sessionId: 'ana-phone', password: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    expect(backend.sessionsOf('ana')).toHaveLength(2);
    await expect(ana.revokeSession?.({ sessionId: 'ana-phone', password: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    await expect(ana.revokeSession?.({ sessionId: 'ana-phone', password: 'pw-ana' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 60,
    });
  });

  it('fails exactly the next N calls of a method with the injected fault, then recovers', async () => {
    const { ana, backend } = twoUsers();
    backend.failNext('listSessions', { code: 'RATE_LIMITED', retryAfter: 30 }, 2);
    await expect(ana.listSessions?.({ signal: signal() })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 30,
    });
    await expect(ana.listSessions?.({ signal: signal() })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(ana.listSessions?.({ signal: signal() })).resolves.toBeDefined();
  });

  it('asks for a fresh login until the right password confirms it', async () => {
    const { ana, backend } = twoUsers();
    backend.requireReauth('ana-mac');
    await expect(ana.listSessions?.({ signal: signal() })).rejects.toMatchObject({ code: 'REAUTH_REQUIRED' });
    await expect(ana.reauthenticate?.({ password: 'no' })).rejects.toMatchObject({
      code: 'INVALID_PASSWORD',
    });
    await ana.reauthenticate?.({ password: 'pw-ana' });
    await expect(ana.listSessions?.({ signal: signal() })).resolves.toBeDefined();
  });

  it('waits its latency, and an abort stops the wait', async () => {
    vi.useFakeTimers();
    try {
      const { ana } = twoUsers({ latency: 1000 });
      const controller = new AbortController();
      const pending = ana.listSessions?.({ signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('records activity with its clock, signs devices in with a checked password, and notifies listeners', async () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const backend = createMemoryBackend({
      now: () => now,
      users: [{ id: 'u', email: 'u@x.y', password: 'p' }],
    });
    const listener = vi.fn();
    backend.subscribe(listener);
    expect(() => backend.signIn({ email: 'u@x.y', password: 'wrong' })).toThrow();
    const device = backend.signIn({ email: 'u@x.y', password: 'p', userAgent: 'Device' });
    expect(listener).toHaveBeenCalledTimes(1);
    now += 60_000;
    await device.provider.listSessions?.({ signal: signal() });
    expect(backend.sessionsOf('u')[0]?.lastActiveAt).toBe(now);
  });

  it('logs a sign-in as the server does: it is in the activity log, and a second "not me" of it is no error', async () => {
    const backend = createMemoryBackend({
      users: [{ id: 'u', email: 'u@x.y', password: 'p' }],
      passwordRequirements: { revokeSession: 'none' },
    });
    const laptop = backend.signIn({ email: 'u@x.y', password: 'p', userAgent: 'Laptop' });
    const phone = backend.signIn({ email: 'u@x.y', password: 'p', userAgent: 'Phone' });
    const cookie = await backend.cookieFor(laptop.sessionId);
    const csrf = /XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1] ?? '';
    const asLaptop = (method: 'GET' | 'POST', path: string) =>
      backend.fetch(`${backend.baseUrl}${path}`, { method, headers: { cookie, 'X-XSRF-TOKEN': csrf } });
    const activity = await (await asLaptop('GET', '/sessions/activity')).json();
    expect(activity.entries.map((e: { kind: string; sessionId: string }) => [e.kind, e.sessionId])).toEqual([
      ['signed-in', phone.sessionId],
      ['signed-in', laptop.sessionId],
    ]);
    expect(activity.entries[1]).toMatchObject({ isCurrent: true, method: 'password', userAgent: 'Laptop' });
    // The second report finds the ended session by its sign-in's entry.
    for (let report = 0; report < 2; report++)
      expect((await asLaptop('POST', `/sessions/${phone.sessionId}/not-me`)).status).toBe(204);
    expect(backend.sessionsOf('u').map((s) => s.id)).toEqual([laptop.sessionId]);
  });

  it('seeds the demo: five devices, the Mac current', async () => {
    const demo = createDemoBackend();
    const { sessions, currentSessionId } = (await demo.provider.listSessions?.({ signal: signal() })) ?? {
      sessions: [],
    };
    expect(sessions).toHaveLength(5);
    expect(currentSessionId).toBe('ses_current_mac');
  });
});
