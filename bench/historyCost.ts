// The authentication log's cost (issue: the server half's history), on SQLite (a file on disk in WAL mode,
// the embedded default) and on PostgreSQL, in three parts:
// 1. Sign-in with history against without: one store, two managers over it (history on, the default, and
//    `history: false`), the same user and user agent for both in each iteration, the order alternating.
//    The log holds 100,000 entries over 1,000 users first, so the new-device check reads a real index.
//    Every session is revoked by its own manager after its timed sign-in (untimed), so no user nears the
//    cap. Median and p95 of `manager.signIn`, and the SQL statements each sign-in runs.
// 2. authenticate writes nothing new: the store calls and SQL statements of N authenticate calls, history on
//    and off (the same calls on twin sessions, each stale once, so the activity write is among them); the
//    bench fails if they differ or if the log gains a row.
// 3. The activity page at 1,000,000 entries over 10,000 users (a few heavy) and 90 days, bulk-inserted
//    straight into `profilekit_activity` after the store made its schema; then a user's page, a deep keyset
//    page, the manager's decorated page, and the admin's pages, both engines alternating, each answer
//    checked equal across the engines.
// Run: node scripts/with-postgres.mjs node_modules/.bin/tsx bench/historyCost.ts
//      (or `npm run bench -- --only history`, which also writes its section of bench/RESULTS.md)
//      --sqlite-only: without PostgreSQL; --quick: small sizes, to try the bench out; --sign-in-only: part 1
//      alone (seconds, not minutes), printed and written to bench/.out/history-sign-in.json, not to the
//      file the report reads.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ActivityKind } from '../src/contract/activity.js';
import type { SessionEndCause } from '../src/contract/events.js';
import { ACTIVITY_COLUMNS, activityValues } from '../src/server/history/activityColumns.js';
import {
  deviceKeyOf,
  endedEntry,
  failedSignInEntry,
  notMeEntry,
  sessionEntry,
  signedInEntry,
} from '../src/server/history/entries.js';
import {
  type ActivityQuery,
  createSessionManager,
  parseDevice,
  type SessionManager,
  type StoredActivity,
  type StoredSession,
  setClientAddress,
} from '../src/server/index.js';
import { postgresDriver } from '../src/server/postgres/postgresDriver.js';
import { createSqlSessionStore, type SqlSessionStore } from '../src/server/sql/createSqlSessionStore.js';
import type { SqlDriver, SqlExecutor } from '../src/server/sql/sqlDriver.js';
import { sqliteDriver } from '../src/server/sqlite/sqliteDriver.js';
import { hashSessionToken, newSessionToken } from '../src/server/tokens.js';
import { countingStore } from '../test/server/harness.js';
import {
  loadAverage,
  mulberry32,
  root,
  round3,
  type Stats,
  stats,
  USER_AGENTS,
  version,
  writeResult,
} from './benchData.js';

const quick = process.argv.includes('--quick');
const sqliteOnly = process.argv.includes('--sqlite-only');
const signInOnly = process.argv.includes('--sign-in-only');
const url = process.env.PROFILEKIT_PG_URL;
if (!url && !sqliteOnly) {
  console.error(
    'PROFILEKIT_PG_URL is not set: run through `node scripts/with-postgres.mjs`, or pass --sqlite-only.',
  );
  process.exit(2);
}

// 1.
const SIGN_IN_LOG_ENTRIES = quick ? 10_000 : 100_000;
const SIGN_IN_LOG_USERS = 1_000;
/** The users who sign in (a handful), among the log's users, from the first few user agents. */
const SIGN_IN_USERS = 5;
const SIGN_IN_AGENTS = 4;
const SIGN_IN_WARM_UP = quick ? 10 : 200;
const SIGN_IN_RUNS = quick ? 60 : 2000;
/** The target from the issue: a sign-in with history at most this many times one without. */
const SIGN_IN_TARGET_RATIO = 1.2;
// 2.
const AUTH_SESSIONS = 100;
const AUTH_ROUNDS = 2;
// 3.
const PAGE_ENTRIES = quick ? 50_000 : 1_000_000;
const PAGE_USERS = quick ? 1_000 : 10_000;
const PAGE_WARM_UP = quick ? 3 : 10;
const PAGE_RUNS = quick ? 30 : 200;
/** The pages as the handler asks them: its size and one more (to know whether a next page exists). */
const USER_PAGE_LIMIT = 21;
const ADMIN_PAGE_LIMIT = 51;
const SEED_BATCH = 10_000;
/** better-sqlite3's page cache while seeding only (KiB), then back to the connection's default. */
const SQLITE_SEED_CACHE_KIB = 512 * 1024;

const DAYS = 90;
const DAY = 86_400_000;
const MINUTE = 60_000;
const BASE_URL = 'http://localhost';
const started = performance.now();
const loadAtStart = loadAverage();
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

// =========================================================================================================
// The SQL each store call runs, counted under the store (a driver around the engine's own driver).
// =========================================================================================================
interface StatementCounts {
  /** Calls into the driver: a statement, a transaction or a batch (PostgreSQL: each a round trip or more). */
  steps: number;
  statements: number;
  /** INSERT, UPDATE and DELETE statements. */
  writes: number;
  /** Commits: a write outside a transaction, or a transaction (SQLite: each one an fsync of the WAL). */
  commits: number;
  /** Statements by verb and table ("INSERT profilekit_activity"). */
  byLabel: Record<string, number>;
  /**
   * The time from each step's call to its answer (ms), by the same labels; a batch's statements run as one
   * step, timed together under their labels joined ("INSERT profilekit_sessions + INSERT …").
   */
  msByLabel: Record<string, number>;
}
const noStatements = (): StatementCounts => ({
  steps: 0,
  statements: 0,
  writes: 0,
  commits: 0,
  byLabel: {},
  msByLabel: {},
});
function addCounts(into: StatementCounts, from: StatementCounts, sign = 1) {
  into.steps += sign * from.steps;
  into.statements += sign * from.statements;
  into.writes += sign * from.writes;
  into.commits += sign * from.commits;
  for (const [label, n] of Object.entries(from.byLabel)) {
    into.byLabel[label] = (into.byLabel[label] ?? 0) + sign * n;
    if (into.byLabel[label] === 0) delete into.byLabel[label];
  }
  for (const [label, ms] of Object.entries(from.msByLabel)) {
    into.msByLabel[label] = (into.msByLabel[label] ?? 0) + sign * ms;
    // A label whose time did not change since (x − x is exactly 0).
    if (into.msByLabel[label] === 0) delete into.msByLabel[label];
  }
  return into;
}
const countsSince = (now: StatementCounts, before: StatementCounts) =>
  addCounts(addCounts(noStatements(), now), before, -1);

function countStatements(inner: SqlDriver) {
  const counts = noStatements();
  /** While `trace` runs: the statements, as sent. */
  let traced: { sql: string; params: readonly unknown[] }[] | null = null;
  /** Counts the statement and answers its label, for its time. */
  const note = (sql: string, inTransaction: boolean) => {
    const verb = (/^\s*(\w+)/.exec(sql)?.[1] ?? '?').toUpperCase();
    const label = `${verb} ${/profilekit_\w+/.exec(sql)?.[0] ?? ''}`.trim();
    counts.statements += 1;
    counts.byLabel[label] = (counts.byLabel[label] ?? 0) + 1;
    const write =
      ['INSERT', 'UPDATE', 'DELETE'].includes(verb) ||
      (verb === 'WITH' && /\b(INSERT|UPDATE|DELETE)\b/.test(sql));
    if (write) {
      counts.writes += 1;
      if (!inTransaction) counts.commits += 1;
    }
    return label;
  };
  const timed = async <Result>(label: string, statement: () => Promise<Result>) => {
    const t0 = performance.now();
    try {
      return await statement();
    } finally {
      counts.msByLabel[label] = (counts.msByLabel[label] ?? 0) + performance.now() - t0;
    }
  };
  const counted = (executor: SqlExecutor, inTransaction: boolean): SqlExecutor => ({
    query: <Row>(sql: string, params: readonly unknown[] = []) => {
      traced?.push({ sql, params });
      if (!inTransaction) counts.steps += 1;
      return timed(note(sql, inTransaction), () => executor.query<Row>(sql, params));
    },
    run: (sql, params = []) => {
      traced?.push({ sql, params });
      if (!inTransaction) counts.steps += 1;
      return timed(note(sql, inTransaction), () => executor.run(sql, params));
    },
  });
  const driver: SqlDriver = {
    dialect: inner.dialect,
    ...counted(inner, false),
    transaction: (work, lock) => {
      counts.steps += 1;
      counts.commits += 1;
      return inner.transaction((tx) => work(counted(tx, true)), lock);
    },
    batch: (statements) => {
      traced?.push(...statements);
      counts.steps += 1;
      // Several statements are one transaction; one alone is counted as any statement is.
      const inTransaction = statements.length > 1;
      if (inTransaction) counts.commits += 1;
      const label = statements.map(({ sql }) => note(sql, inTransaction)).join(' + ');
      return timed(label, () => inner.batch(statements));
    },
  };
  return {
    driver,
    snapshot: () => addCounts(noStatements(), counts),
    /** The statements `work` ran. */
    async trace(work: () => Promise<unknown>) {
      traced = [];
      try {
        await work();
        return traced;
      } finally {
        traced = null;
      }
    },
  };
}

// =========================================================================================================
// The engines: the store as a host makes it (createSqliteSessionStore / createPostgresSessionStore are
// createSqlSessionStore over these drivers), plus a bulk insert straight into the log's table.
// =========================================================================================================
type EngineName = 'sqlite' | 'postgres';
interface Engine {
  name: EngineName;
  store: SqlSessionStore;
  sql: ReturnType<typeof countStatements>;
  /** The log's table as a statement names it. */
  table: string;
  beginSeed(): Promise<void>;
  insertEntries(entries: readonly StoredActivity[]): Promise<void>;
  insertSessions(sessions: readonly { session: StoredSession; signIn: StoredActivity }[]): Promise<void>;
  /** SQLite: COMMIT and a WAL checkpoint. PostgreSQL: nothing (see `analyze`). */
  endSeed(): Promise<void>;
  /** PostgreSQL: VACUUM (ANALYZE), so autovacuum does not start mid-measurement. SQLite: nothing. */
  analyze(): Promise<void>;
  logRows(): Promise<number>;
  close(): Promise<void>;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'profilekit-bench-history-'));
const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
/** SQLite's `synchronous` as the bench's databases have it. */
let sqliteSynchronous = 'unknown';
const sqliteValue = (value: unknown) => (typeof value === 'boolean' ? Number(value) : value);

async function openSqlite(file: string): Promise<Engine & { db: Database.Database }> {
  const db = new Database(path.join(dir, file));
  // The reference server's settings (examples/server/db.ts): WAL, synchronous left at its default.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const sql = countStatements(sqliteDriver(db));
  const store = createSqlSessionStore(sql.driver);
  await store.ready();
  // Read, not assumed: better-sqlite3's build makes WAL mode's default NORMAL once the WAL is in use.
  sqliteSynchronous = SYNCHRONOUS[db.pragma('synchronous', { simple: true }) as number] ?? 'unknown';
  const insert = db.prepare(
    `INSERT INTO profilekit_activity (${ACTIVITY_COLUMNS.join(', ')}) VALUES (${ACTIVITY_COLUMNS.map(() => '?').join(', ')})`,
  );
  const defaultCache = db.pragma('cache_size', { simple: true }) as number;
  return {
    name: 'sqlite',
    db,
    store,
    sql,
    table: 'profilekit_activity',
    async beginSeed() {
      db.pragma(`cache_size = -${SQLITE_SEED_CACHE_KIB}`);
      db.exec('BEGIN');
    },
    async insertEntries(entries) {
      for (const entry of entries) insert.run(activityValues(entry).map(sqliteValue));
    },
    async insertSessions(sessions) {
      for (const { session, signIn } of sessions) await store.createSession(session, [signIn]);
    },
    async endSeed() {
      db.exec('COMMIT');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma(`cache_size = ${defaultCache}`);
    },
    async analyze() {},
    // The log as the store reads it: the table, and the sign-ins live sessions' rows hold.
    logRows: async () =>
      (
        db
          .prepare(
            'SELECT (SELECT count(*) FROM profilekit_activity) + (SELECT count(*) FROM profilekit_sessions WHERE sign_in_id IS NOT NULL) AS n',
          )
          .get() as { n: number }
      ).n,
    async close() {
      db.close();
    },
  };
}

async function openPostgres(schema: string): Promise<Engine> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server drops would otherwise crash the process.
  pool.on('error', (error) => console.error('pg pool:', error.message));
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const sql = countStatements(postgresDriver(pool, schema));
  const store = createSqlSessionStore(sql.driver);
  await store.ready();
  const table = `"${schema}".profilekit_activity`;
  // Multi-row INSERTs: one statement a batch, each column an array parameter.
  const types = ACTIVITY_COLUMNS.map((c) =>
    c === 'at' ? 'bigint' : c === 'new_device' ? 'boolean' : 'text',
  );
  const insert = `INSERT INTO ${table} (${ACTIVITY_COLUMNS.join(', ')})
    SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`;
  return {
    name: 'postgres',
    store,
    sql,
    table,
    async beginSeed() {},
    async insertEntries(entries) {
      const columns: unknown[][] = ACTIVITY_COLUMNS.map(() => []);
      for (const entry of entries) {
        for (const [i, value] of activityValues(entry).entries()) columns[i]?.push(value);
      }
      await pool.query(insert, columns);
    },
    async insertSessions(sessions) {
      for (let i = 0; i < sessions.length; i += 4) {
        await Promise.all(
          sessions.slice(i, i + 4).map(({ session, signIn }) => store.createSession(session, [signIn])),
        );
      }
    },
    async endSeed() {},
    async analyze() {
      await pool.query(`VACUUM (ANALYZE) ${table}`);
      await pool.query(`VACUUM (ANALYZE) "${schema}".profilekit_sessions`);
    },
    logRows: async () =>
      Number(
        (
          await pool.query(
            `SELECT (SELECT count(*) FROM ${table}) + (SELECT count(*) FROM "${schema}".profilekit_sessions WHERE sign_in_id IS NOT NULL) AS n`,
          )
        ).rows[0].n,
      ),
    async close() {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

// =========================================================================================================
// The log's data: what the manager itself records (the library's own entry constructors), over `days`.
// A sign-in's session ends later (signed out, expired, revoked, the cap, not me) or, within the last 14
// days, may still be live (its row is seeded too, holding its sign-in as the store keeps a live session's:
// schema step 6); failed sign-ins and re-authentications in between.
// =========================================================================================================
const userIdOf = (u: number) => `usr_${String(u).padStart(5, '0')}`;
const devices = new Map<string, ReturnType<typeof parseDevice>>();
const deviceOf = (userAgent: string) => {
  if (!devices.has(userAgent)) devices.set(userAgent, parseDevice(userAgent));
  return devices.get(userAgent) ?? null;
};

/** A session signed in at `at`, as the manager makes one: 14 days idle, 30 at most, no place. */
const sessionRow = (
  at: number,
  s: Pick<StoredSession, 'id' | 'userId' | 'tokenHash' | 'tokenPreview' | 'userAgent' | 'ipAddress'>,
): StoredSession => ({
  ...s,
  device: deviceOf(s.userAgent ?? ''),
  location: null,
  trusted: false,
  applicationId: null,
  createdAt: at,
  lastActiveAt: at,
  expiresAt: at + 14 * DAY,
  absoluteExpiresAt: at + 30 * DAY,
  authenticatedAt: at,
});

function logData(options: { users: number; entries: number; now: number; seed: number; skewed: boolean }) {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const randomIp = () =>
    `${1 + Math.floor(random() * 223)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
  const { now } = options;
  const perUser = new Map<string, number>();
  /** Live sessions with their sign-ins: `createSession` stores each sign-in in its row, not in the table. */
  const live: { session: StoredSession; signIn: StoredActivity }[] = [];
  let story = 0;
  let made = 0;

  function nextStory(): StoredActivity[] {
    story += 1;
    const r = random();
    // Skewed: user u with density ∝ 1/√u (the heaviest ~1 % of all entries); else uniform.
    const u = Math.floor(options.users * (options.skewed ? r * r : r));
    const userId = userIdOf(u);
    // Each user's two usual devices, and now and then another.
    const own = [USER_AGENTS[u % 6], USER_AGENTS[(u + 3) % 6]] as string[];
    const userAgent = random() < 0.9 ? (own[random() < 0.5 ? 0 : 1] as string) : pick(USER_AGENTS);
    const at = now - 1 - Math.floor(random() * DAYS * DAY);
    const session = sessionRow(at, {
      id: `ses_seed${String(story).padStart(8, '0')}`,
      userId,
      tokenHash: `seed-token-hash-${story}`,
      tokenPreview: 'seedseed',
      userAgent,
      ipAddress: randomIp(),
    });
    const kind = random();
    if (kind < 0.7) {
      const signedIn = signedInEntry(session, {
        method: random() < 0.85 ? 'password' : 'passkey',
        newDevice: random() < 0.03,
        deviceKey: deviceKeyOf(session.device, null, false),
      });
      if (at > now - 14 * DAY && random() < 0.4) {
        session.lastActiveAt = at + Math.floor(random() * (now - at));
        session.expiresAt = Math.min(session.absoluteExpiresAt, session.lastActiveAt + 14 * DAY);
        live.push({ session, signIn: signedIn });
        // Counted as the log's, as the store reads it (`listActivity`); written with its row.
        made += 1;
        perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
        return [];
      }
      // Ended within 14 days (idle expiry), and before now.
      const endAt = at + 1 + Math.floor(random() * Math.min(now - at - 1, 14 * DAY));
      const end = random();
      if (end < 0.01) return [signedIn, notMeEntry({ ...session, sessionId: session.id }, endAt, null)];
      const cause: SessionEndCause =
        end < 0.5 ? 'signed-out' : end < 0.85 ? 'expired' : end < 0.96 ? 'revoked-others' : 'session-limit';
      const bySessionId =
        cause === 'revoked-others' || cause === 'session-limit' ? `ses_other${story}` : null;
      return [signedIn, endedEntry(session, endAt, { cause, bySessionId })];
    }
    if (kind < 0.9) {
      return [
        failedSignInEntry({
          userId: random() < 0.8 ? userId : null,
          identifier: `user${u}@example.com`,
          reason: random() < 0.9 ? 'invalid-credentials' : 'rate-limited',
          at,
          described: session,
        }),
      ];
    }
    return [sessionEntry(random() < 0.6 ? 'reauthenticated' : 'confirmation-failed', session, at)];
  }

  return {
    perUser,
    live,
    /** The next batch of entries, or an empty one when all are made. */
    batch(size: number): StoredActivity[] {
      const out: StoredActivity[] = [];
      while (out.length < size && made < options.entries) {
        for (const entry of nextStory()) {
          if (out.length >= size || made >= options.entries) break;
          out.push(entry);
          made += 1;
          if (entry.userId !== null) perUser.set(entry.userId, (perUser.get(entry.userId) ?? 0) + 1);
        }
      }
      return out;
    },
  };
}

/** Seeds every engine with the same entries (and live sessions), timing each engine on its own. */
async function seed(engines: Engine[], data: ReturnType<typeof logData>) {
  const ms = new Map(engines.map((e) => [e, { insert: 0, other: 0, analyze: 0 }]));
  const time = async (e: Engine, key: 'insert' | 'other' | 'analyze', step: () => Promise<void>) => {
    const t0 = performance.now();
    await step();
    const m = ms.get(e) as { insert: number; other: number; analyze: number };
    m[key] += performance.now() - t0;
  };
  for (const e of engines) await time(e, 'other', () => e.beginSeed());
  for (let batch = data.batch(SEED_BATCH); batch.length > 0; batch = data.batch(SEED_BATCH)) {
    for (const e of engines) await time(e, 'insert', () => e.insertEntries(batch));
  }
  for (const e of engines) {
    await time(e, 'other', () => e.insertSessions(data.live));
    await time(e, 'other', () => e.endSeed());
    await time(e, 'analyze', () => e.analyze());
  }
  return Object.fromEntries(
    [...ms].map(([e, m]) => [
      e.name,
      {
        /** The log's rows alone. */
        logInsertMs: Math.round(m.insert),
        /** And the live sessions' rows, the commit and the WAL checkpoint (SQLite). */
        totalMs: Math.round(m.insert + m.other),
        /** PostgreSQL's VACUUM (ANALYZE) after. */
        analyzeMs: Math.round(m.analyze),
      },
    ]),
  );
}

// =========================================================================================================
// 1. Sign-in with history against without.
// =========================================================================================================
type Mode = 'on' | 'off';
const signInRequest = (userAgent: string, ip: string) => {
  const request = new Request(`${BASE_URL}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'user-agent': userAgent },
  });
  setClientAddress(request, ip);
  return request;
};

async function signInCost(engine: Engine) {
  const now = Date.now();
  const data = logData({
    users: SIGN_IN_LOG_USERS,
    entries: SIGN_IN_LOG_ENTRIES,
    now,
    seed: 20_261_206,
    skewed: false,
  });
  const seeded = (await seed([engine], data))[engine.name];
  assert.equal(await engine.logRows(), SIGN_IN_LOG_ENTRIES);
  log(`${engine.name}: the log holds ${SIGN_IN_LOG_ENTRIES.toLocaleString('en')} entries`);

  const managers: Record<Mode, SessionManager> = {
    on: createSessionManager({ store: engine.store, cookie: { secure: false } }),
    off: createSessionManager({ store: engine.store, history: false, cookie: { secure: false } }),
  };
  const random = mulberry32(7);
  const iterations = SIGN_IN_WARM_UP + SIGN_IN_RUNS;
  const plan = Array.from({ length: iterations }, (_, i) => ({
    userId: userIdOf(i % SIGN_IN_USERS),
    userAgent: USER_AGENTS[Math.floor(random() * SIGN_IN_AGENTS)] as string,
    ip: `198.51.100.${1 + Math.floor(random() * 254)}`,
  }));
  const times: Record<Mode, number[]> = { on: [], off: [] };
  /** Each timed sign-in's time in SQL (its driver calls, from call to answer), and the rest of it. */
  const sqlTimes: Record<Mode, number[]> = { on: [], off: [] };
  const outsideTimes: Record<Mode, number[]> = { on: [], off: [] };
  const statements: Record<Mode, StatementCounts> = { on: noStatements(), off: noStatements() };
  /** The timed sign-ins with history on: how many the store found to be from a new device, below. */
  const timedOn: string[] = [];
  const logBefore = await engine.logRows();
  for (let i = 0; i < iterations; i++) {
    const { userId, userAgent, ip } = plan[i] as (typeof plan)[number];
    const order: Mode[] = i % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
    const made: [Mode, string][] = [];
    for (const mode of order) {
      const request = signInRequest(userAgent, ip);
      const before = engine.sql.snapshot();
      const t0 = performance.now();
      const { session } = await managers[mode].signIn({ userId, request });
      const elapsed = performance.now() - t0;
      const ran = countsSince(engine.sql.snapshot(), before);
      assert.equal(session.userId, userId);
      if (i >= SIGN_IN_WARM_UP) {
        times[mode].push(elapsed);
        const inSql = Object.values(ran.msByLabel).reduce((a, b) => a + b, 0);
        sqlTimes[mode].push(inSql);
        outsideTimes[mode].push(elapsed - inSql);
        addCounts(statements[mode], ran);
        if (mode === 'on') timedOn.push(session.id);
      }
      made.push([mode, session.id]);
    }
    // Untimed: each session ends as its manager ends it (history on: one more entry), so no user nears
    // the cap and every sign-in does the same work.
    for (const [mode, sessionId] of made) {
      assert.ok(await managers[mode].revokeSession({ userId, sessionId }), `${mode}: revoke ${sessionId}`);
    }
  }
  // History on recorded each sign-in and each revoke; history off recorded nothing.
  assert.equal(await engine.logRows(), logBefore + 2 * iterations, 'the log did not grow as expected');
  const timedSignIns = await engine.store.listActivity({
    sessionIds: timedOn,
    kinds: ['signed-in'],
    limit: timedOn.length,
  });
  assert.equal(timedSignIns.length, SIGN_IN_RUNS, 'a timed sign-in has no entry');
  const perSignIn = (counts: StatementCounts) => ({
    steps: round3(counts.steps / SIGN_IN_RUNS),
    statements: round3(counts.statements / SIGN_IN_RUNS),
    writes: round3(counts.writes / SIGN_IN_RUNS),
    commits: round3(counts.commits / SIGN_IN_RUNS),
    byLabel: Object.fromEntries(
      Object.entries(counts.byLabel).map(([label, n]) => [label, round3(n / SIGN_IN_RUNS)]),
    ),
    msByLabel: Object.fromEntries(
      Object.entries(counts.msByLabel).map(([label, ms]) => [label, round3(ms / SIGN_IN_RUNS)]),
    ),
  });
  const on = stats(times.on);
  const off = stats(times.off);
  return {
    seedMs: seeded,
    on,
    off,
    ratio: { median: round3(on.median / off.median), p95: round3(on.p95 / off.p95) },
    targetMet: on.median / off.median <= SIGN_IN_TARGET_RATIO,
    perSignIn: { on: perSignIn(statements.on), off: perSignIn(statements.off) },
    /** The time in SQL of a sign-in (what of `on` and `off` the database took), and the rest. */
    sql: { on: stats(sqlTimes.on), off: stats(sqlTimes.off) },
    outsideSql: { on: stats(outsideTimes.on), off: stats(outsideTimes.off) },
    /** Timed sign-ins with history the store recorded as from a new device. */
    newDeviceSignIns: timedSignIns.filter((entry) => entry.newDevice).length,
  };
}

// =========================================================================================================
// 2. authenticate writes nothing new.
// =========================================================================================================
async function authenticateWrites(engine: Engine) {
  const result: Partial<
    Record<
      Mode,
      { calls: number; storeCalls: Record<string, number>; sql: StatementCounts; logRowsAdded: number }
    >
  > = {};
  for (const mode of ['on', 'off'] as const) {
    // Twin sessions for each mode, last active 5 minutes ago: the first call records activity (a write
    // of the session row), the second only reads.
    const now = Date.now();
    const cookies: string[] = [];
    for (let i = 0; i < AUTH_SESSIONS; i++) {
      const token = newSessionToken();
      await engine.store.createSession(
        sessionRow(now - 5 * MINUTE, {
          id: `ses_auth_${mode}_${String(i).padStart(4, '0')}`,
          userId: userIdOf(i % SIGN_IN_LOG_USERS),
          tokenHash: await hashSessionToken(token),
          tokenPreview: token.slice(0, 8),
          userAgent: USER_AGENTS[i % USER_AGENTS.length] as string,
          ipAddress: `203.0.113.${1 + (i % 254)}`,
        }),
      );
      cookies.push(`pk_session=${token}`);
    }
    const counted = countingStore(engine.store);
    const manager = createSessionManager({
      store: counted.store,
      cookie: { secure: false },
      ...(mode === 'off' ? { history: false as const } : {}),
    });
    const logBefore = await engine.logRows();
    const before = engine.sql.snapshot();
    for (let round = 0; round < AUTH_ROUNDS; round++) {
      for (const [i, cookie] of cookies.entries()) {
        const request = new Request(`${BASE_URL}/api/sessions`, {
          headers: { cookie, 'user-agent': USER_AGENTS[i % USER_AGENTS.length] as string },
        });
        const auth = await manager.authenticate(request);
        assert.equal(auth?.userId, userIdOf(i % SIGN_IN_LOG_USERS), `${mode}: authenticate`);
      }
    }
    result[mode] = {
      calls: AUTH_SESSIONS * AUTH_ROUNDS,
      storeCalls: { ...counted.calls },
      sql: countsSince(engine.sql.snapshot(), before),
      logRowsAdded: (await engine.logRows()) - logBefore,
    };
  }
  const on = result.on as NonNullable<typeof result.on>;
  const off = result.off as NonNullable<typeof result.off>;
  // The counts, not their times.
  const counts = (sql: StatementCounts) => JSON.stringify({ ...sql, msByLabel: undefined });
  const same =
    JSON.stringify(on.storeCalls) === JSON.stringify(off.storeCalls) && counts(on.sql) === counts(off.sql);
  if (!same || on.logRowsAdded !== 0 || off.logRowsAdded !== 0 || 'appendActivity' in on.storeCalls) {
    console.error(JSON.stringify(result, null, 2));
    throw new Error(
      `${engine.name}: authenticate with history on did not do what it does with history off (store calls ` +
        `${JSON.stringify(on.storeCalls)} vs ${JSON.stringify(off.storeCalls)}, log rows added ` +
        `${on.logRowsAdded} vs ${off.logRowsAdded}): the log must never be written by authenticate.`,
    );
  }
  return { on, off, equal: true };
}

// =========================================================================================================
// 3. The activity page at 1,000,000 entries.
// =========================================================================================================
/** The engine's plan for a statement: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN lines. */
async function explain(engine: Engine, sql: string, params: readonly unknown[]) {
  if (engine.name === 'sqlite') {
    const rows = await engine.sql.driver.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
    return rows.map((r) => r.detail);
  }
  const rows = await engine.sql.driver.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN'].trim());
}

async function activityPages(engines: Engine[]) {
  const now = Date.now();
  const data = logData({ users: PAGE_USERS, entries: PAGE_ENTRIES, now, seed: 20_261_207, skewed: true });
  log(
    `pages: seeding ${PAGE_ENTRIES.toLocaleString('en')} entries into ${engines.map((e) => e.name).join(' and ')}`,
  );
  const seedMs = await seed(engines, data);
  for (const e of engines) {
    assert.equal(await e.logRows(), PAGE_ENTRIES, `${e.name}: log rows`);
    log(`pages: ${e.name} seeded in ${((seedMs[e.name]?.totalMs ?? 0) / 1000).toFixed(1)} s`);
  }
  const first = engines[0] as Engine;
  const sides = engines.map((e) => ({
    engine: e,
    manager: createSessionManager({ store: e.store, cookie: { secure: false } }),
  }));

  const random = mulberry32(11);
  const heavy = [...data.perUser].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const randomUser = () => userIdOf(Math.floor(random() * PAGE_USERS));
  const iterations = PAGE_WARM_UP + PAGE_RUNS;
  const users = Array.from({ length: iterations }, randomUser);
  // Deep pages: a heavy user's entry between halfway and the end of their history, as the cursor.
  const deep: { userId: string; depth: number; after: { at: number; id: string } }[] = [];
  for (let i = 0; i < iterations; i++) {
    const [userId, count] = heavy[i % heavy.length] as [string, number];
    const depth = Math.floor(count / 2 + random() * (count / 2 - USER_PAGE_LIMIT));
    // Through the store: a user's log is the table and the sign-ins of their live sessions' rows.
    const row = (await first.store.listActivity({ userId, limit: depth + 1 })).at(depth);
    assert.ok(row, `no entry at depth ${depth} of ${userId}`);
    deep.push({ userId, depth, after: { at: row.at, id: row.id } });
  }
  const windows = Array.from({ length: iterations }, () => {
    const from = now - Math.floor(1 + random() * (DAYS - 1)) * DAY;
    return { from, to: from + DAY };
  });

  type Side = (typeof sides)[number];
  const results: {
    op: string;
    call: string;
    stats: Record<string, Stats>;
    rows: Stats;
    statements: Stats;
    plans: Record<string, string[]>;
  }[] = [];
  /** Times `run` on every engine for each iteration, the engines' order turning; their answers must agree. */
  async function measure(op: string, call: string, run: (side: Side, i: number) => Promise<unknown[]>) {
    const times: Record<string, number[]> = Object.fromEntries(engines.map((e) => [e.name, []]));
    const rows: number[] = [];
    const statements: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const order = i % 2 === 0 ? sides : [...sides].reverse();
      const answers: string[] = [];
      for (const side of order) {
        const before = side.engine.sql.snapshot().statements;
        const t0 = performance.now();
        const answer = await run(side, i);
        const elapsed = performance.now() - t0;
        if (i >= PAGE_WARM_UP) times[side.engine.name]?.push(elapsed);
        answers.push(JSON.stringify(answer));
        if (side === order[0]) {
          rows.push(answer.length);
          statements.push(side.engine.sql.snapshot().statements - before);
        }
      }
      assert.ok(
        answers.every((a) => a === answers[0]),
        `${op}: the engines answer differently (iteration ${i})`,
      );
    }
    // Each engine's plan for the page's own statement (a call's first), run once more untimed.
    const plans: Record<string, string[]> = {};
    for (const side of sides) {
      const [page] = await side.engine.sql.trace(() => run(side, PAGE_WARM_UP));
      assert.ok(page, `${op}: no statement`);
      plans[side.engine.name] = await explain(side.engine, page.sql, page.params);
    }
    results.push({
      op,
      call,
      stats: Object.fromEntries(Object.entries(times).map(([name, t]) => [name, stats(t)])),
      rows: stats(rows),
      /** The SQL statements a call ran (the manager's: the page, the endings, the rows not ended). */
      statements: stats(statements),
      plans,
    });
    log(`pages: ${op} done`);
  }
  const ids = (entries: StoredActivity[]) => entries.map((e) => e.id);
  const store = (side: Side, query: ActivityQuery) => side.engine.store.listActivity(query).then(ids);
  // The manager's page with each sign-in's session state, as the handler serves it.
  const decorated = (side: Side, query: ActivityQuery) =>
    side.manager.listActivity(query).then((entries) => entries.map((e) => [e.id, e.session]));
  const rareKind: ActivityKind = 'not-me';

  await measure(
    "a user's first page",
    `store.listActivity({ userId, limit: ${USER_PAGE_LIMIT} })`,
    (side, i) => store(side, { userId: users[i] as string, limit: USER_PAGE_LIMIT }),
  );
  await measure(
    "a heavy user's deep page (keyset)",
    `store.listActivity({ userId, limit: ${USER_PAGE_LIMIT}, after })`,
    (side, i) => {
      const { userId, after } = deep[i] as (typeof deep)[number];
      return store(side, { userId, limit: USER_PAGE_LIMIT, after });
    },
  );
  await measure(
    "a user's first page with session state",
    `manager.listActivity({ userId, limit: ${USER_PAGE_LIMIT} })`,
    (side, i) => decorated(side, { userId: users[i] as string, limit: USER_PAGE_LIMIT }),
  );
  await measure("the admin's first page", `manager.listActivity({ limit: ${ADMIN_PAGE_LIMIT} })`, (side) =>
    decorated(side, { limit: ADMIN_PAGE_LIMIT }),
  );
  await measure(
    "the admin's page by kind (sign-in-failed)",
    `manager.listActivity({ kinds: ['sign-in-failed'], limit: ${ADMIN_PAGE_LIMIT} })`,
    (side) => decorated(side, { kinds: ['sign-in-failed'], limit: ADMIN_PAGE_LIMIT }),
  );
  await measure(
    `the admin's page by a rare kind (${rareKind})`,
    `manager.listActivity({ kinds: ['${rareKind}'], limit: ${ADMIN_PAGE_LIMIT} })`,
    (side) => decorated(side, { kinds: [rareKind], limit: ADMIN_PAGE_LIMIT }),
  );
  await measure(
    "the admin's page by time window (one day)",
    `manager.listActivity({ from, to, limit: ${ADMIN_PAGE_LIMIT} })`,
    (side, i) => {
      const { from, to } = windows[i] as (typeof windows)[number];
      return decorated(side, { from, to, limit: ADMIN_PAGE_LIMIT });
    },
  );

  const kinds = await first.sql.driver.query<{ kind: string; n: string | number }>(
    `SELECT kind, count(*) AS n FROM ${first.table} GROUP BY kind ORDER BY kind`,
  );
  return {
    entries: PAGE_ENTRIES,
    users: PAGE_USERS,
    days: DAYS,
    liveSessions: data.live.length,
    medianUserEntries: stats([...data.perUser.values()]).median,
    heavyUsers: heavy.map(([userId, count]) => ({ userId, entries: count })),
    deepPageDepth: stats(deep.map((d) => d.depth)),
    kinds: Object.fromEntries(kinds.map((r) => [r.kind, Number(r.n)])),
    seedMs,
    results,
  };
}

// =========================================================================================================
// Run, report.
// =========================================================================================================
const ms = (value: number) => value.toFixed(3).padStart(8);
function printSignIn(signIn: Record<string, Awaited<ReturnType<typeof signInCost>>>) {
  console.log('\n1. sign-in, history on vs off (ms)');
  for (const [name, r] of Object.entries(signIn)) {
    console.log(
      `  ${name.padEnd(9)} on: median ${ms(r.on.median)} p95 ${ms(r.on.p95)} | off: median ${ms(r.off.median)} p95 ${ms(r.off.p95)} | ratio ${r.ratio.median}× (p95 ${r.ratio.p95}×) ${r.targetMet ? 'met' : 'MISSED'}`,
    );
    console.log(`            statements per sign-in: on ${JSON.stringify(r.perSignIn.on)}`);
    console.log(`                                    off ${JSON.stringify(r.perSignIn.off)}`);
  }
}

try {
  const engineNames: EngineName[] = sqliteOnly ? ['sqlite'] : ['sqlite', 'postgres'];
  let postgresVersion: string | null = null;
  if (!sqliteOnly) {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    postgresVersion = ((await pool.query('SELECT version() AS v')).rows[0] as { v: string }).v;
    await pool.end();
  }
  const signIn: Record<string, Awaited<ReturnType<typeof signInCost>>> = {};
  const authenticate: Record<string, Awaited<ReturnType<typeof authenticateWrites>>> = {};
  let sqliteVersion = '';
  for (const name of engineNames) {
    const engine =
      name === 'sqlite' ? await openSqlite('signin.sqlite') : await openPostgres('bench_history_signin');
    if (name === 'sqlite') {
      sqliteVersion = (
        (engine as Engine & { db: Database.Database }).db.prepare('SELECT sqlite_version() AS v').get() as {
          v: string;
        }
      ).v;
    }
    log(`${name}: sign-in with and without history`);
    signIn[name] = await signInCost(engine);
    if (!signInOnly) {
      log(`${name}: authenticate, history on and off`);
      authenticate[name] = await authenticateWrites(engine);
    }
    await engine.close();
  }
  const env = () => ({
    node: process.version,
    sqlite: sqliteVersion,
    betterSqlite3: version('better-sqlite3'),
    sqliteSynchronous,
    postgres: postgresVersion,
    pg: version('pg'),
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAverage(),
    quick,
  });
  const signInSection = {
    logEntries: SIGN_IN_LOG_ENTRIES,
    logUsers: SIGN_IN_LOG_USERS,
    users: SIGN_IN_USERS,
    userAgents: SIGN_IN_AGENTS,
    warmUp: SIGN_IN_WARM_UP,
    runs: SIGN_IN_RUNS,
    targetRatio: SIGN_IN_TARGET_RATIO,
    results: signIn,
  };

  if (signInOnly) {
    const wallMs = Math.round(performance.now() - started);
    const file = writeResult('history-sign-in.json', {
      measuredAt: new Date().toISOString(),
      env: env(),
      engines: engineNames,
      signIn: signInSection,
      wallMs,
    });
    printSignIn(signIn);
    console.log(`\nwrote ${path.relative(root, file)} (wall ${(wallMs / 1000).toFixed(1)} s)`);
  } else {
    const pageEngines: Engine[] = [];
    for (const name of engineNames) {
      pageEngines.push(
        name === 'sqlite' ? await openSqlite('pages.sqlite') : await openPostgres('bench_history_pages'),
      );
    }
    const pages = await activityPages(pageEngines);
    for (const e of pageEngines) await e.close();

    const wallMs = Math.round(performance.now() - started);
    const out = {
      measuredAt: new Date().toISOString(),
      env: env(),
      engines: engineNames,
      signIn: signInSection,
      authenticate: { calls: AUTH_SESSIONS * AUTH_ROUNDS, sessions: AUTH_SESSIONS, results: authenticate },
      pages: { warmUp: PAGE_WARM_UP, runs: PAGE_RUNS, ...pages },
      notes: [
        `SQLite: a file in the temp folder on disk, WAL, synchronous ${sqliteSynchronous} (left at its default, read back). PostgreSQL: the throwaway cluster of scripts/with-postgres.mjs (fsync off, synchronous_commit off), a pool of 4.`,
        'Stores: createSqlSessionStore over each engine’s own driver (what createSqliteSessionStore and createPostgresSessionStore are), with a statement counter between store and driver.',
        'Sign-in: two managers over one store, history on (default) and history: false; per iteration the same user, user agent and IP for both, the order alternating; each session revoked by its own manager after the timed call (untimed).',
        'Pages: the log bulk-inserted (SQLite: one transaction, one prepared statement; PostgreSQL: INSERT … SELECT FROM unnest of column arrays, 10,000 rows a statement), all indexes in place; PostgreSQL then VACUUM (ANALYZE), SQLite no ANALYZE (the store runs none).',
      ],
      wallMs,
    };
    const file = writeResult('history-cost.json', out);

    printSignIn(signIn);
    console.log('\n2. authenticate, history on vs off');
    for (const [name, r] of Object.entries(authenticate)) {
      console.log(
        `  ${name.padEnd(9)} ${r.on.calls} calls: store calls ${JSON.stringify(r.on.storeCalls)} vs ${JSON.stringify(r.off.storeCalls)}; SQL ${r.on.sql.statements} vs ${r.off.sql.statements}; log rows added ${r.on.logRowsAdded}`,
      );
    }
    console.log(
      `\n3. pages at ${PAGE_ENTRIES.toLocaleString('en')} entries; seed ${JSON.stringify(pages.seedMs)}`,
    );
    for (const r of pages.results) {
      console.log(
        `  ${r.op.padEnd(46)} ${Object.entries(r.stats)
          .map(([name, s]) => `${name} ${ms(s.median)} / p99 ${ms(s.p99)}`)
          .join(' | ')}`,
      );
    }
    console.log(`\nwrote ${path.relative(root, file)} (wall ${(wallMs / 1000).toFixed(1)} s)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
