import type { IncomingMessage } from 'node:http';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { setClientAddress } from 'profilekit/server';
import { createHost, type HostOptions } from './host';

export interface AppOptions extends Omit<HostOptions, 'clientIp'> {
  /** Serve this folder (the built demo) for every non-API path. */
  staticDir?: string;
}

type Env = { Bindings: { incoming?: IncomingMessage } };

/**
 * The demo host's whole server on Hono: its users, its sign-in form, and profilekit's session manager and
 * handler mounted under /api (host.ts; the Next.js example mounts the same functions). This is what a Node
 * host writes itself.
 */
export function createApp({ staticDir, ...options }: AppOptions) {
  const host = createHost(options);
  const { auth, handler } = host;

  const app = new Hono<Env>();
  // The page's own headers are the host's to send (the contract handler adds no-store and nosniff to
  // its answers): no framing (clickjacking a "Sign out everywhere" button), scripts from this origin
  // only, no referrer beyond the origin. Inline style attributes stay allowed: React renders a few.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false, // plain-HTTP localhost; behind TLS a host sends it
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  // The peer address for the session rows (Hono's Node server keeps the socket in `env.incoming`).
  app.use('/api/*', async (c, next) => {
    setClientAddress(c.req.raw, c.env.incoming?.socket.remoteAddress);
    await next();
  });
  app.get('/api/auth/me', (c) => auth.me(c.req.raw));
  app.post('/api/auth/sign-in', (c) => auth.signIn(c.req.raw));
  app.post('/api/auth/sign-out', (c) => auth.signOut(c.req.raw));
  app.get('/api/demo/outbox', (c) => auth.outbox(c.req.raw));
  // Everything else under /api is the sessions contract.
  app.all('/api/*', (c) => handler(c.req.raw));

  if (staticDir) {
    app.use('*', serveStatic({ root: staticDir }));
    // A single-page app: every other path is the app's index.html.
    app.get('*', serveStatic({ root: staticDir, path: 'index.html' }));
  }
  return { app, store: host.store, manager: host.manager, users: host.users };
}
