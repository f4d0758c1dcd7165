// One instance of the demo host in this process, as a deployment runs it over PostgreSQL: its own pg.Pool,
// its own PostgreSQL store (on a schema the instances share), its own LISTEN/NOTIFY event bus, its own
// users (an in-memory SQLite database seeded with the demo users only), served on a loopback port.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { type AppOptions, createApp } from '../../examples/server/createApp.js';
import { openDb } from '../../examples/server/db.js';
import { seedDemo } from '../../examples/server/seed.js';
import type { PasswordAttemptPolicy } from '../../src/server/index.js';
import {
  createPostgresEventBus,
  createPostgresSessionStore,
  type PostgresEventBus,
  type PostgresEventBusOptions,
  type PostgresSessionStore,
} from '../../src/server/postgres/index.js';

export interface InstanceOptions {
  url: string;
  schema: string;
  channel: string;
  now?: () => number;
  sessions?: AppOptions['sessions'];
  pool?: Omit<pg.PoolConfig, 'connectionString'>;
  bus?: Omit<PostgresEventBusOptions, 'channel'>;
  /** The handler's limit on wrong passwords. @default the handler's */
  passwordAttempts?: PasswordAttemptPolicy;
}

export interface Instance {
  origin: string;
  apiUrl: string;
  pool: pg.Pool;
  store: PostgresSessionStore;
  events: PostgresEventBus;
  manager: ReturnType<typeof createApp>['manager'];
  /** Errors the pool reported on idle connections (a server going away). */
  poolErrors: Error[];
  close(): Promise<void>;
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const pool = new pg.Pool({ connectionString: options.url, max: 10, ...options.pool });
  const poolErrors: Error[] = [];
  // An idle connection the server closes is reported here; unhandled, it would crash the process.
  pool.on('error', (error) => poolErrors.push(error));
  const store = createPostgresSessionStore(pool, { schema: options.schema });
  const events = createPostgresEventBus(pool, { channel: options.channel, ...options.bus });
  const db = openDb(':memory:');
  await seedDemo(db, Date.now(), 0, { store, sessions: false });
  const sessions = options.passwordAttempts
    ? { passwordAttempts: options.passwordAttempts, ...options.sessions }
    : options.sessions;
  const { app, manager } = createApp({ db, store, events, now: options.now, sessions });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => {
    if (server.listening) resolve();
    else server.once('listening', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    apiUrl: `${origin}/api`,
    pool,
    store,
    events,
    manager,
    poolErrors,
    async close() {
      // Open event streams would hold the server open: cut them.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await events.close();
      await pool.end();
      db.close();
    },
  };
}
