// The app's server half, once per process: the demo host (examples/server) over a SQLite file, seeded
// with the demo's users and devices the first time. Server-only: route handlers and Server Components.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { headers } from 'next/headers';
import type { SessionsDataProvider } from 'profilekit';
import { createRestSessionsProvider } from 'profilekit/rest';
import { forwardedClientAddress } from 'profilekit/server';
import { openDb } from '../../server/db';
import { createHost, type Host } from '../../server/host';
import { seedDemo } from '../../server/seed';

// Next.js bundles route handlers and Server Components apart, each with its own copy of this module; the
// process has one database connection, one session manager and one event bus, kept on globalThis.
const shared = globalThis as typeof globalThis & { profilekitNextHost?: Promise<Host> };

async function openHost(): Promise<Host> {
  // A runtime path, not a file of the app: the comments keep Next's output tracing from copying the project.
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.PROFILEKIT_NEXT_DB ?? '.data/next.sqlite');
  mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const fresh = !existsSync(/*turbopackIgnore: true*/ file);
  const db = openDb(file);
  if (fresh) await seedDemo(db, Date.now(), Number(process.env.PROFILEKIT_NEXT_SEED_USERS ?? 400));
  // A route handler has no socket: `next start` passes the peer's address in X-Forwarded-For (it keeps
  // one a client sent, so deploy it behind one proxy that appends, as `hops: 1` assumes).
  return createHost({ db, clientIp: forwardedClientAddress({ hops: 1 }) });
}

export function getHost(): Promise<Host> {
  shared.profilekitNextHost ??= openHost();
  return shared.profilekitNextHost;
}

/** profilekit's HTTP contract, as a route handler: `export const GET = sessions, POST = sessions;` */
export const sessions = async (request: Request) => (await getHost()).handler(request);

/** The incoming request as a Fetch Request, for code that only has `headers()` (a Server Component). */
async function incomingRequest(): Promise<Request> {
  const incoming = await headers();
  return new Request(`http://${incoming.get('host') ?? 'localhost'}/`, { headers: incoming });
}

/** The signed-in user of this request — `manager.authenticate` on its cookie — or null. */
export async function getSignedInUser() {
  const host = await getHost();
  return (await host.currentUser(await incomingRequest()))?.user ?? null;
}

/**
 * A data provider for this request on the server: profilekit's REST adapter whose "network" is the contract
 * handler itself, called in-process with the request's cookie. The page's rows are exactly what the
 * browser's own refetch will answer — same handler, same wire shape, same checks — without an HTTP hop,
 * and without host code turning store rows into the contract's shape.
 */
export async function serverSessionsProvider(): Promise<SessionsDataProvider> {
  const host = await getHost();
  const incoming = await headers();
  return createRestSessionsProvider({
    baseUrl: 'http://in-process/api',
    csrf: false,
    fetch: (input, init) => {
      const merged = new Headers(incoming);
      for (const [name, value] of new Headers(init?.headers)) merged.set(name, value);
      return host.handler(new Request(input, { ...init, headers: merged }));
    },
  });
}
