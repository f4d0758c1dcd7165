// Starts the demo host (and the built demo app, when given):
//   tsx examples/server/main.ts [--reset] [--port 8787] [--static examples/demo/dist] [--database URL]
// SQLite in .data/ at the repo root is the default; `--database postgres://…` keeps sessions in PostgreSQL,
// so several instances (one per --port) share them; each instance then keeps its own copy of the demo users.
import { serve } from '@hono/node-server';
import type { SessionEventBus, SessionStore } from 'profilekit/server';
import { type AppOptions, createApp } from './createApp';
import { openDb } from './db';
import { seedDemo } from './seed';
import { announce, openDemoSqlite, parseHostArgs, stopOnSignals } from './standalone';

const { args, port, staticDir, reset } = parseHostArgs({ database: { type: 'string' } });
const postgresUrl = args.database?.startsWith('postgres') ? args.database : undefined;
const now = Date.now();

let db: ReturnType<typeof openDb>;
let shared: Pick<AppOptions, 'store' | 'events'> = {};
let closeShared = async () => {};
let where: string;
if (postgresUrl) {
  const { default: pg } = await import('pg');
  const { createPostgresEventBus, createPostgresSessionStore } = await import('profilekit/server/postgres');
  const pool = new pg.Pool({ connectionString: postgresUrl });
  const store: SessionStore = await createPostgresSessionStore(pool);
  const events: SessionEventBus & { close?: () => Promise<void> } = createPostgresEventBus(pool);
  shared = { store, events };
  closeShared = async () => {
    await events.close?.();
    await pool.end();
  };
  db = openDb(':memory:');
  const counts = await store.countSessions({ now, startOfDay: now });
  // The first instance over an empty database seeds the sessions; every instance seeds its own users.
  const empty = counts.totalActive + counts.expired === 0;
  await seedDemo(db, now, 400, { store, sessions: reset || empty });
  where = `${postgresUrl.replace(/:[^:@/]*@/, ':***@')} (sessions, shared)`;
} else {
  ({ db, where } = await openDemoSqlite('demo.sqlite', { reset, now }));
}

const { app } = createApp({ db, staticDir, origin: `http://127.0.0.1:${port}`, ...shared });
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  announce('profilekit demo', info.port, where);
});

stopOnSignals(async () => {
  server.close();
  await closeShared();
  db.close();
});
