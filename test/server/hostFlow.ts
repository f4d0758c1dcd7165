/**
 * What a browser does against a host app wired as docs/express.md and docs/hono.md show: its login form
 * (POST /login), its guarded page (GET /app/me), its logout (POST /logout) and the contract under /api.
 * Each host's test starts its server and runs these same flows.
 */
import { createCsrfGuard, createPasswordSignIn } from 'profilekit/server';
import { expect } from 'vitest';
import { createHarness, createJar, UA, USERS } from './harness.js';

/** What both docs' hosts build from profilekit: the manager and handler (the harness's), the sign-in, CSRF. */
export function hostParts() {
  const h = createHarness();
  const users = Object.values(USERS);
  const signIn = createPasswordSignIn({
    manager: h.manager,
    verify: (email, password) => users.find((u) => u.email === email && u.password === password) ?? null,
  });
  return { h, signIn, csrf: createCsrfGuard({ secure: false }) };
}

/**
 * A browser: its own cookie jar, echoing XSRF-TOKEN on its POSTs as the page's code would. A body is sent
 * as JSON; a string body as text/plain (what an HTML form can send cross-site).
 */
export function browser(base: string, userAgent: string) {
  const jar = createJar();
  return async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'user-agent': userAgent, cookie: jar.header() };
    const xsrf = jar.cookies.get('XSRF-TOKEN');
    if (method === 'POST' && xsrf) headers['x-xsrf-token'] = xsrf;
    if (body !== undefined)
      headers['content-type'] = typeof body === 'string' ? 'text/plain' : 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    });
    jar.apply(response.headers.getSetCookie());
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** Two browsers of one user: sign-in, the guarded page, one signs the other out with the password, logout. */
export async function signInListSignOut(base: string) {
  const laptop = browser(base, UA.chromeMac);
  const phone = browser(base, UA.firefoxWindows);
  const { email, password } = USERS.bob;

  // Not signed in: the page is a 401, and it hands out the CSRF cookie the login form echoes.
  expect(await laptop('GET', '/app/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  expect(await laptop('POST', '/login', { email, password: 'wrong' })).toMatchObject({
    status: 422,
    body: { code: 'INVALID_PASSWORD' },
  });
  expect(await laptop('POST', '/login', { email, password })).toEqual({
    status: 200,
    body: { userId: USERS.bob.id },
  });
  expect(await laptop('GET', '/app/me')).toEqual({ status: 200, body: { userId: USERS.bob.id } });
  await phone('GET', '/app/me');
  expect((await phone('POST', '/login', { email, password })).status).toBe(200);

  const list = await laptop('GET', '/api/sessions');
  expect(list.body.sessions).toHaveLength(2);
  const phoneSession = list.body.sessions.find((s: { isCurrent: boolean }) => !s.isCurrent);
  // The server asks for the password by default, and says so.
  expect(list.body.policy.password.revokeSession).toBe('required');
  expect((await laptop('POST', `/api/sessions/${phoneSession.id}/revoke`, {})).status).toBe(422);
  expect((await laptop('POST', `/api/sessions/${phoneSession.id}/revoke`, { password })).status).toBe(204);
  expect((await phone('GET', '/app/me')).status).toBe(401);

  expect((await laptop('POST', '/logout')).status).toBe(204);
  expect((await laptop('GET', '/app/me')).status).toBe(401);
}

/** The login form refuses a POST without the CSRF header, and a body over 4 KiB. */
export async function loginRefusals(base: string) {
  const bare = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: USERS.bob.email, password: USERS.bob.password }),
  });
  expect(bare.status).toBe(403);
  const laptop = browser(base, UA.chromeMac);
  await laptop('GET', '/app/me');
  const big = await laptop('POST', '/login', { email: USERS.bob.email, password: 'x'.repeat(5_000) });
  expect(big.status).toBe(413);
  // A JSON-looking text/plain body (a cross-site form's): refused, nobody signed in.
  const form = await laptop(
    'POST',
    '/login',
    JSON.stringify({ email: USERS.bob.email, password: USERS.bob.password }),
  );
  expect(form.status).toBe(415);
  expect((await laptop('GET', '/app/me')).status).toBe(401);
}

/**
 * A contract's `GET /sessions` as two browsers of one user see it, asked from the laptop (Firefox on macOS)
 * with the phone (Safari on an iPhone) signed in too, both over loopback: each row with the device and
 * address of the request that signed it in, the laptop's "current". Answers the phone's id, opaque (no
 * host session id, no hash of one).
 */
export function phoneOfTwoBrowsers(listed: { status: number; body: { sessions?: unknown } | null }) {
  expect(listed.status).toBe(200);
  const rows = listed.body?.sessions as Array<{
    id: string;
    isCurrent: boolean;
    ipAddress?: string | null;
    device: { browser?: string; os?: string };
  }>;
  expect(rows.map((row) => [row.device.browser, row.device.os, row.ipAddress, row.isCurrent]).sort()).toEqual(
    [
      ['Firefox', 'macOS', '127.0.0.1', true],
      ['Safari', 'iPhone', '127.0.0.1', false],
    ],
  );
  const phoneRow = rows.find((row) => !row.isCurrent);
  expect(phoneRow?.id).toMatch(/^ses_[0-9a-f]{24}$/);
  return phoneRow?.id ?? '';
}
