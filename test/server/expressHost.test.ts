/**
 * docs/express.md's server, over real loopback HTTP (issue 22): an Express 5 app with express.json() in
 * front of everything, its own login form through createPasswordSignIn, requireSession on its pages, its
 * logout through manager.signOut, and the contract under /api — two browsers, one signing the other out.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import {
  createCsrfGuard,
  createPasswordSignIn,
  type RequestWithSession,
  requireSession,
  toNodeListener,
} from 'profilekit/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, createJar, UA, USERS } from './harness.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) =>
    server ? server.close(() => resolve()).closeAllConnections() : resolve(),
  );
  server = undefined;
});

async function startExpressHost() {
  const h = createHarness();
  const users = Object.values(USERS);
  const signIn = createPasswordSignIn({
    manager: h.manager,
    verify: (email, password) => users.find((u) => u.email === email && u.password === password) ?? null,
  });
  const csrf = createCsrfGuard({ secure: false });
  const handOutCsrf: RequestHandler = (req, res, next) => {
    const cookie = csrf.cookieFor(req);
    if (cookie) res.append('Set-Cookie', cookie);
    next();
  };
  const checkCsrf: RequestHandler = (req, res, next) => {
    if (csrf.allows(req)) next();
    else res.status(403).json({ code: 'FORBIDDEN', message: 'CSRF token mismatch.' });
  };
  const app = express();
  app.use(express.json());
  app.use('/api', toNodeListener(h.handler));
  app.use(handOutCsrf);
  app.post('/login', checkCsrf, async (req, res) => {
    const result = await signIn(req);
    if (result.ok) res.setHeader('Set-Cookie', result.setCookie).json({ userId: result.user.id });
    else res.status(result.status).set(result.headers).json({ code: result.code, message: result.message });
  });
  app.post('/logout', checkCsrf, async (req, res) => {
    const { setCookie } = await h.manager.signOut(req);
    res.setHeader('Set-Cookie', setCookie).status(204).end();
  });
  app.use('/app', requireSession(h.manager));
  app.get('/app/me', (req, res) => {
    res.json({ userId: (req as RequestWithSession<typeof req>).profilekit.userId });
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A browser: its own cookie jar, echoing XSRF-TOKEN on its POSTs as the page's code would. */
function browser(base: string, userAgent: string) {
  const jar = createJar();
  return async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'user-agent': userAgent, cookie: jar.header() };
    const xsrf = jar.cookies.get('XSRF-TOKEN');
    if (method === 'POST' && xsrf) headers['x-xsrf-token'] = xsrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    jar.apply(response.headers.getSetCookie());
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

describe('docs/express.md, as written', () => {
  it('signs in behind express.json(), guards its pages, and one browser signs the other out with the password', async () => {
    const base = await startExpressHost();
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
  });

  it('refuses a login POST without the CSRF header, and a body over 4 KiB', async () => {
    const base = await startExpressHost();
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
  });
});
