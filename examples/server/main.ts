// Starts the demo host (and the built demo app, when given):
//   tsx examples/server/main.ts [--reset] [--port 8787] [--static examples/demo/dist] [--database URL]
// SQLite in .data/ at the repo root is the default; `--database postgres://…` keeps sessions in PostgreSQL,
// so several instances (one per --port) share them; each instance then keeps its own copy of the demo users.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import type { SessionEventBus, SessionStore } from 'profilekit/server';
import { type AppOptions, createApp } from './createApp';
import { openDb } from './db';
import { DEMO_CREDENTIALS, seedDemo } from './seed';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    static: { type: 'string' },
    database: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  throw new Error(`--port ${args.port} is not a port.`);
const staticDir = args.static ? path.resolve(repoRoot, args.static) : undefined;
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
  await seedDemo(db, now, 400, { store, sessions: args.reset || empty });
  where = `${postgresUrl.replace(/:[^:@/]*@/, ':***@')} (sessions, shared)`;
} else {
  const dataDir = path.join(repoRoot, '.data');
  const dbFile = path.join(dataDir, 'demo.sqlite');
  if (args.reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  mkdirSync(dataDir, { recursive: true });
  const fresh = !existsSync(dbFile);
  db = openDb(dbFile);
  if (fresh) await seedDemo(db, now);
  where = `${path.relative(repoRoot, dbFile)}${fresh ? ' (new, seeded)' : ''} — start fresh with --reset`;
}

const { app } = createApp({ db, staticDir, origin: `http://127.0.0.1:${port}`, ...shared });
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`\nprofilekit demo is running at http://127.0.0.1:${info.port}/`);
  console.log(`  user:  ${DEMO_CREDENTIALS.user.email} / ${DEMO_CREDENTIALS.user.password}`);
  console.log(`  admin: ${DEMO_CREDENTIALS.admin.email} / ${DEMO_CREDENTIALS.admin.password}`);
  console.log(`  data:  ${where}`);
  console.log('Press Ctrl+C to stop.\n');
});

const stop = async () => {
  server.close();
  await closeShared();
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
