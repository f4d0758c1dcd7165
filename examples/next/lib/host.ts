// The app's server half: profilekit/next/server over the demo host (examples/server) and a SQLite file,
// seeded with the demo's users and devices the first time. Server-only: route handlers and Server Components.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createNextSessions } from 'profilekit/next/server';
import { forwardedClientAddress } from 'profilekit/server';
import { openDb } from '../../server/db';
import { createHost, publicUser } from '../../server/host';
import { seedDemo } from '../../server/seed';

/**
 * The contract's route handlers, the signed-in session and the prefetch. `setup` runs on the first request
 * that needs it (never during `next build`) and once per process, however often Next.js evaluates this.
 */
export const sessions = createNextSessions({
  setup: async () => {
    // A runtime path, not a file of the app: the comments keep Next's output tracing from copying the project.
    const file = path.resolve(
      /*turbopackIgnore: true*/ process.env.PROFILEKIT_NEXT_DB ?? '.data/next.sqlite',
    );
    mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    const fresh = !existsSync(/*turbopackIgnore: true*/ file);
    const db = openDb(file);
    if (fresh) await seedDemo(db, Date.now(), Number(process.env.PROFILEKIT_NEXT_SEED_USERS ?? 400));
    // A route handler has no socket: `next start` passes the peer's address in X-Forwarded-For (it keeps
    // one a client sent, so deploy it behind one proxy that appends, as `hops: 1` assumes).
    const host = createHost({ db, clientIp: forwardedClientAddress({ hops: 1 }) });
    return { manager: host.manager, handler: host.handlerOptions, host };
  },
});

/** The demo host: its users, sign-in, sign-out and "who am I" routes. */
export const getHost = async () => (await sessions.parts()).host;

/** The signed-in user of this request, with the demo's role, or null. */
export async function getSignedInUser() {
  const session = await sessions.currentSession();
  const user = session && (await getHost()).users.byId(session.userId);
  return user ? publicUser(user) : null;
}
