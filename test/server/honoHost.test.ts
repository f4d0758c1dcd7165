/**
 * docs/hono.md's server, over real loopback HTTP (issue 22): a Hono app on @hono/node-server with its own
 * login form through createPasswordSignIn, honoSession on its pages, its logout through manager.signOut,
 * and the contract under /api — the same browser flows as the Express host's.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type AuthenticatedRequest, honoSession, setClientAddress } from 'profilekit/server';
import { afterEach, describe, expect, it } from 'vitest';
import { USERS } from './harness.js';
import { browser, hostParts, loginRefusals, signInListSignOut } from './hostFlow.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) =>
    server ? server.close(() => resolve()).closeAllConnections() : resolve(),
  );
  server = undefined;
});

async function startHonoHost() {
  const { h, signIn, csrf } = hostParts();
  const app = new Hono<{
    Bindings: { incoming: IncomingMessage };
    Variables: { profilekit: AuthenticatedRequest };
  }>();
  app.use('*', async (c, next) => {
    setClientAddress(c.req.raw, c.env.incoming.socket.remoteAddress);
    await next();
  });
  app.all('/api/*', (c) => h.handler(c.req.raw));
  app.use('*', async (c, next) => {
    await next();
    const cookie = csrf.cookieFor(c.req.raw);
    if (cookie) c.res.headers.append('Set-Cookie', cookie);
  });
  app.post('/login', async (c) => {
    if (!csrf.allows(c.req.raw)) return c.json({ code: 'FORBIDDEN', message: 'CSRF token mismatch.' }, 403);
    const result = await signIn(c.req.raw);
    if (!result.ok)
      return c.json({ code: result.code, message: result.message }, result.status, result.headers);
    return c.json({ userId: result.user.id }, 200, { 'Set-Cookie': result.setCookie });
  });
  app.post('/logout', async (c) => {
    if (!csrf.allows(c.req.raw)) return c.json({ code: 'FORBIDDEN', message: 'CSRF token mismatch.' }, 403);
    const { setCookie } = await h.manager.signOut(c.req.raw);
    return c.body(null, 204, { 'Set-Cookie': setCookie });
  });
  app.use('/app/*', honoSession(h.manager));
  app.get('/app/me', (c) => c.json({ userId: c.get('profilekit').userId }));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) =>
    server?.listening ? resolve() : server?.once('listening', () => resolve()),
  );
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, h };
}

describe('docs/hono.md, as written', () => {
  it('signs in, guards its pages, and one browser signs the other out with the password', async () => {
    await signInListSignOut((await startHonoHost()).base);
  });

  it('refuses a login POST without the CSRF header, and a body over 4 KiB', async () => {
    await loginRefusals((await startHonoHost()).base);
  });

  it("records the browser's address on its session", async () => {
    const { base } = await startHonoHost();
    const laptop = browser(base, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0');
    await laptop('GET', '/app/me');
    await laptop('POST', '/login', { email: USERS.bob.email, password: USERS.bob.password });
    const list = await laptop('GET', '/api/sessions');
    expect(list.body.sessions[0].ipAddress).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});
