// What every standalone demo host shares (examples/server/main.ts on Hono, examples/express-session/main.ts
// on Express with express-session): its command line, its data (a SQLite file in .data/, or sessions in
// PostgreSQL), the lines it prints, and how it stops.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SessionEventBus, SessionStore } from 'profilekit/server';
import { openDb } from './db';
import { DEMO_CREDENTIALS, seedDemo } from './seed';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The host's command line: `--port` (checked), `--static` (resolved from the repo root), `--reset`, `--database`. */
export function parseHostArgs() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      static: { type: 'string' },
      database: { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port ${values.port} is not a port.`);
  return {
    port,
    staticDir: values.static ? path.resolve(repoRoot, values.static) : undefined,
    reset: values.reset,
    postgresUrl: values.database?.startsWith('postgres') ? values.database : undefined,
  };
}

/**
 * The host's data, seeded when new: by default the SQLite file `sqliteFile` in .data/ at the repo root
 * (git-ignored; removed first on `reset`). With `postgresUrl` the sessions are in PostgreSQL, so several
 * instances (one per --port) share them; each instance then keeps its own copy of the demo users, and the
 * first one over an empty database seeds the sessions. Answers the database, the shared store and event
 * bus (none for SQLite), where the data is (for `announce`) and how to close what was opened.
 */
export async function openDemoData({
  sqliteFile,
  reset,
  postgresUrl,
}: {
  sqliteFile: string;
  reset: boolean;
  postgresUrl?: string | undefined;
}) {
  const now = Date.now();
  if (postgresUrl) {
    const { default: pg } = await import('pg');
    const { createPostgresEventBus, createPostgresSessionStore } = await import('profilekit/server/postgres');
    const pool = new pg.Pool({ connectionString: postgresUrl });
    const store: SessionStore = await createPostgresSessionStore(pool);
    const events: SessionEventBus & { close?: () => Promise<void> } = createPostgresEventBus(pool);
    const db = openDb(':memory:');
    const counts = await store.countSessions({ now, startOfDay: now });
    const empty = counts.totalActive + counts.expired === 0;
    await seedDemo(db, now, 400, { store, sessions: reset || empty });
    return {
      db,
      shared: { store, events },
      where: `${postgresUrl.replace(/:[^:@/]*@/, ':***@')} (sessions, shared)`,
      async close() {
        await events.close?.();
        await pool.end();
        db.close();
      },
    };
  }
  const dataDir = path.join(repoRoot, '.data');
  const dbFile = path.join(dataDir, sqliteFile);
  if (reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  mkdirSync(dataDir, { recursive: true });
  const fresh = !existsSync(dbFile);
  const db = openDb(dbFile);
  if (fresh) await seedDemo(db, now);
  return {
    db,
    shared: {},
    where: `${path.relative(repoRoot, dbFile)}${fresh ? ' (new, seeded)' : ''} — start fresh with --reset`,
    async close() {
      db.close();
    },
  };
}

/** The lines a started host prints: its URL, the demo accounts, where its data is. */
export function announce(title: string, port: number, where: string) {
  console.log(`\n${title} is running at http://127.0.0.1:${port}/`);
  console.log(`  user:  ${DEMO_CREDENTIALS.user.email} / ${DEMO_CREDENTIALS.user.password}`);
  console.log(`  admin: ${DEMO_CREDENTIALS.admin.email} / ${DEMO_CREDENTIALS.admin.password}`);
  console.log(`  data:  ${where}`);
  console.log('Press Ctrl+C to stop.\n');
}

/** On Ctrl+C or SIGTERM: `close`, then exit. */
export function stopOnSignals(close: () => Promise<void> | void) {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
