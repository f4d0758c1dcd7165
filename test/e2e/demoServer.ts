import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createExpressApp } from '../../examples/express-session/createExpressApp.js';
import { createApp } from '../../examples/server/createApp.js';
import { openDb } from '../../examples/server/db.js';
import { seedDemo } from '../../examples/server/seed.js';

export interface DemoServerOptions {
  /**
   * Which example host serves the demo page: the Hono demo (examples/server, `npm start`) or the Express 5
   * host that keeps its own sessions with express-session + Passport (examples/express-session,
   * `npm run start:express`). @default 'hono'
   */
  host?: 'hono' | 'express';
  /** Seed Ana's four other devices (false: the users only, no session). @default true */
  seedSessions?: boolean;
}

/** Each host's request listener over the demo's database, its mails' links carrying `origin`. */
const LISTENERS = {
  // As `serve` in examples/server/main.ts mounts it.
  hono: (db, origin, staticDir) =>
    getRequestListener(createApp({ db, staticDir, origin }).app.fetch, { hostname: '127.0.0.1' }),
  express: (db, origin, staticDir) => createExpressApp({ db, staticDir, origin }).app,
} satisfies Record<
  NonNullable<DemoServerOptions['host']>,
  (db: ReturnType<typeof openDb>, origin: string, staticDir: string) => RequestListener
>;

/**
 * The demo as `npm start` (or `npm run start:express`) serves it — built app, example host, SQLite file —
 * on an ephemeral loopback port with a throwaway database. Needs `npm run build` and the demo build first
 * (the test command does both).
 */
export async function startDemoServer({ host = 'hono', seedSessions = true }: DemoServerOptions = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'profilekit-e2e-'));
  const db = openDb(path.join(dir, 'demo.sqlite'));
  await seedDemo(db, Date.now(), 0, { sessions: seedSessions });
  // The app is made once the port is known: its mails' links carry the demo's own origin.
  let listener: RequestListener | undefined;
  const server: Server = createServer((request, response) => {
    if (listener) listener(request, response);
    else response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  listener = LISTENERS[host](db, url, path.resolve('examples/demo/dist'));
  return {
    url,
    db,
    async close() {
      // A page's live event stream would keep close() waiting.
      await new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
