import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from '../../../examples/server/createApp.js';
import { openDb } from '../../../examples/server/db.js';
import { seedDemo } from '../../../examples/server/seed.js';
import { cookieJarFetch } from '../helpers/cookieJarFetch.js';

/** A Fetch-API handler, as the server's `app.fetch` is. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;
/** Wraps the server's handler to break one rule of the contract (a "mutant" of the server). */
export type Mutant = (next: FetchHandler) => FetchHandler;

export interface ReferenceServer {
  /** The origin, e.g. http://127.0.0.1:43117. */
  url: string;
  /** The contract's base URL (what the conformance kit is pointed at). */
  apiUrl: string;
  /** Serves every later request through `mutant` (undefined: the server as it is). */
  setMutant(mutant: Mutant | undefined): void;
  /** Signs in through the demo's own endpoints and answers the Cookie header a browser would send. */
  signIn(email: string, password: string, userAgent: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The reference server of the contract on loopback, started as restAgainstReferenceServer.test.ts does
 * (in-memory SQLite, the demo seed with 2 extra users): the demo host on profilekit/server. The one
 * place the conformance tests start a server, so pointing them at another backend is one change.
 */
export async function startReferenceServer(
  options: Pick<AppOptions, 'sessions'> = {},
): Promise<ReferenceServer> {
  const db = openDb(':memory:');
  await seedDemo(db, Date.now(), 2);
  const { app } = createApp({ db, ...options });
  // Node's socket rides in `env` (the server reads the client IP from it); a mutant only sees Requests, so
  // the env is looked up by request, and a request a mutant made itself goes without one.
  const envs = new WeakMap<Request, object>();
  const handler: FetchHandler = (request) => app.fetch(request, envs.get(request) ?? {});
  // Built once per setMutant, so a mutant can keep state across requests.
  let current = handler;
  const server = serve({
    fetch: (request, env) => {
      envs.set(request, env);
      return current(request);
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api`,
    setMutant: (mutant) => {
      current = mutant ? mutant(handler) : handler;
    },
    async signIn(email, password, userAgent) {
      const browser = cookieJarFetch(url, userAgent);
      await browser.fetch('/api/csrf');
      const response = await browser.fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': browser.csrfToken() ?? '' },
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}`);
      return [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
