/**
 * What a host that keeps its own sessions through createHostSessions must pass, whatever its framework
 * (examples/express-session, examples/fastify-session): the conformance kit, and what its users notice — two
 * browsers, one signs the other out with the password and that browser's next request has no session. Each
 * host's test starts its server over real loopback HTTP and runs these.
 */
import type { HostSessions } from 'profilekit/server';
import { expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../examples/server/seed.js';
import { runConformance, signInForCookies } from '../../src/conformance/index.js';
import { failures, LOADED_MACHINE_LIMITS } from '../integration/conformance/kitRun.js';
import { browser, phoneOfTwoBrowsers } from './hostFlow.js';

const { user, admin } = DEMO_CREDENTIALS;

/** The two tests every such host passes, each against a host `startHost` starts afresh. */
export function hostSessionTests(startHost: () => Promise<{ url: string; sessions: HostSessions }>) {
  it('passes the conformance kit: 0 failed, 0 not run', async () => {
    await passesConformance((await startHost()).url);
  });

  it('lists both browsers, and one signs the other out with the password: its next request has no session', async () => {
    const { url, sessions } = await startHost();
    await signOutOtherThenSelf(url, sessions);
  });
}

/** The conformance kit against the host at `url` (its contract under /api): 0 failed, 0 not run. */
export async function passesConformance(url: string) {
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
}

/** A laptop and a phone of the demo user, both signed in through the host's own sign-in. */
export async function twoSignedInBrowsers(url: string) {
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
  return { laptop, phone, phoneId: phoneOfTwoBrowsers(await laptop('GET', '/api/sessions')) };
}

/** The laptop signs the phone out with the password; then the host's own sign-out; the log says so. */
export async function signOutOtherThenSelf(url: string, sessions: HostSessions) {
  const { laptop, phone, phoneId } = await twoSignedInBrowsers(url);
  expect((await laptop('POST', `/api/sessions/${phoneId}/revoke`, { password: 'wrong' })).status).toBe(422);
  expect((await phone('GET', '/api/auth/me')).status).toBe(200);
  expect((await laptop('POST', `/api/sessions/${phoneId}/revoke`, { password: user.password })).status).toBe(
    204,
  );
  expect((await phone('GET', '/api/auth/me')).status).toBe(401);
  expect((await phone('GET', '/api/sessions')).status).toBe(401);
  expect((await laptop('GET', '/api/auth/me')).status).toBe(200);

  // The host's own sign-out ends the row too; the log says what happened, newest first.
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
}
