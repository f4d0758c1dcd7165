import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/server/events.js';
import {
  createPostgresEventBus,
  createPostgresSessionStore,
  type PostgresListenClient,
  type PostgresListenPool,
  type PostgresPool,
  type PostgresSessionStore,
} from '../../src/server/postgres/index.js';
import { postgresDriver } from '../../src/server/postgres/postgresDriver.js';
import { sessionFixture, sessionStoreTests } from '../../src/server/testing/index.js';
import { SUITE_NOW, signInFixture } from '../../src/server/testing/storeFixtures.js';

const url = process.env.PROFILEKIT_PG_URL;
if (!url) {
  // Never a silent skip: a green run must mean the store ran against a real server.
  throw new Error(
    'test/server/postgresStore.test.ts needs a PostgreSQL server and PROFILEKIT_PG_URL is not set. Run it ' +
      'through the throwaway-cluster script: node scripts/with-postgres.mjs node_modules/.bin/vitest run ' +
      '--project postgres test/server/postgresStore.test.ts',
  );
}

const NOW = Date.UTC(2026, 11, 1, 12);
const HOUR = 3_600_000;

// Two pools are two instances of the host; each test file works in a schema of its own.
const poolA = new pg.Pool({ connectionString: url, max: 8 });
const poolB = new pg.Pool({ connectionString: url, max: 8 });
// A pg.Pool is what the kit's structural types describe (checked by tsc, not at run time).
const typedPool: PostgresPool = poolA;
const typedListenPool: PostgresListenPool = poolB;
void typedPool;
void typedListenPool;

const run = randomBytes(4).toString('hex');
const schema = `profilekit_test_${run}`;
const channel = `profilekit_test_events_${run}`;
const extraSchemas: string[] = [];

const storeA = createPostgresSessionStore(poolA, { schema });
const storeB = createPostgresSessionStore(poolB, { schema });

beforeAll(async () => {
  const { rows } = await poolA.query("SELECT current_setting('server_version_num')::int AS version");
  expect(rows[0].version).toBeGreaterThanOrEqual(150000);
  await storeA.ready();
});

afterAll(async () => {
  for (const name of [schema, ...extraSchemas]) await poolA.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await Promise.all([poolA.end(), poolB.end()]);
});

const reset = async () => {
  await poolA.query(
    `TRUNCATE "${schema}".profilekit_sessions, "${schema}".profilekit_attempts, "${schema}".profilekit_activity`,
  );
};

describe('SessionStore suite: PostgreSQL 15', () => {
  const createStore = async () => {
    await reset();
    return storeA;
  };
  for (const test of sessionStoreTests({ createStore })) it(test.name, test.run);
});

const waitFor = async (check: () => boolean, timeoutMs = 10_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL store: schema', () => {
  it('records its version once and makes the indexes the queries need', async () => {
    const versions = await poolA.query(`SELECT version FROM "${schema}".profilekit_schema`);
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
    const { rows } = await poolA.query('SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1', [
      schema,
    ]);
    const names = rows.map((r) => r.indexname).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'profilekit_sessions_by_user',
        'profilekit_sessions_by_last_active',
        'profilekit_sessions_by_created',
        'profilekit_sessions_by_expires',
        'profilekit_sessions_by_sign_in',
        'profilekit_sessions_pkey',
        'profilekit_sessions_token_hash_key',
        'profilekit_attempts_pkey',
        'profilekit_host_sessions_pkey',
        'profilekit_host_sessions_by_expiry',
      ]),
    );
    if (existsSync('/usr/share/postgresql/15/extension/pg_trgm.control')) {
      expect(names).toEqual(expect.arrayContaining(['profilekit_sessions_search']));
    }
  });

  it('answers a substring search from the trigram index', async () => {
    const client = await poolA.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(
        `EXPLAIN SELECT id FROM "${schema}".profilekit_sessions WHERE search_text LIKE '%firefox%'`,
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('profilekit_sessions_search');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => createPostgresSessionStore(poolA, { schema: 'x"; DROP TABLE y; --' })).toThrow(TypeError);
    expect(() => createPostgresEventBus(poolA, { channel: 'a b' })).toThrow(TypeError);
  });

  it('sets up the schema once when several instances start at the same moment', async () => {
    const fresh = `profilekit_test_${run}_init`;
    extraSchemas.push(fresh);
    const stores = [poolA, poolB, poolA, poolB, poolA, poolB].map((pool) =>
      createPostgresSessionStore(pool, { schema: fresh }),
    );
    await Promise.all(stores.map((store) => store.ready()));
    const versions = await poolA.query(`SELECT version FROM "${fresh}".profilekit_schema`);
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
    // Each works at once, and sees the others' rows.
    const session = sessionFixture({}, { now: NOW });
    await stores[0]?.createSession(session);
    expect(await stores[5]?.findById(session.id)).toEqual(session);
  });
});

/** Stores a session of `userId` with its sign-in from `deviceKey`, as the manager does: answers whether it was new. */
async function signIn(store: PostgresSessionStore, userId: string, deviceKey: string) {
  const { session, entry } = signInFixture(userId, deviceKey);
  return (await store.createSession(session, [entry], { newDeviceSince: SUITE_NOW - 24 * HOUR })).newDevice;
}

describe('PostgreSQL store: batches, and the sign-in statement kept prepared', () => {
  it('prepares it once per connection and text, two schemas over one pool each their own', async () => {
    const one = new pg.Pool({ connectionString: url, max: 1 });
    const other = `profilekit_test_${run}_prepared`;
    extraSchemas.push(other);
    try {
      const stores = [schema, other].map((name) => createPostgresSessionStore(one, { schema: name }));
      await reset();
      for (const store of stores) {
        expect(await signIn(store, 'usr_p', 'desktop|Chrome|macOS')).toBe(false);
        expect(await signIn(store, 'usr_p', 'mobile|Safari|iOS')).toBe(true);
        expect(await signIn(store, 'usr_p', 'desktop|Chrome|macOS')).toBe(false);
      }
      const { rows } = await one.query('SELECT name, statement FROM pg_prepared_statements ORDER BY name');
      expect(rows).toHaveLength(2);
      expect(
        rows.map((r) => [/^profilekit_[0-9a-f]{32}$/.test(r.name), r.statement.includes(`"${other}"`)]),
      ).toEqual(
        expect.arrayContaining([
          [true, false],
          [true, true],
        ]),
      );
    } finally {
      await one.end();
    }
  });

  it('runs a batch of several statements in one transaction: all of it or none', async () => {
    const driver = postgresDriver(poolA, schema);
    await driver.run(`CREATE TABLE IF NOT EXISTS "${schema}".batch_test (id text PRIMARY KEY)`);
    const insert = (id: string) => ({
      sql: `INSERT INTO "${schema}".batch_test (id) VALUES ($1) RETURNING id`,
      params: [id],
    });
    await expect(driver.batch([insert('a'), insert('b'), insert('a')])).rejects.toThrow(/duplicate key/);
    expect(
      await driver.batch([
        insert('c'),
        { sql: `SELECT count(*)::int AS n FROM "${schema}".batch_test`, params: [] },
      ]),
    ).toEqual([[{ id: 'c' }], [{ n: 1 }]]);
  });

  it('sends it unnamed once the pool loses a prepared statement (PgBouncer in transaction mode)', async () => {
    await reset();
    let named = 0;
    // A pooler that hands the next run another server connection, without the statement.
    const forgetful = {
      connect: () => poolA.connect(),
      query: (text: string | { name: string; text: string }, values?: unknown[]) => {
        if (typeof text === 'string') return poolA.query(text, values);
        named += 1;
        if (named === 1) return poolA.query(text, values);
        return Promise.reject(
          Object.assign(new Error(`prepared statement "${text.name}" does not exist`), { code: '26000' }),
        );
      },
    } as PostgresPool;
    const store = createPostgresSessionStore(forgetful, { schema });
    expect(await signIn(store, 'usr_f', 'desktop|Chrome|macOS')).toBe(false);
    expect(await signIn(store, 'usr_f', 'mobile|Safari|iOS')).toBe(true);
    expect(await signIn(store, 'usr_f', 'tablet|Firefox|Android')).toBe(true);
    expect(named).toBe(2);
    const entries = await store.listActivity({ userId: 'usr_f', limit: 10 });
    expect(entries.map((e) => e.newDevice)).toEqual([true, true, false]);
  });
});

describe('PostgreSQL store: several instances over one database', () => {
  it("sees the other instance's writes at once", async () => {
    await reset();
    const session = sessionFixture({}, { now: NOW });
    await storeA.createSession(session);
    expect(await storeB.findByTokenHash(session.tokenHash)).toEqual(session);
    await storeB.recordActivity(session.id, {
      lastActiveAt: NOW,
      expiresAt: NOW + 20 * HOUR,
      ipAddress: '192.0.2.9',
      userAgent: 'Safari',
      device: { browser: 'Safari' },
      location: null,
    });
    expect((await storeA.findById(session.id))?.ipAddress).toBe('192.0.2.9');
    const push = (at: number) => (attempts: readonly number[]) => ({
      attempts: [...attempts, at],
      result: attempts.length + 1,
    });
    expect(await storeB.updateAttempts('k', push(NOW), { keepUntil: NOW + HOUR })).toBe(1);
    expect(await storeA.updateAttempts('k', push(NOW + 1), { keepUntil: NOW + HOUR })).toBe(2);
    expect(await storeA.deleteSession(session.id, { now: NOW })).toEqual({
      ...session,
      lastActiveAt: NOW,
      expiresAt: NOW + 20 * HOUR,
      ipAddress: '192.0.2.9',
      userAgent: 'Safari',
      device: { browser: 'Safari' },
      location: null,
    });
    expect(await storeB.findById(session.id)).toBeNull();
  });

  it('ends each session exactly once when two instances race deletes', async () => {
    for (let round = 0; round < 5; round++) {
      await reset();
      const sessions = Array.from({ length: 30 }, (_, i) =>
        sessionFixture({ applicationId: i % 3 === 0 ? 'mobile' : 'web' }, { now: NOW }),
      );
      for (const s of sessions) await storeA.createSession(s);
      const results = await Promise.all([
        storeA.deleteUserSessions('usr_a', { now: NOW, applicationId: 'mobile' }),
        ...sessions.map((s, i) => (i % 2 === 0 ? storeA : storeB).deleteSession(s.id, { now: NOW })),
        storeB.deleteUserSessions('usr_a', { now: NOW }),
        storeA.deleteUserSessions('usr_a', { now: NOW, exceptId: sessions[0]?.id }),
        storeB.deleteUserSessions('usr_a', { now: NOW, applicationId: 'web' }),
      ]);
      const ended = results.flatMap((r) => (r === null ? [] : Array.isArray(r) ? r : [r])).map((s) => s.id);
      expect(ended.sort()).toEqual(sessions.map((s) => s.id).sort());
      expect((await storeB.countSessions({ now: NOW, startOfDay: NOW })).totalActive).toBe(0);
    }
  });

  it('loses no attempt when two instances update one key at once', async () => {
    await reset();
    const push = (attempts: readonly number[]) => ({ attempts: [...attempts, NOW], result: attempts.length });
    const seen = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? storeA : storeB).updateAttempts('k', push, { keepUntil: NOW + HOUR }),
      ),
    );
    // Each update saw every one before it: the counts they read are 0 to 19, once each.
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('PostgreSQL event bus (LISTEN/NOTIFY)', () => {
  const started = (sessionId: string): SessionEvent => ({
    type: 'session.started',
    userId: 'usr_a',
    sessionId,
    at: NOW,
  });

  it('carries an event published on one instance to the subscribers of every instance, once', async () => {
    const busA = createPostgresEventBus(poolA, { channel });
    const busB = createPostgresEventBus(poolB, { channel });
    try {
      const onA: SessionEvent[] = [];
      const onB: SessionEvent[] = [];
      busA.subscribe((event) => onA.push(event));
      busB.subscribe((event) => onB.push(event));
      await Promise.all([busA.ready(), busB.ready()]);
      const ended: SessionEvent = {
        type: 'session.ended',
        userId: 'usr_a',
        sessionId: 'ses_1',
        at: NOW,
        cause: 'revoked',
        bySessionId: 'ses_2',
      };
      await busA.publish(ended);
      await busB.publish(started('ses_3'));
      await waitFor(() => onA.length >= 2 && onB.length >= 2);
      await pause(200);
      expect(onB).toEqual([ended, started('ses_3')]);
      expect(onA).toEqual([ended, started('ses_3')]);
    } finally {
      await Promise.all([busA.close(), busB.close()]);
    }
  });

  it('listens again after its connection is killed, and later events arrive', async () => {
    const pids: number[] = [];
    const errors: Error[] = [];
    // The pool, with the listen connection's backend pid noted so the test can kill it.
    const watched: PostgresListenPool = {
      query: (text, values) => poolB.query(text, values),
      connect: async () => {
        const client = await poolB.connect();
        const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
        pids.push(rows[0].pid);
        return client as PostgresListenClient;
      },
    };
    const busA = createPostgresEventBus(poolA, { channel });
    const busB = createPostgresEventBus(watched, {
      channel,
      reconnectDelayMs: { min: 20, max: 200 },
      onError: (error) => errors.push(error),
    });
    try {
      const received: SessionEvent[] = [];
      busB.subscribe((event) => received.push(event));
      await busB.ready();
      await busA.publish(started('before'));
      await waitFor(() => received.length === 1);

      await poolA.query('SELECT pg_terminate_backend($1)', [pids[0]]);
      await waitFor(() => pids.length === 2);
      await busB.ready();
      expect(errors.length).toBeGreaterThan(0);
      const { rows } = await poolA.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [
        pids[1],
      ]);
      expect(rows[0].n).toBe(1);

      await busA.publish(started('after'));
      await waitFor(() => received.length === 2);
      await pause(200);
      expect(received.map((e) => e.sessionId)).toEqual(['before', 'after']);
    } finally {
      await Promise.all([busA.close(), busB.close()]);
    }
  });

  it('stops delivering after close, and ready() then rejects', async () => {
    const busA = createPostgresEventBus(poolA, { channel });
    const busB = createPostgresEventBus(poolB, { channel });
    const received: SessionEvent[] = [];
    busB.subscribe((event) => received.push(event));
    await busB.ready();
    await busB.close();
    await busA.publish(started('late'));
    await pause(200);
    expect(received).toEqual([]);
    await expect(busB.ready()).rejects.toThrow(/closed/);
    await busA.close();
  });
});
