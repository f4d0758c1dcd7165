import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from '../../examples/server/createApp.js';
import { openDb } from '../../examples/server/db.js';
import { seedDemo } from '../../examples/server/seed.js';

/**
 * The demo as `npm start` serves it — built app, reference server, SQLite file — on an ephemeral loopback
 * port with a throwaway database. Needs `npm run build` and the demo build first (the test command does both).
 */
export async function startDemoServer(options: Partial<AppOptions> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'profilekit-e2e-'));
  const db = openDb(path.join(dir, 'demo.sqlite'));
  await seedDemo(db, Date.now(), 0);
  // The app is made once the port is known: its mails' links carry the demo's own origin.
  let app: ReturnType<typeof createApp>['app'] | undefined;
  const server = serve({
    fetch: (request, env) => (app ? app.fetch(request, env) : new Response(null, { status: 503 })),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  app = createApp({
    db,
    staticDir: path.resolve('examples/demo/dist'),
    origin: `http://127.0.0.1:${port}`,
    ...options,
  }).app;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
