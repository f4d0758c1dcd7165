/**
 * A host that keeps its own sessions (issue 24): Express 5 + express-session + Passport's local strategy,
 * its sessions in profilekit's SQLite store through createHostSessions (examples/express-session), over
 * real loopback HTTP. The conformance kit against it, and what its users notice: two browsers, one signs the
 * other out with the password and that browser's next request has no session.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createExpressApp } from '../../examples/express-session/createExpressApp.js';
import { openDb } from '../../examples/server/db.js';
import { DEMO_CREDENTIALS, seedDemo } from '../../examples/server/seed.js';
import { runConformance, signInForCookies } from '../../src/conformance/index.js';
import { failures, LOADED_MACHINE_LIMITS } from '../integration/conformance/kitRun.js';
import { browser, phoneOfTwoBrowsers } from './hostFlow.js';

const { user, admin } = DEMO_CREDENTIALS;
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) =>
    server ? server.close(() => resolve()).closeAllConnections() : resolve(),
  );
  server = undefined;
});

async function startHost() {
  const db = openDb(':memory:');
  await seedDemo(db, Date.now(), 0, { sessions: false });
  const host = createExpressApp({ db });
  server = await new Promise<Server>((resolve) => {
    const listening = host.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { ...host, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('an Express 5 + express-session + Passport host, its sessions kept by createHostSessions', () => {
  it('passes the conformance kit: 0 failed, 0 not run', async () => {
    const { url } = await startHost();
    const signIn = (email: string, password: string, userAgent: string) =>
      signInForCookies({ url: `${url}/api/auth/sign-in`, user: email, password, userAgent });
    const cookies = [];
    for (const agent of ['C1 (this device)', 'C2', 'C3 (École)', 'C4', 'C5', 'C6'])
      cookies.push(await signIn(user.email, user.password, `Conformance ${agent}`));
    const report = await runConformance({
      baseUrl: `${url}/api`,
      cookies,
      password: user.password,
      adminCookie: await signIn(admin.email, admin.password, 'Conformance admin'),
      ...LOADED_MACHINE_LIMITS,
    });
    expect(failures(report)).toEqual([]);
    expect(report.results.filter((result) => result.status === 'skipped')).toEqual([]);
  });

  it('lists both browsers, and one signs the other out with the password: its next request has no session', async () => {
    const { url, sessions } = await startHost();
    const laptop = browser(url, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Firefox/133.0');
    const phone = browser(
      url,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148 Safari/604.1',
    );
    for (const device of [laptop, phone]) {
      await device('GET', '/api/csrf');
      expect(
        (await device('POST', '/api/auth/sign-in', { email: user.email, password: user.password })).status,
      ).toBe(200);
    }
    const phoneId = phoneOfTwoBrowsers(await laptop('GET', '/api/sessions'));

    expect((await laptop('POST', `/api/sessions/${phoneId}/revoke`, { password: 'wrong' })).status).toBe(422);
    expect((await phone('GET', '/api/auth/me')).status).toBe(200);
    expect(
      (await laptop('POST', `/api/sessions/${phoneId}/revoke`, { password: user.password })).status,
    ).toBe(204);
    expect((await phone('GET', '/api/auth/me')).status).toBe(401);
    expect((await phone('GET', '/api/sessions')).status).toBe(401);
    expect((await laptop('GET', '/api/auth/me')).status).toBe(200);

    // The host's own sign-out (req.logout) ends the row too; the log says what happened, newest first.
    expect((await laptop('POST', '/api/auth/sign-out')).status).toBe(204);
    expect((await laptop('GET', '/api/auth/me')).status).toBe(401);
    const ana = (await sessions.manager.listActivity({ limit: 10 })).filter((entry) => entry.userId !== null);
    expect(ana.map((entry) => entry.kind)).toEqual([
      'signed-out',
      'revoked',
      'confirmation-failed',
      'signed-in',
      'signed-in',
    ]);
    expect(await sessions.manager.listSessions(ana[0]?.userId ?? '')).toEqual([]);
  });
});
