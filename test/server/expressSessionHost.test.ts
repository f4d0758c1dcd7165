/**
 * A host that keeps its own sessions (issue 24): Express 5 + express-session + Passport's local strategy,
 * its sessions in profilekit's SQLite store through createHostSessions (examples/express-session), over
 * real loopback HTTP. The conformance kit against it, and what its users notice (hostSessionFlow.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe } from 'vitest';
import { createExpressApp } from '../../examples/express-session/createExpressApp.js';
import { openDb } from '../../examples/server/db.js';
import { seedDemo } from '../../examples/server/seed.js';
import { hostSessionTests } from './hostSessionFlow.js';

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
  hostSessionTests(startHost);
});
