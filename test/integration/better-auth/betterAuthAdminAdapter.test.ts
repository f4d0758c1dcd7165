import { describe, expect, it, vi } from 'vitest';
import type { AdminSessionsDataProvider } from '../../../src/admin/provider/types.js';
import {
  type BetterAuthAdminClient,
  createBetterAuthAdminSessionsProvider,
} from '../../../src/better-auth/createBetterAuthAdminSessionsProvider.js';
import { startBetterAuth } from './betterAuthHarness.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery', name: 'Sam Admin' };
const BEN = { email: 'ben@example.org', password: 'another long password', name: 'Ben' };

async function world() {
  const ba = await startBetterAuth({ admin: true });
  await ba.addUser(ADMIN, 'admin');
  await ba.addUser(BEN);
  const anaPhone = await ba.device('Ana phone');
  await ba.device('Ana laptop');
  const benTablet = await ba.device('Ben tablet', BEN);
  const adminDevice = await ba.device('Admin desk', ADMIN);
  const provider = createBetterAuthAdminSessionsProvider({
    client: adminDevice.client as never,
    usersPerRequest: 2,
  }) as Required<AdminSessionsDataProvider>;
  return { ba, provider, anaPhone, benTablet, adminDevice };
}
const all = (provider: Required<AdminSessionsDataProvider>, extra = {}) =>
  provider.listAllSessions({ signal: new AbortController().signal, limit: 50, ...extra });

describe('Better Auth admin adapter against the real better-auth admin plugin', () => {
  it("lists every user's sessions with their user, pages them, and never shows a token", async () => {
    const { provider, anaPhone } = await world();
    const first = await all(provider, { limit: 3 });
    expect(first.total).toBe(4);
    const second = await all(provider, { limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.nextCursor).toBeNull();
    const sessions = [...first.sessions, ...second.sessions];
    expect(sessions.map((s) => s.userAgent).sort()).toEqual([
      'Admin desk',
      'Ana laptop',
      'Ana phone',
      'Ben tablet',
    ]);
    expect(sessions.find((s) => s.userAgent === 'Ben tablet')?.user.email).toBe(BEN.email);
    expect(sessions.every((s) => (s.tokenPreview ?? '').length === 8)).toBe(true);
    const raw = await anaPhone.client.listSessions();
    for (const s of raw.data ?? []) expect(JSON.stringify(sessions)).not.toContain(s.token);
  });

  it('searches, filters by user, counts like the plugin does, and says a session no longer exists', async () => {
    const { provider } = await world();
    const ben = await all(provider, { search: 'BEN@' });
    expect(ben.sessions.map((s) => s.userAgent)).toEqual(['Ben tablet']);
    const byUser = await all(provider, { userId: ben.sessions[0]?.user.id });
    expect(byUser.total).toBe(1);
    expect(await provider.getSessionStats({})).toMatchObject({ totalActive: 4, uniqueUsers: 3, expired: 0 });
    const id = ben.sessions[0]?.id ?? '';
    await expect(provider.getSession({ sessionId: id })).resolves.toMatchObject({ userAgent: 'Ben tablet' });
    await expect(provider.getSession({ sessionId: 'no-such-session' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("signs one session out (its device's next call is refused), then all of a user's, with a count", async () => {
    const { ba, provider, benTablet, anaPhone } = await world();
    const listed = (await all(provider)).sessions;
    const tablet = listed.find((s) => s.userAgent === 'Ben tablet');
    await provider.revokeAnySession({ sessionId: tablet?.id ?? '' });
    expect((await benTablet.client.getSession()).data).toBeNull();
    await expect(provider.revokeAnySession({ sessionId: tablet?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(provider.getSession({ sessionId: tablet?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const ana = listed.find((s) => s.user.email === ba.credentials.email)?.user.id ?? '';
    await expect(provider.revokeUserSessions({ userId: ana })).resolves.toEqual({ revokedCount: 2 });
    expect((await anaPhone.client.getSession()).data).toBeNull();
    expect((await all(provider)).sessions.map((s) => s.userAgent)).toEqual(['Admin desk']);
  });

  it("loads the console's table and stats together with one walk over the users, not one each", async () => {
    const { adminDevice } = await world();
    const real = adminDevice.client as unknown as BetterAuthAdminClient;
    const perUser = vi.fn((body: { userId: string }) => real.admin.listUserSessions(body));
    // Better Auth's client is a proxy: the calls are counted through a client of the same shape.
    const client: BetterAuthAdminClient = {
      getSession: () => real.getSession(),
      admin: {
        listUsers: (args) => real.admin.listUsers(args),
        listUserSessions: perUser,
        revokeUserSession: (body) => real.admin.revokeUserSession(body),
        revokeUserSessions: (body) => real.admin.revokeUserSessions(body),
      },
    };
    const provider = createBetterAuthAdminSessionsProvider({
      client,
      usersPerRequest: 2,
    }) as Required<AdminSessionsDataProvider>;
    const [page, stats] = await Promise.all([all(provider), provider.getSessionStats({})]);
    expect(page.total).toBe(4);
    expect(stats).toMatchObject({ totalActive: 4, uniqueUsers: 3 });
    // Ana, Ben and the admin: each user's sessions asked for once.
    expect(perUser).toHaveBeenCalledTimes(3);
  });

  it('a read that began before a revoke does not answer the refetch after it (the revoked row stays gone)', async () => {
    const { adminDevice } = await world();
    const real = adminDevice.client as unknown as BetterAuthAdminClient;
    // The second walk reads every user's sessions, then is held before answering until the revoke is done.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let walkHasRead = () => {};
    const read = new Promise<void>((resolve) => {
      walkHasRead = resolve;
    });
    let walks = 0;
    let readsInSecondWalk = 0;
    const client: BetterAuthAdminClient = {
      getSession: () => real.getSession(),
      admin: {
        listUsers: (args) => {
          walks += 1;
          return real.admin.listUsers(args);
        },
        listUserSessions: async (body) => {
          const answer = await real.admin.listUserSessions(body);
          // Ana, Ben and the admin: the third read of the second walk is its last.
          if (walks === 2 && ++readsInSecondWalk === 3) {
            walkHasRead();
            await held;
          }
          return answer;
        },
        revokeUserSession: (body) => real.admin.revokeUserSession(body),
        revokeUserSessions: (body) => real.admin.revokeUserSessions(body),
      },
    };
    const provider = createBetterAuthAdminSessionsProvider({ client }) as Required<AdminSessionsDataProvider>;
    const tablet = (await all(provider)).sessions.find((s) => s.userAgent === 'Ben tablet');
    const stale = all(provider);
    await read;
    await provider.revokeAnySession({ sessionId: tablet?.id ?? '' });
    const fresh = all(provider); // the console's refetch after the revoke
    release();
    await stale;
    expect((await fresh).sessions.map((s) => s.userAgent)).not.toContain('Ben tablet');
    await expect(provider.getSession({ sessionId: tablet?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('is refused to a user who is not an admin', async () => {
    const { anaPhone } = await world();
    const asAna = createBetterAuthAdminSessionsProvider({ client: anaPhone.client as never });
    await expect(
      asAna.listAllSessions?.({ signal: new AbortController().signal, limit: 10 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
