// profilekit's server half against Better Auth 1.7.25, side by side in one process, on the same data:
// 100,000 sessions over ~28,600 users (1 to 6 sessions each), one temp-folder SQLite file per system.
// Times what a signed-in request costs: cookie → session, the user's session list (the library call, and
// each system's own Fetch handler end to end without HTTP), and revoking one of the user's other sessions.
// Every timed call is checked (counts, revoked sessions reading as signed out), so working calls are compared.
// Run: node_modules/.bin/tsx bench/serverSessions.ts   (writes bench/.out/server-sessions.json)
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { betterAuth } from 'better-auth';
import { hashPassword } from 'better-auth/crypto';
import { getMigrations } from 'better-auth/db/migration';
import Database from 'better-sqlite3';
import {
  createSessionManager,
  createSessionsHandler,
  parseDevice,
  setClientAddress,
} from '../src/server/index.js';
import { createSqliteSessionStore } from '../src/server/sqlite/index.js';
import { hashSessionToken } from '../src/server/tokens.js';
import type { StoredSession } from '../src/server/types.js';
import { mulberry32, root, USER_AGENTS, version, writeResult } from './benchData.js';

const SESSIONS = 100_000;
/** Users signed in for real on each side (their cookies drive every timed call). */
const SAMPLE_USERS = 200;
const WARM_UP = 30;
const RUNS = 300;
const REVOKE_WARM_UP = 10;
const REVOKE_RUNS = 150;
const SIGN_IN_CONCURRENCY = 2;

const BASE_URL = 'http://localhost';
const SECRET = 'profilekit-bench-secret-0123456789abcdef0123';
const PASSWORD = 'correct horse battery staple';
const DAY = 86_400_000;
const started = performance.now();

// ---------------------------------------------------------------------------------------------------------
// The data both systems get: the same users, session counts, times, IPs and user agents (seeded PRNG).
// ---------------------------------------------------------------------------------------------------------
const random = mulberry32(20_260_101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Better Auth's id and token shape: 32 alphanumeric characters. */
const alphanumeric32 = () => {
  const bytes = randomBytes(32);
  let out = '';
  for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return out;
};

const randomIp = () =>
  `${1 + Math.floor(random() * 223)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;

interface SeedSession {
  ip: string;
  userAgent: string;
  createdAt: number;
  lastActiveAt: number;
  /** profilekit: its token and id (only the hash is stored). */
  pkToken: string;
  pkId: string;
  /** Better Auth: its id and token (stored as is). */
  baId: string;
  baToken: string;
}
interface SeedUser {
  id: string;
  email: string;
  name: string;
  createdAt: number;
  sessions: SeedSession[];
}

const now = Date.now();
const users: SeedUser[] = [];
for (let total = 0; total < SESSIONS; ) {
  const count = Math.min(1 + Math.floor(random() * 6), SESSIONS - total);
  const n = users.length;
  const sessions: SeedSession[] = [];
  for (let i = 0; i < count; i++) {
    // Every session live on both sides: created in the last 6 days (Better Auth's sessions last 7 days).
    const createdAt = now - Math.floor(random() * 6 * DAY) - 2 * 60_000;
    const lastActiveAt = createdAt + Math.floor(random() * (now - 60_000 - createdAt));
    sessions.push({
      ip: randomIp(),
      userAgent: pick(USER_AGENTS),
      createdAt,
      lastActiveAt,
      pkToken: randomBytes(32).toString('base64url'),
      pkId: `ses_${randomBytes(12).toString('hex')}`,
      baId: alphanumeric32(),
      baToken: alphanumeric32(),
    });
  }
  users.push({
    id: alphanumeric32(),
    email: `user${n}@example.com`,
    name: `User ${n}`,
    createdAt: now - 30 * DAY,
    sessions,
  });
  total += count;
}
// The sample: random users, each signed in for real on both sides; that sign-in stands in for one of the
// user's sessions, so the user keeps the same count and the table the same 100,000 rows.
const sample: SeedUser[] = [];
{
  const chosen = new Set<number>();
  while (chosen.size < SAMPLE_USERS) chosen.add(Math.floor(random() * users.length));
  for (const index of chosen) sample.push(users[index] as SeedUser);
}
const sampleIds = new Set(sample.map((u) => u.id));
/** Sessions written as rows: all but one of each sample user's (that one is the real sign-in). */
const bulkOf = (user: SeedUser) => (sampleIds.has(user.id) ? user.sessions.slice(1) : user.sessions);

// Revoke targets: distinct bulk sessions of sample users (one of the user's *other* sessions), taken in
// a random order; both systems revoke the same ones in the same order.
const revokeTargets: { user: SeedUser; session: SeedSession }[] = [];
for (const user of sample)
  for (const session of user.sessions.slice(1)) revokeTargets.push({ user, session });
for (let i = revokeTargets.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [revokeTargets[i], revokeTargets[j]] = [revokeTargets[j] as never, revokeTargets[i] as never];
}
const revokeRuns = Math.min(REVOKE_RUNS, Math.floor(revokeTargets.length / 2) - REVOKE_WARM_UP);
assert.ok(revokeRuns >= 50, `only ${revokeTargets.length} revoke targets`);
/** The timed users: one sequence, replayed for every operation on both sides. */
const order = Array.from({ length: WARM_UP + RUNS }, () => Math.floor(random() * SAMPLE_USERS));

const dir = mkdtempSync(path.join(tmpdir(), 'profilekit-bench-sessions-'));
const openDb = (file: string) => {
  const db = new Database(path.join(dir, file));
  // The same settings on both sides (the reference server's): WAL, synchronous at its default.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
};
const totalChanges = (db: Database.Database) =>
  (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

try {
  // -------------------------------------------------------------------------------------------------------
  // profilekit: its store's own schema, rows through createSession inside one transaction.
  // -------------------------------------------------------------------------------------------------------
  const pkDb = openDb('profilekit.sqlite');
  const store = createSqliteSessionStore(pkDb);
  const manager = createSessionManager({ store, cookie: { secure: false } });
  const handler = createSessionsHandler({
    manager,
    basePath: '/api',
    verifyPassword: (_userId, password) => password === PASSWORD,
    // Better Auth's revoke-session asks no password; the contract's default would (a limiter write more).
    passwordRequirements: { revokeSession: 'none' },
    onError: (error) => {
      throw error;
    },
  });
  const devices = new Map<string, ReturnType<typeof parseDevice>>();
  const deviceOf = (userAgent: string) => {
    if (!devices.has(userAgent)) devices.set(userAgent, parseDevice(userAgent));
    return devices.get(userAgent) ?? null;
  };
  const pkSeedStarted = performance.now();
  pkDb.exec('BEGIN');
  for (const user of users) {
    for (const s of bulkOf(user)) {
      const absoluteExpiresAt = s.createdAt + 30 * DAY;
      const row: StoredSession = {
        id: s.pkId,
        userId: user.id,
        tokenHash: await hashSessionToken(s.pkToken),
        tokenPreview: s.pkToken.slice(0, 8),
        userAgent: s.userAgent,
        ipAddress: s.ip,
        device: deviceOf(s.userAgent),
        location: null,
        trusted: false,
        applicationId: null,
        createdAt: s.createdAt,
        lastActiveAt: s.lastActiveAt,
        expiresAt: Math.min(absoluteExpiresAt, s.lastActiveAt + 14 * DAY),
        absoluteExpiresAt,
        authenticatedAt: s.createdAt,
      };
      await store.createSession(row);
    }
  }
  pkDb.exec('COMMIT');
  const pkSeedMs = performance.now() - pkSeedStarted;

  // -------------------------------------------------------------------------------------------------------
  // Better Auth: the real library on its own file, its migrations, rows into its user/account/session.
  // -------------------------------------------------------------------------------------------------------
  const baDb = openDb('better-auth.sqlite');
  const auth = betterAuth({
    baseURL: BASE_URL,
    secret: SECRET,
    database: baDb,
    emailAndPassword: { enabled: true },
    // Off (its default, said outright): getSession reads the database on every call, as profilekit does.
    session: { cookieCache: { enabled: false } },
    // Off: profilekit's handler has no request rate limit on these routes either.
    rateLimit: { enabled: false },
    logger: { disabled: true },
    telemetry: { enabled: false },
  });
  const baSeedStarted = performance.now();
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  // One credential hash for every user (hashing 28,600 passwords would time scrypt, not sessions).
  const passwordHash = await hashPassword(PASSWORD);
  const iso = (ms: number) => new Date(ms).toISOString();
  const insertUser = baDb.prepare(
    'INSERT INTO "user" (id, name, email, emailVerified, image, createdAt, updatedAt) VALUES (?, ?, ?, 0, NULL, ?, ?)',
  );
  const insertAccount = baDb.prepare(
    `INSERT INTO account (id, accountId, providerId, userId, password, createdAt, updatedAt)
     VALUES (?, ?, 'credential', ?, ?, ?, ?)`,
  );
  const insertSession = baDb.prepare(
    `INSERT INTO session (id, expiresAt, token, createdAt, updatedAt, ipAddress, userAgent, userId)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  baDb.transaction(() => {
    for (const user of users) {
      const at = iso(user.createdAt);
      insertUser.run(user.id, user.name, user.email, at, at);
      insertAccount.run(alphanumeric32(), user.id, user.id, passwordHash, at, at);
      for (const s of bulkOf(user)) {
        // Better Auth slides expiresAt to updatedAt + 7 days when it refreshes a session.
        insertSession.run(
          s.baId,
          iso(s.lastActiveAt + 7 * DAY),
          s.baToken,
          iso(s.createdAt),
          iso(s.lastActiveAt),
          s.ip,
          s.userAgent,
          user.id,
        );
      }
    }
  })();
  const baSeedMs = performance.now() - baSeedStarted;

  // Real sign-ins for the sample, through signInEmail (scrypt verify each), two at a time.
  const baCookie = new Map<string, string>();
  const signInStarted = performance.now();
  for (let i = 0; i < sample.length; i += SIGN_IN_CONCURRENCY) {
    await Promise.all(
      sample.slice(i, i + SIGN_IN_CONCURRENCY).map(async (user) => {
        const s = user.sessions[0] as SeedSession;
        const response = await auth.api.signInEmail({
          body: { email: user.email, password: PASSWORD },
          headers: new Headers({ 'user-agent': s.userAgent, 'x-forwarded-for': s.ip, origin: BASE_URL }),
          asResponse: true,
        });
        assert.equal(response.status, 200, `Better Auth sign-in of ${user.email}`);
        const line = response.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
        assert.ok(line, 'Better Auth set no session cookie');
        baCookie.set(user.id, (line.split(';')[0] as string).trim());
      }),
    );
  }
  const baSignInMs = performance.now() - signInStarted;
  // Better Auth's signed cookie for a bulk row: `token.base64(HMAC-SHA256(token, secret))`, URI-encoded
  // (better-call's signCookieValue). Checked below: each works before it is revoked.
  const baBulkCookie = (token: string) =>
    `better-auth.session_token=${encodeURIComponent(`${token}.${createHmac('sha256', SECRET).update(token).digest('base64')}`)}`;
  const baHeaders = (cookie: string) => new Headers({ cookie, origin: BASE_URL });

  // profilekit's sample sign-ins last, right before its timed reads: they are then inside the activity
  // window (1 minute by default), so authenticate only reads; asserted below by SQLite's change counter.
  const pkCookie = new Map<string, string>();
  const pkSessionId = new Map<string, string>();
  const XSRF = 'a'.repeat(40);
  for (const user of sample) {
    const s = user.sessions[0] as SeedSession;
    const request = new Request(`${BASE_URL}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'user-agent': s.userAgent },
    });
    setClientAddress(request, s.ip);
    const { session, setCookie } = await manager.signIn({ userId: user.id, request });
    pkCookie.set(user.id, `${(setCookie.split(';')[0] as string).trim()}; XSRF-TOKEN=${XSRF}`);
    pkSessionId.set(user.id, session.id);
  }
  const pkRequest = (
    url: string,
    userId: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) =>
    new Request(`${BASE_URL}${url}`, {
      ...init,
      headers: { cookie: pkCookie.get(userId) as string, 'x-xsrf-token': XSRF, ...init.headers },
    });

  const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const pkSessions = count(pkDb, 'SELECT count(*) AS n FROM profilekit_sessions');
  const baSessions = count(baDb, 'SELECT count(*) AS n FROM session');
  assert.equal(pkSessions, SESSIONS);
  assert.equal(baSessions, SESSIONS);
  assert.equal(count(baDb, 'SELECT count(*) AS n FROM "user"'), users.length);

  // -------------------------------------------------------------------------------------------------------
  // Timing: per iteration both systems run the same user, alternating which goes first.
  // -------------------------------------------------------------------------------------------------------
  interface Stats {
    median: number;
    p99: number;
    runs: number;
  }
  const stats = (samples: number[]): Stats => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
    const round = (ms: number) => Math.round(ms * 1000) / 1000;
    return { median: round(at(0.5)), p99: round(at(0.99)), runs: sorted.length };
  };
  type Timed = (i: number) => Promise<() => void | Promise<void>>;
  /** Runs `pk(i)` and `ba(i)` for every i; each returns its check, run after the clock stops. */
  async function compare(iterations: number, warmUp: number, pk: Timed, ba: Timed) {
    const times = { pk: [] as number[], ba: [] as number[] };
    for (let i = 0; i < iterations; i++) {
      const sides = i % 2 === 0 ? (['pk', 'ba'] as const) : (['ba', 'pk'] as const);
      for (const side of sides) {
        const t0 = performance.now();
        const check = await (side === 'pk' ? pk : ba)(i);
        const elapsed = performance.now() - t0;
        await check();
        if (i >= warmUp) times[side].push(elapsed);
      }
    }
    return { profilekit: stats(times.pk), betterAuth: stats(times.ba) };
  }
  const results: {
    op: string;
    profilekit: Stats;
    betterAuth: Stats;
    ratio: number;
    profilekitCall: string;
    betterAuthCall: string;
  }[] = [];
  const record = (
    op: string,
    profilekitCall: string,
    betterAuthCall: string,
    measured: { profilekit: Stats; betterAuth: Stats },
  ) => {
    const ratio = Math.round((measured.betterAuth.median / measured.profilekit.median) * 100) / 100;
    results.push({ op, ...measured, ratio, profilekitCall, betterAuthCall });
  };
  const userAt = (i: number) => sample[order[i] as number] as SeedUser;
  const iterations = WARM_UP + RUNS;

  // 1. Cookie → session. Neither side may write (profilekit: inside the activity window; Better Auth: a
  // fresh session is younger than updateAge, 1 day).
  const pkChangesBefore = totalChanges(pkDb);
  const baChangesBefore = totalChanges(baDb);
  record(
    'authenticate',
    'manager.authenticate(request)',
    'auth.api.getSession({ headers })',
    await compare(
      iterations,
      WARM_UP,
      async (i) => {
        const user = userAt(i);
        const result = await manager.authenticate(pkRequest('/', user.id));
        return () => assert.equal(result?.userId, user.id);
      },
      async (i) => {
        const user = userAt(i);
        const result = await auth.api.getSession({ headers: baHeaders(baCookie.get(user.id) as string) });
        return () => assert.equal(result?.user.id, user.id);
      },
    ),
  );

  // 2. The user's sessions, the library call.
  record(
    'listSessions',
    'manager.listSessions(userId)',
    'auth.api.listSessions({ headers })',
    await compare(
      iterations,
      WARM_UP,
      async (i) => {
        const user = userAt(i);
        const sessions = await manager.listSessions(user.id);
        return () => assert.equal(sessions.length, user.sessions.length);
      },
      async (i) => {
        const user = userAt(i);
        const sessions = await auth.api.listSessions({ headers: baHeaders(baCookie.get(user.id) as string) });
        return () => assert.equal(sessions.length, user.sessions.length);
      },
    ),
  );

  // 3. The same, end to end through each system's Fetch handler (cookie parsing, auth, JSON), no HTTP.
  record(
    'listSessions (handler)',
    'createSessionsHandler(...)(GET /api/sessions)',
    'auth.handler(GET /api/auth/list-sessions)',
    await compare(
      iterations,
      WARM_UP,
      async (i) => {
        const user = userAt(i);
        const response = await handler(pkRequest('/api/sessions', user.id));
        const body = (await response.json()) as { sessions: unknown[] };
        return () => {
          assert.equal(response.status, 200);
          assert.equal(body.sessions.length, user.sessions.length);
        };
      },
      async (i) => {
        const user = userAt(i);
        const response = await auth.handler(
          new Request(`${BASE_URL}/api/auth/list-sessions`, {
            headers: baHeaders(baCookie.get(user.id) as string),
          }),
        );
        const body = (await response.json()) as unknown[];
        return () => {
          assert.equal(response.status, 200);
          assert.equal(body.length, user.sessions.length);
        };
      },
    ),
  );
  const readWrites = {
    profilekit: totalChanges(pkDb) - pkChangesBefore,
    betterAuth: totalChanges(baDb) - baChangesBefore,
  };
  assert.equal(readWrites.profilekit, 0, 'profilekit wrote during the read benchmarks');
  assert.equal(readWrites.betterAuth, 0, 'Better Auth wrote during the read benchmarks');

  // 4 and 5. Revoking one of the user's other sessions: the library call, then each handler end to end.
  // Each iteration ends a different session. Before: every target's cookie signs in on both sides.
  const targetsFor = (offset: number) => revokeTargets.slice(offset, offset + REVOKE_WARM_UP + revokeRuns);
  const pkTargetCookie = (s: SeedSession) => `pk_session=${s.pkToken}`;
  const assertRevoked = async (targets: typeof revokeTargets) => {
    for (const { session } of targets) {
      const pk = await manager.authenticate(
        new Request(BASE_URL, { headers: { cookie: pkTargetCookie(session) } }),
      );
      assert.equal(pk, null, 'a revoked profilekit session still authenticates');
      const ba = await auth.api.getSession({ headers: baHeaders(baBulkCookie(session.baToken)) });
      assert.equal(ba, null, 'a revoked Better Auth session still reads');
    }
  };
  for (const { user, session } of targetsFor(0).concat(targetsFor(REVOKE_WARM_UP + revokeRuns))) {
    const pk = await manager.authenticate(
      new Request(BASE_URL, { headers: { cookie: pkTargetCookie(session) } }),
    );
    assert.equal(pk?.userId, user.id, 'a profilekit target session does not authenticate');
    const ba = await auth.api.getSession({ headers: baHeaders(baBulkCookie(session.baToken)) });
    assert.equal(ba?.user.id, user.id, 'a Better Auth target session does not read');
  }

  const managerTargets = targetsFor(0);
  record(
    'revokeSession',
    'manager.revokeSession({ userId, sessionId })',
    'auth.api.revokeSession({ headers, body: { token } })',
    await compare(
      managerTargets.length,
      REVOKE_WARM_UP,
      async (i) => {
        const { user, session } = managerTargets[i] as (typeof revokeTargets)[number];
        const revoked = await manager.revokeSession({ userId: user.id, sessionId: session.pkId });
        return () => assert.equal(revoked, true);
      },
      async (i) => {
        const { user, session } = managerTargets[i] as (typeof revokeTargets)[number];
        const result = await auth.api.revokeSession({
          headers: baHeaders(baCookie.get(user.id) as string),
          body: { token: session.baToken },
        });
        return () => assert.equal(result.status, true);
      },
    ),
  );
  await assertRevoked(managerTargets);

  const handlerTargets = targetsFor(REVOKE_WARM_UP + revokeRuns);
  record(
    'revokeSession (handler)',
    'createSessionsHandler(...)(POST /api/sessions/:id/revoke)',
    'auth.handler(POST /api/auth/revoke-session)',
    await compare(
      handlerTargets.length,
      REVOKE_WARM_UP,
      async (i) => {
        const { user, session } = handlerTargets[i] as (typeof revokeTargets)[number];
        const response = await handler(
          pkRequest(`/api/sessions/${session.pkId}/revoke`, user.id, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          }),
        );
        return () => assert.equal(response.status, 204);
      },
      async (i) => {
        const { user, session } = handlerTargets[i] as (typeof revokeTargets)[number];
        const response = await auth.handler(
          new Request(`${BASE_URL}/api/auth/revoke-session`, {
            method: 'POST',
            headers: {
              cookie: baCookie.get(user.id) as string,
              origin: BASE_URL,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ token: session.baToken }),
          }),
        );
        const body = (await response.json()) as { status?: boolean };
        return () => {
          assert.equal(response.status, 200);
          assert.equal(body.status, true);
        };
      },
    ),
  );
  await assertRevoked(handlerTargets);
  // Each user's list now lacks exactly the sessions revoked from it, on both sides.
  const revokedCount = new Map<string, number>();
  for (const { user } of managerTargets.concat(handlerTargets)) {
    revokedCount.set(user.id, (revokedCount.get(user.id) ?? 0) + 1);
  }
  for (const user of sample) {
    const expected = user.sessions.length - (revokedCount.get(user.id) ?? 0);
    assert.equal((await manager.listSessions(user.id)).length, expected);
    assert.equal(
      (await auth.api.listSessions({ headers: baHeaders(baCookie.get(user.id) as string) })).length,
      expected,
    );
  }

  // -------------------------------------------------------------------------------------------------------
  // Report.
  // -------------------------------------------------------------------------------------------------------
  const indexes = (db: Database.Database, tables: string[]) =>
    db
      .prepare(
        `SELECT m.tbl_name AS "table", m.name, m.sql, il."unique" AS isUnique,
           (SELECT group_concat(ii.name, ', ') FROM pragma_index_info(m.name) AS ii) AS columns
         FROM sqlite_master AS m JOIN pragma_index_list(m.tbl_name) AS il ON il.name = m.name
         WHERE m.type = 'index' AND m.tbl_name IN (SELECT value FROM json_each(?))
         ORDER BY m.tbl_name, m.name`,
      )
      .all(JSON.stringify(tables)) as { table: string; name: string; columns: string; isUnique: number }[];
  const indexSummary = (db: Database.Database, tables: string[]) =>
    indexes(db, tables).map((i) => `${i.table}(${i.columns})${i.isUnique ? ' unique' : ''} [${i.name}]`);

  const wallMs = Math.round(performance.now() - started);
  const out = {
    sessions: SESSIONS,
    users: users.length,
    node: process.version,
    betterAuth: version('better-auth'),
    sqlite: (pkDb.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    betterSqlite3: version('better-sqlite3'),
    runs: { warmUp: WARM_UP, timed: RUNS, revokeWarmUp: REVOKE_WARM_UP, revokeTimed: revokeRuns },
    sampleUsers: SAMPLE_USERS,
    results,
    seedMs: {
      profilekit: Math.round(pkSeedMs),
      betterAuth: Math.round(baSeedMs),
      betterAuthSignIns: Math.round(baSignInMs),
    },
    writesDuringReads: readWrites,
    indexes: {
      profilekit: indexSummary(pkDb, ['profilekit_sessions']),
      betterAuth: indexSummary(baDb, ['session', 'user', 'account']),
    },
    notes: [
      'Same data both sides: same users, per-user session counts, times, IPs and user agents; 100,000 rows each.',
      'Timed users are real sign-ins (manager.signIn / auth.api.signInEmail) standing in for one of their sessions.',
      'Both files: journal_mode=WAL, synchronous default (FULL). Better Auth cookie cache and rate limit off.',
      'profilekit handler revoke uses passwordRequirements.revokeSession = "none" (Better Auth asks no password).',
      'auth.api.revokeSession also authenticates the caller (a session read); manager.revokeSession does not.',
    ],
    wallMs,
  };
  const file = writeResult('server-sessions.json', out);

  const ms = (value: number) => value.toFixed(3).padStart(8);
  console.log(
    `\nprofilekit vs Better Auth ${out.betterAuth}: ${SESSIONS.toLocaleString('en')} sessions, ` +
      `${users.length.toLocaleString('en')} users, Node ${process.version}, SQLite ${out.sqlite}`,
  );
  console.log(
    `seed: profilekit ${out.seedMs.profilekit} ms, Better Auth ${out.seedMs.betterAuth} ms ` +
      `(+ ${SAMPLE_USERS} sign-ins ${out.seedMs.betterAuthSignIns} ms)\n`,
  );
  console.log(
    `${'operation'.padEnd(24)} ${'runs'.padStart(5)} | ${'pk median'.padStart(9)} ${'pk p99'.padStart(8)} | ` +
      `${'BA median'.padStart(9)} ${'BA p99'.padStart(8)} | BA/pk (median)`,
  );
  console.log('-'.repeat(92));
  for (const r of results) {
    console.log(
      `${r.op.padEnd(24)} ${String(r.profilekit.runs).padStart(5)} | ${ms(r.profilekit.median).padStart(9)} ` +
        `${ms(r.profilekit.p99)} | ${ms(r.betterAuth.median).padStart(9)} ${ms(r.betterAuth.p99)} | ` +
        `${r.ratio.toFixed(2)}×`,
    );
  }
  console.log('\n(ms; median and p99 of timed runs after warm-up)');
  console.log(`\nindexes, profilekit:\n  ${out.indexes.profilekit.join('\n  ')}`);
  console.log(`indexes, Better Auth:\n  ${out.indexes.betterAuth.join('\n  ')}`);
  console.log(`\nwrote ${path.relative(root, file)} (wall ${(wallMs / 1000).toFixed(1)} s)`);
  pkDb.close();
  baDb.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
