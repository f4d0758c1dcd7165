/**
 * docs/express.md's server, over real loopback HTTP (issue 22): an Express 5 app with express.json() in
 * front of everything, its own login form through createPasswordSignIn, requireSession on its pages, its
 * logout through manager.signOut, and the contract under /api — two browsers, one signing the other out.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { type RequestWithSession, requireSession, toNodeListener } from 'profilekit/server';
import { afterEach, describe, it } from 'vitest';
import { hostParts, loginRefusals, signInListSignOut } from './hostFlow.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) =>
    server ? server.close(() => resolve()).closeAllConnections() : resolve(),
  );
  server = undefined;
});

async function startExpressHost() {
  const { h, signIn, csrf } = hostParts();
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

describe('docs/express.md, as written', () => {
  it('signs in behind express.json(), guards its pages, and one browser signs the other out with the password', async () => {
    await signInListSignOut(await startExpressHost());
  });

  it('refuses a login POST without the CSRF header, and a body over 4 KiB', async () => {
    await loginRefusals(await startExpressHost());
  });
});
