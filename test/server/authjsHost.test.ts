/**
 * A host that signs people in with Auth.js (the real @auth/express and @auth/core on Express 5, email
 * sign-in, the database strategy), its sessions kept by profilekit through `sessions.authjsAdapter` and the
 * contract served with Auth.js's cookie as the current session, over loopback HTTP: two devices and a
 * revoke, the conformance kit, what the store holds, and the JWT strategy refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runConformance } from '../../src/conformance/index.js';
import { failures, LOADED_MACHINE_LIMITS } from '../integration/conformance/kitRun.js';
import { ADMIN, ANA, authjsBrowser, memoryAuthjsAdapter, startAuthjsHost } from './authjsHost.js';
import { phoneOfTwoBrowsers } from './hostFlow.js';

const LAPTOP = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7; rv:133.0) Gecko/20100101 Firefox/133.0';
const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1';

let host: Awaited<ReturnType<typeof startAuthjsHost>> | undefined;
const start = async (options?: Parameters<typeof startAuthjsHost>[0]) => {
  host = await startAuthjsHost(options);
  return host;
};
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('an Express 5 + Auth.js host, its database sessions kept by profilekit', () => {
  it('lists both devices, and one signs the other out with the password: Auth.js then has no session there', async () => {
    const { url, outbox, sessions, errors, signOuts } = await start();
    const laptop = authjsBrowser(url, outbox, LAPTOP);
    const phone = authjsBrowser(url, outbox, PHONE);
    await laptop.signIn(ANA.email);
    await phone.signIn(ANA.email);
    expect(await phone.authSession()).toMatchObject({ status: 200, body: { user: { id: ANA.id } } });

    const phoneId = phoneOfTwoBrowsers(await laptop.call('GET', '/api/sessions'));

    // The page's confirmation is profilekit's, against the host's users table.
    expect((await laptop.call('POST', `/api/sessions/${phoneId}/revoke`, { password: 'wrong' })).status).toBe(
      422,
    );
    expect((await phone.authSession()).body?.user?.id).toBe(ANA.id);
    expect(
      (await laptop.call('POST', `/api/sessions/${phoneId}/revoke`, { password: ANA.password })).status,
    ).toBe(204);

    // Auth.js answers the ended session's next read with no session, and clears its cookie.
    expect(phone.token()).toBeDefined();
    expect(await phone.authSession()).toEqual({ status: 200, body: null });
    expect(phone.token()).toBeUndefined();
    expect((await phone.call('GET', '/api/sessions')).status).toBe(401);
    expect((await laptop.authSession()).body?.user?.id).toBe(ANA.id);

    // Auth.js's own sign-out ends the row; the log says what happened, newest first.
    expect(await laptop.signOut()).toBe(302);
    expect(laptop.token()).toBeUndefined();
    expect(await sessions.manager.listSessions(ANA.id)).toEqual([]);
    // What Auth.js hands events.signOut: profilekit's id of the session, never its token.
    expect(signOuts).toEqual([
      { session: { id: expect.stringMatching(/^ses_/), userId: ANA.id, expires: expect.any(Date) } },
    ]);
    const log = await sessions.manager.listActivity({ limit: 10 });
    expect(log.map((entry) => [entry.kind, entry.kind === 'signed-in' ? entry.method : null])).toEqual([
      ['signed-out', null],
      ['revoked', null],
      ['confirmation-failed', null],
      ['signed-in', 'email'],
      ['signed-in', 'email'],
    ]);
    expect(errors).toEqual([]);
  });

  it('passes the conformance kit: 0 failed, 0 not run', async () => {
    const { url, outbox, errors } = await start();
    const cookies: string[] = [];
    for (const agent of ['C1 (this device)', 'C2', 'C3 (École)', 'C4', 'C5', 'C6']) {
      const device = authjsBrowser(url, outbox, `Conformance ${agent}`);
      await device.signIn(ANA.email);
      cookies.push(`authjs.session-token=${device.token()}`);
    }
    const admin = authjsBrowser(url, outbox, 'Conformance admin');
    await admin.signIn(ADMIN.email);
    const report = await runConformance({
      baseUrl: `${url}/api`,
      cookies,
      password: ANA.password,
      adminCookie: `authjs.session-token=${admin.token()}`,
      ...LOADED_MACHINE_LIMITS,
    });
    expect(failures(report)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(30);
    expect(report.results.filter((result) => result.status !== 'passed')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('stores the session token only as a hash, and a new sign-in in a browser ends the session it replaces', async () => {
    const { url, outbox, db, sessions } = await start();
    const laptop = authjsBrowser(url, outbox, LAPTOP);
    await laptop.signIn(ANA.email);
    const first = laptop.token() ?? '';
    await laptop.authSession();
    // Signed in again on the same browser without signing out (Auth.js itself keeps the old session).
    await laptop.signIn(ANA.email);
    const second = laptop.token() ?? '';
    expect(second).not.toBe(first);
    const live = await sessions.manager.listSessions(ANA.id);
    expect(live).toHaveLength(1);
    expect(await sessions.sessionOf(second)).toMatchObject({ id: live[0]?.id });
    expect(await sessions.sessionOf(first)).toBeNull();

    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>;
    expect(tables.length).toBeGreaterThan(3);
    for (const { name } of tables) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
      for (const token of [first, second]) expect(dump, name).not.toContain(token);
    }
  });

  it("deletes a user's sessions with the user", async () => {
    const { url, outbox, sessions, users } = await start();
    const laptop = authjsBrowser(url, outbox, LAPTOP);
    await laptop.signIn(ANA.email);
    expect(await sessions.manager.listSessions(ANA.id)).toHaveLength(1);
    await sessions.authjsAdapter(memoryAuthjsAdapter(users)).deleteUser(ANA.id);
    expect(users.has(ANA.id)).toBe(false);
    expect(await sessions.manager.listSessions(ANA.id)).toEqual([]);
    expect(await laptop.authSession()).toEqual({ status: 200, body: null });
  });

  it('answers a JWT-strategy session 401, never a 5xx, and says why in the log: it cannot be listed or ended', async () => {
    const { url, outbox, errors, sessions } = await start({ strategy: 'jwt' });
    const warnings: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((message) => warnings.push(message));
    try {
      const laptop = authjsBrowser(url, outbox, LAPTOP);
      await laptop.signIn(ANA.email);
      expect(laptop.token()).toMatch(/^eyJ/);
      expect(await sessions.manager.listSessions(ANA.id)).toEqual([]);
      expect((await laptop.call('GET', '/api/sessions')).status).toBe(401);
      expect((await laptop.call('GET', '/api/sessions')).status).toBe(401);
      expect(errors).toEqual([]);
      // Once per process, not per request: this is the file's one JWT cookie (each test file is its own
      // module graph).
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0])).toContain(
        "Auth.js's session cookie holds a JWT (session: { strategy: 'jwt' })",
      );
    } finally {
      warn.mockRestore();
    }
  });
});
