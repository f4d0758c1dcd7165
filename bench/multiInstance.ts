// Several instances over one PostgreSQL database (issue 14, point 5), in one run:
// A. Event fan-out across instances: two instances in this process, each with its own pg.Pool, its own
//    PostgreSQL store (one shared schema) and its own LISTEN/NOTIFY event bus, each served over real HTTP on
//    a loopback port (node:http + toNodeListener). 1,000 sessions (100 users × 10) signed in on instance 1,
//    1,000 SSE streams held open on instance 1; sessions revoked one at a time through instance 2's handler
//    over HTTP; for each, the time from the revoke's response to the `signed-out` frame on the revoked
//    session's own stream (instance 1). Missed events, the other devices' `session.ended` frames, peak RSS.
// B. Scale: 1,000,000 sessions over ~200,000 users (1–9 each), the same rows in PostgreSQL and in SQLite
//    (a temp file), seeded with one INSERT … SELECT each (PostgreSQL: generate_series; SQLite: a recursive
//    CTE, its FTS5 trigram trigger firing per row). Then manager.listSessions, manager.revokeSession and the
//    admin page (first page, an IP search, a broad search) on random users, both stores alternating.
// Run: node scripts/with-postgres.mjs node_modules/.bin/tsx bench/multiInstance.ts
//      (writes bench/.out/multi-instance.json)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  createSessionManager,
  createSessionsHandler,
  parseDevice,
  setClientAddress,
  toNodeListener,
} from '../src/server/index.js';
import { createPostgresEventBus, createPostgresSessionStore } from '../src/server/postgres/index.js';
import { createSqliteSessionStore } from '../src/server/sqlite/index.js';
import type { SessionsPageQuery } from '../src/server/types.js';
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

const url = process.env.PROFILEKIT_PG_URL;
if (!url) {
  console.error('PROFILEKIT_PG_URL is not set: run through `node scripts/with-postgres.mjs`.');
  process.exit(2);
}

// A.
const FAN_USERS = 100;
const FAN_SESSIONS_PER_USER = 10;
/** Revoked per user (its sessions 7, 8, 9, each by its session 0): 300 revokes in all. */
const FAN_REVOKES_PER_USER = 3;
const FAN_REVOKE_GAP_MS = 15;
const FAN_OPEN_CONCURRENCY = 50;
/** How long after the last revoke a missing `signed-out` is still waited for before it counts as missed. */
const FAN_GRACE_MS = 5_000;
// B.
const SCALE_SESSIONS = 1_000_000;
const MAX_PER_USER = 9;
const LIST_WARM_UP = 30;
const LIST_RUNS = 300;
const REVOKE_WARM_UP = 10;
const REVOKE_RUNS = 200;
const PAGE_WARM_UP = 5;
const PAGE_RUNS = 40;
const BROAD_WARM_UP = 2;
const BROAD_RUNS = 15;
const BROAD_SEARCH = 'Firefox';
/** better-sqlite3's page cache while seeding only (KiB); put back to the connection's default after. */
const SQLITE_SEED_CACHE_KIB = 512 * 1024;

const DAY = 86_400_000;
const XSRF = 'a'.repeat(40);
const FAN_SCHEMA = 'bench_fanout';
const SCALE_SCHEMA = 'bench_scale';
const SCALE_CHANNEL = 'profilekit_bench_scale';
const started = performance.now();
const loadAtStart = loadAverage();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

const random = mulberry32(20_260_514);
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const pgPool = (max: number) => {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops would otherwise crash the process.
  pool.on('error', (error) => console.error('pg pool:', error.message));
  return pool;
};

/** One POST or GET over a keep-alive agent; resolves on the response's end. */
function request(
  agent: http.Agent,
  origin: URL,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: origin.hostname, port: origin.port, method, path: pathname, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// =========================================================================================================
// A. Event fan-out across two instances.
// =========================================================================================================
async function fanOut() {
  const instances = await Promise.all(
    [1, 2].map(async (n) => {
      const pool = pgPool(10);
      const store = createPostgresSessionStore(pool, { schema: FAN_SCHEMA });
      const events = createPostgresEventBus(pool);
      const manager = createSessionManager({ store, events, cookie: { secure: false } });
      const handler = createSessionsHandler({
        manager,
        basePath: '/api',
        verifyPassword: () => true,
        // As bench/serverSessions.ts: no password step (a limiter write more) in the revoke being timed.
        passwordRequirements: { revokeSession: 'none' },
        onError: (error) => console.error(`instance ${n}:`, error),
      });
      await store.ready();
      await events.ready();
      const server = http.createServer(toNodeListener(handler));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      return { n, pool, store, events, manager, server, origin };
    }),
  );
  const [one, two] = instances as [(typeof instances)[0], (typeof instances)[0]];

  let rssPeakSampled = process.memoryUsage.rss();
  const rssSampler = setInterval(() => {
    rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage.rss());
  }, 100);
  const rssBefore = process.memoryUsage.rss();

  // Sign in 1,000 sessions on instance 1.
  interface FanSession {
    user: number;
    index: number;
    userId: string;
    sessionId: string;
    cookie: string;
  }
  const sessions: FanSession[] = [];
  const signInStarted = performance.now();
  for (let user = 0; user < FAN_USERS; user++) {
    const userId = `usr_fan_${String(user).padStart(3, '0')}`;
    const made = await Promise.all(
      Array.from({ length: FAN_SESSIONS_PER_USER }, async (_, index) => {
        const req = new Request('http://127.0.0.1/sign-in', {
          method: 'POST',
          headers: { 'user-agent': USER_AGENTS[(user + index) % USER_AGENTS.length] as string },
        });
        setClientAddress(req, `10.0.${user}.${index + 1}`);
        const { session, setCookie } = await one.manager.signIn({ userId, request: req });
        return {
          user,
          index,
          userId,
          sessionId: session.id,
          cookie: (setCookie.split(';')[0] as string).trim(),
        };
      }),
    );
    sessions.push(...made);
  }
  const signInMs = performance.now() - signInStarted;
  log(`A: signed in ${sessions.length} sessions on instance 1 in ${Math.round(signInMs)} ms`);

  // Open one SSE stream per session on instance 1, over real HTTP.
  const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  interface Stream {
    session: FanSession;
    req: http.ClientRequest;
    connected: boolean;
    ended: boolean;
    signedOutAt: number | null;
    signedOut: { sessionId: string; reason: string; bySessionId: string | null } | null;
    endedFrames: number;
    startedFrames: number;
    otherFrames: number;
    onSignedOut: (() => void) | null;
  }
  const streams = new Map<string, Stream>();
  let openNow = 0;
  let openPeak = 0;
  const openStream = (session: FanSession) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        {
          agent: streamAgent,
          host: one.origin.hostname,
          port: one.origin.port,
          path: '/api/sessions/events',
          headers: { cookie: session.cookie, accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`stream for ${session.sessionId}: HTTP ${res.statusCode}`));
            res.resume();
            return;
          }
          const stream: Stream = {
            session,
            req,
            connected: false,
            ended: false,
            signedOutAt: null,
            signedOut: null,
            endedFrames: 0,
            startedFrames: 0,
            otherFrames: 0,
            onSignedOut: null,
          };
          streams.set(session.sessionId, stream);
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            for (let cut = buffer.indexOf('\n\n'); cut !== -1; cut = buffer.indexOf('\n\n')) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              let type: string | null = null;
              let data = '';
              for (const line of block.split('\n')) {
                if (line === ': connected' && !stream.connected) {
                  stream.connected = true;
                  openNow += 1;
                  openPeak = Math.max(openPeak, openNow);
                  resolve();
                } else if (line.startsWith('event: ')) type = line.slice(7);
                else if (line.startsWith('data: ')) data += line.slice(6);
              }
              if (type === 'signed-out') {
                stream.signedOutAt = performance.now();
                stream.signedOut = JSON.parse(data);
                stream.onSignedOut?.();
              } else if (type === 'session.ended') stream.endedFrames += 1;
              else if (type === 'session.started') stream.startedFrames += 1;
              else if (type !== null) stream.otherFrames += 1;
            }
          });
          res.on('end', () => {
            stream.ended = true;
            if (stream.connected) openNow -= 1;
          });
          res.on('error', () => {});
        },
      );
      req.on('error', (error) => {
        if (!streams.get(session.sessionId)?.ended) reject(error);
      });
    });
  const openStarted = performance.now();
  const queue = [...sessions];
  await Promise.all(
    Array.from({ length: FAN_OPEN_CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await openStream(next);
    }),
  );
  const openMs = performance.now() - openStarted;
  const serverConnections = (server: http.Server) =>
    new Promise<number>((resolve, reject) =>
      server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    );
  const instance1ConnectionsOpen = await serverConnections(one.server);
  assert.equal(openNow, sessions.length, 'not every stream opened');
  await sleep(200);
  const rssStreamsOpen = process.memoryUsage.rss();
  log(
    `A: ${openNow} streams open on instance 1 in ${Math.round(openMs)} ms ` +
      `(${instance1ConnectionsOpen} server connections), RSS ${mib(rssStreamsOpen)} MiB`,
  );

  // Revoke on instance 2, one at a time: each user's sessions 7, 8 and 9, each by its session 0.
  const targets = shuffle(sessions.filter((s) => s.index >= FAN_SESSIONS_PER_USER - FAN_REVOKES_PER_USER));
  const revoker = new Map(sessions.filter((s) => s.index === 0).map((s) => [s.user, s]));
  const revokeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // Warm instance 2 up first (its pool holds only the LISTEN connection so far): list sessions through its
  // handler, a few at a time. Nothing is revoked, so every revoke below is timed.
  const warmAgent = new http.Agent({ keepAlive: true, maxSockets: 5 });
  await Promise.all(
    [...revoker.values()].slice(0, 25).map(async (by) => {
      const listed = await request(warmAgent, two.origin, 'GET', '/api/sessions', { cookie: by.cookie });
      assert.equal(listed.status, 200, `instance 2 lists ${by.userId}'s sessions: ${listed.body}`);
      assert.equal(
        (JSON.parse(listed.body) as { sessions: unknown[] }).sessions.length,
        FAN_SESSIONS_PER_USER,
      );
    }),
  );
  warmAgent.destroy();
  const fromResponse: number[] = [];
  const fromRequest: number[] = [];
  const revokeRoundTrip: number[] = [];
  let eventBeforeResponse = 0;
  const pending = new Map<string, { sentAt: number; respondedAt: number }>();
  const revokeStarted = performance.now();
  for (const target of targets) {
    const stream = streams.get(target.sessionId) as Stream;
    const by = revoker.get(target.user) as FanSession;
    const sentAt = performance.now();
    const timing = { sentAt, respondedAt: Number.NaN };
    pending.set(target.sessionId, timing);
    stream.onSignedOut = () => {
      if (!Number.isNaN(timing.respondedAt)) {
        fromResponse.push((stream.signedOutAt as number) - timing.respondedAt);
        fromRequest.push((stream.signedOutAt as number) - timing.sentAt);
        pending.delete(target.sessionId);
      }
    };
    const response = await request(
      revokeAgent,
      two.origin,
      'POST',
      `/api/sessions/${encodeURIComponent(target.sessionId)}/revoke`,
      {
        cookie: `${by.cookie}; XSRF-TOKEN=${XSRF}`,
        'x-xsrf-token': XSRF,
        'content-type': 'application/json',
      },
      '{}',
    );
    timing.respondedAt = performance.now();
    assert.equal(response.status, 204, `revoke of ${target.sessionId} on instance 2: ${response.body}`);
    revokeRoundTrip.push(timing.respondedAt - sentAt);
    if (stream.signedOutAt !== null) {
      // The event came in before the revoke's own response did (both go out at about the same moment).
      eventBeforeResponse += 1;
      fromResponse.push(stream.signedOutAt - timing.respondedAt);
      fromRequest.push(stream.signedOutAt - sentAt);
      pending.delete(target.sessionId);
    }
    await sleep(FAN_REVOKE_GAP_MS);
  }
  const revokeLoopMs = performance.now() - revokeStarted;
  const graceStarted = performance.now();
  while (pending.size > 0 && performance.now() - graceStarted < FAN_GRACE_MS) await sleep(10);
  await sleep(300); // the last session.ended frames and stream ends
  const missed = pending.size;
  const rssAfterRevokes = process.memoryUsage.rss();
  clearInterval(rssSampler);
  const rssPeakKernel = process.resourceUsage().maxRSS * 1024;

  // Checks: every revoked stream got its own signed-out (reason "revoked", by session 0) and was closed;
  // no other stream was closed; every other device of the user saw each revoke as session.ended.
  const revokedIds = new Set(targets.map((t) => t.sessionId));
  let wrongSignedOut = 0;
  let expectedEndedFrames = 0;
  let endedFrames = 0;
  let unexpectedCloses = 0;
  let revokedStillOpen = 0;
  for (const stream of streams.values()) {
    endedFrames += stream.endedFrames;
    if (revokedIds.has(stream.session.sessionId)) {
      const by = revoker.get(stream.session.user) as FanSession;
      if (
        stream.signedOut &&
        (stream.signedOut.sessionId !== stream.session.sessionId ||
          stream.signedOut.reason !== 'revoked' ||
          stream.signedOut.bySessionId !== by.sessionId)
      )
        wrongSignedOut += 1;
      if (!stream.ended) revokedStillOpen += 1;
    } else if (stream.ended || stream.signedOut) unexpectedCloses += 1;
  }
  // The j-th revoke of a user (j = 0, 1, 2) reaches the user's streams still open but the target's.
  for (let j = 0; j < FAN_REVOKES_PER_USER; j++) expectedEndedFrames += FAN_SESSIONS_PER_USER - j - 1;
  expectedEndedFrames *= FAN_USERS;
  const openAfter = openNow;
  const instance1ConnectionsAfter = await serverConnections(one.server);
  log(
    `A: ${targets.length} revokes on instance 2 in ${Math.round(revokeLoopMs)} ms; missed ${missed}, ` +
      `session.ended frames ${endedFrames}/${expectedEndedFrames}, ${openAfter} streams still open`,
  );

  // Tear down: cut the streams, stop the servers, close the buses and pools.
  for (const stream of streams.values()) stream.req.destroy();
  streamAgent.destroy();
  revokeAgent.destroy();
  for (const instance of instances) {
    instance.server.closeAllConnections();
    await new Promise<void>((resolve) => instance.server.close(() => resolve()));
    await instance.events.close();
    await instance.pool.end();
  }

  return {
    users: FAN_USERS,
    sessions: sessions.length,
    streamsOpened: streams.size,
    openStreamsPeak: openPeak,
    instance1ServerConnections: {
      whileOpen: instance1ConnectionsOpen,
      afterRevokes: instance1ConnectionsAfter,
    },
    openStreamsAfterRevokes: openAfter,
    revokes: targets.length,
    revokeGapMs: FAN_REVOKE_GAP_MS,
    signedOutFromResponseMs: {
      p50: stats(fromResponse).median,
      p99: stats(fromResponse).p99,
      max: stats(fromResponse).max,
      min: round3(Math.min(...fromResponse)),
      received: fromResponse.length,
    },
    signedOutFromRequestMs: {
      p50: stats(fromRequest).median,
      p99: stats(fromRequest).p99,
      max: stats(fromRequest).max,
    },
    revokeRoundTripMs: stats(revokeRoundTrip),
    eventBeforeResponse,
    missedEvents: missed,
    wrongSignedOutFrames: wrongSignedOut,
    revokedStreamsNotClosed: revokedStillOpen,
    otherStreamsClosed: unexpectedCloses,
    sessionEndedFrames: { received: endedFrames, expected: expectedEndedFrames },
    timingsMs: {
      signIn: Math.round(signInMs),
      openStreams: Math.round(openMs),
      revokeLoop: Math.round(revokeLoopMs),
    },
    rssMiB: {
      beforeSignIns: mib(rssBefore),
      streamsOpen: mib(rssStreamsOpen),
      afterRevokes: mib(rssAfterRevokes),
      peakSampled: mib(rssPeakSampled),
      peakProcess: mib(rssPeakKernel),
      perOpenStreamKiB: Math.round(((rssStreamsOpen - rssBefore) / sessions.length / 1024) * 10) / 10,
    },
  };
}

// =========================================================================================================
// B. 1,000,000 sessions: PostgreSQL beside SQLite, the same rows.
// =========================================================================================================
/** Sessions per user, 1 to 9 (the last user takes what is left), summing to SCALE_SESSIONS exactly. */
const counts: number[] = [];
for (let total = 0; total < SCALE_SESSIONS; ) {
  const count = Math.min(1 + Math.floor(random() * MAX_PER_USER), SCALE_SESSIONS - total);
  counts.push(count);
  total += count;
}
const userIdOf = (uid: number) => `usr_${uid}`;
// Row k (1-based) of user uid (1-based): n = uid * 16 + k feeds every derived column, in both dialects.
const sha256hex = (text: string) => createHash('sha256').update(text).digest('hex');
const sessionIdOf = (uid: number, k: number) => `ses_${sha256hex(`id:${uid * 16 + k}`).slice(0, 24)}`;
/** The row's IP, as the SQL derives it (BigInt: n × 2654435761 can pass 2^53). */
const ipOf = (uid: number, k: number) => {
  const n = BigInt(uid * 16 + k);
  const h = (n * 2654435761n) % 4294967296n;
  const h2 = (n * 2246822519n) % 4294967296n;
  return `${1n + (h % 223n)}.${(h / 223n) % 256n}.${(h / 57088n) % 256n}.${1n + (h2 % 254n)}`;
};

/**
 * The seeding query for one dialect, as its CTEs and its SELECT: every column of profilekit_sessions,
 * derived from the user (uid) and the row number (k).
 */
function seedSelect(dialect: 'pg' | 'sqlite', now: number, users: string, sessionsOf: string) {
  const quote = (v: string | undefined) => (v === undefined ? 'NULL' : `'${v.replaceAll("'", "''")}'`);
  const agents = USER_AGENTS.map((ua, i) => {
    const d = parseDevice(ua) ?? {};
    return `(${i}, ${quote(ua)}, ${quote(d.name)}, ${quote(d.type)}, ${quote(d.browser)}, ${quote(d.os)})`;
  }).join(',\n      ');
  const hex = (text: string) =>
    dialect === 'pg' ? `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')` : `sha256hex(${text})`;
  const least = dialect === 'pg' ? 'LEAST' : 'min';
  const int = dialect === 'pg' ? '::bigint' : '';
  const ctes = `
    agents(i, ua, device_name, device_type, device_browser, device_os) AS (VALUES
      ${agents}
    ),
    numbered AS (
      SELECT n, ((n * 2654435761) % 4294967296) AS h, ((n * 2246822519) % 4294967296) AS h2,
        ((n * 3266489917) % 4294967296) AS h3, uid
      FROM (SELECT (u.uid * 16 + k.k)${int} AS n, u.uid FROM ${users} ${sessionsOf}) AS s
    ),
    timed AS (
      SELECT numbered.*, ${now}${int} - 120000 - h2 % ${6 * DAY} AS created_at FROM numbered
    ),
    full_rows AS (
      SELECT timed.*, created_at + h3 % (${now}${int} - 60000 - created_at) AS last_active_at FROM timed
    )`;
  const select = `SELECT 'ses_' || substr(${hex(`'id:' || n`)}, 1, 24), 'usr_' || uid, ${hex(`'token:' || n`)},
      substr(${hex(`'preview:' || n`)}, 1, 8), a.ua,
      (1 + h % 223) || '.' || (h / 223 % 256) || '.' || (h / 57088 % 256) || '.' || (1 + h2 % 254),
      a.device_name, a.device_type, a.device_browser, a.device_os, NULL, NULL, NULL,
      ${dialect === 'pg' ? 'false' : '0'}, NULL, created_at, last_active_at,
      ${least}(created_at + ${30 * DAY}, last_active_at + ${14 * DAY}), created_at + ${30 * DAY}, created_at
    FROM full_rows JOIN agents AS a ON a.i = h % 6`;
  return { ctes, select };
}
const COLUMNS = `id, user_id, token_hash, token_preview, user_agent, ip_address, device_name, device_type,
  device_browser, device_os, city, region, country, trusted, application_id, created_at, last_active_at,
  expires_at, absolute_expires_at, authenticated_at`;

async function scale() {
  const now = Date.now();
  const pool = pgPool(6);
  const pgStore = createPostgresSessionStore(pool, { schema: SCALE_SCHEMA });
  await pgStore.ready();
  const trigram = (await pool.query(`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`))
    .rows[0] as { n: number };

  // PostgreSQL: the per-user counts into a temp table, then one INSERT … SELECT over generate_series,
  // started now and left to run in the server while SQLite seeds in this process.
  const seeder = await pool.connect();
  await seeder.query(
    'CREATE TEMP TABLE seed_users AS SELECT uid::int, c::int FROM unnest($1::int[]) WITH ORDINALITY AS u(c, uid)',
    [counts],
  );
  const pgQuery = seedSelect(
    'pg',
    now,
    'seed_users AS u',
    'CROSS JOIN LATERAL generate_series(1, u.c) AS k(k)',
  );
  const pgSeed = seeder.query(
    `INSERT INTO "${SCALE_SCHEMA}".profilekit_sessions (${COLUMNS})
     WITH ${pgQuery.ctes}
     ${pgQuery.select}`,
  );
  const pgSeedStarted = performance.now();
  // The INSERT must be running in the server before this process blocks on SQLite.
  for (;;) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO "${SCALE_SCHEMA}"%'`,
    );
    if ((rows[0] as { n: number }).n > 0) break;
    await sleep(20);
  }
  let pgSeedMs = Number.NaN;
  const pgSeedDone = pgSeed.then((result) => {
    pgSeedMs = performance.now() - pgSeedStarted;
    return result.rowCount;
  });
  log('B: PostgreSQL seed running (INSERT … SELECT over generate_series)');

  // SQLite: the store's own schema on a temp file, then one INSERT … SELECT over a recursive CTE in one
  // transaction, the FTS5 trigram trigger firing per row (synchronous: this blocks the event loop).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'profilekit-bench-multi-'));
  try {
    const db = new Database(path.join(dir, 'sessions.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const sqliteStore = createSqliteSessionStore(db);
    const defaultCache = db.pragma('cache_size', { simple: true }) as number;
    db.function('sha256hex', { deterministic: true }, (text: unknown) => sha256hex(String(text)));
    db.pragma(`cache_size = -${SQLITE_SEED_CACHE_KIB}`);
    const sqliteQuery = seedSelect('sqlite', now, 'users AS u', 'JOIN seq AS k ON k.k <= u.c');
    const sqliteSeedStarted = performance.now();
    db.exec('BEGIN');
    const sqliteInserted = db
      .prepare(
        `WITH RECURSIVE seq(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM seq WHERE k < ${MAX_PER_USER}),
         users(uid, c) AS (SELECT key + 1, value FROM json_each(?)),
         ${sqliteQuery.ctes}
         INSERT INTO profilekit_sessions (${COLUMNS})
         ${sqliteQuery.select}`,
      )
      .run(JSON.stringify(counts)).changes;
    const sqliteInsertMs = performance.now() - sqliteSeedStarted;
    db.exec('COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sqliteSeedMs = performance.now() - sqliteSeedStarted;
    db.pragma(`cache_size = ${defaultCache}`);
    assert.equal(sqliteInserted, SCALE_SESSIONS);
    log(`B: SQLite seeded ${sqliteInserted.toLocaleString('en')} rows in ${Math.round(sqliteSeedMs)} ms`);

    const pgInserted = await pgSeedDone;
    assert.equal(pgInserted, SCALE_SESSIONS);
    log(`B: PostgreSQL seeded ${pgInserted?.toLocaleString('en')} rows in ${Math.round(pgSeedMs)} ms`);
    const vacuumStarted = performance.now();
    await seeder.query(`VACUUM (ANALYZE) "${SCALE_SCHEMA}".profilekit_sessions`);
    const pgVacuumMs = performance.now() - vacuumStarted;
    seeder.release();

    // Both hold the same rows: counts, a sample user's ids, and the sizes on disk.
    const pgCount = Number(
      (await pool.query(`SELECT count(*) AS n FROM "${SCALE_SCHEMA}".profilekit_sessions`)).rows[0].n,
    );
    const sqliteCount = (db.prepare('SELECT count(*) AS n FROM profilekit_sessions').get() as { n: number })
      .n;
    const ftsCount = (
      db
        .prepare(
          `SELECT count(*) AS n FROM profilekit_session_search WHERE profilekit_session_search MATCH ?`,
        )
        .get(`"${BROAD_SEARCH}"`) as { n: number }
    ).n;
    assert.equal(pgCount, SCALE_SESSIONS);
    assert.equal(sqliteCount, SCALE_SESSIONS);
    assert.ok(ftsCount > 0, 'the FTS index is empty');
    const pgBytes = Number(
      (await pool.query(`SELECT pg_total_relation_size('"${SCALE_SCHEMA}".profilekit_sessions') AS b`))
        .rows[0].b,
    );
    const sqliteBytes = (
      db.prepare('SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()').get() as {
        b: number;
      }
    ).b;

    const pgBus = createPostgresEventBus(pool, { channel: SCALE_CHANNEL });
    const pgManager = createSessionManager({ store: pgStore, events: pgBus, cookie: { secure: false } });
    await pgBus.ready();
    const sqliteManager = createSessionManager({ store: sqliteStore, cookie: { secure: false } });
    const sides = { postgres: pgManager, sqlite: sqliteManager } as const;
    type Side = keyof typeof sides;

    type Timed = (side: Side, i: number) => Promise<() => void>;
    async function compare(iterations: number, warmUp: number, run: Timed) {
      const times: Record<Side, number[]> = { postgres: [], sqlite: [] };
      for (let i = 0; i < iterations; i++) {
        const order: Side[] = i % 2 === 0 ? ['postgres', 'sqlite'] : ['sqlite', 'postgres'];
        for (const side of order) {
          const t0 = performance.now();
          const check = await run(side, i);
          const elapsed = performance.now() - t0;
          check();
          if (i >= warmUp) times[side].push(elapsed);
        }
      }
      return { postgres: stats(times.postgres), sqlite: stats(times.sqlite) };
    }
    const results: { op: string; call: string; postgres: Stats; sqlite: Stats }[] = [];
    const randomUser = () => 1 + Math.floor(random() * counts.length);

    // 1. A user's sessions (the profile page).
    const listUsers = Array.from({ length: LIST_WARM_UP + LIST_RUNS }, randomUser);
    results.push({
      op: 'listSessions',
      call: 'manager.listSessions(userId)',
      ...(await compare(listUsers.length, LIST_WARM_UP, async (side, i) => {
        const uid = listUsers[i] as number;
        const list = await sides[side].listSessions(userIdOf(uid));
        return () => {
          assert.equal(list.length, counts[uid - 1], `${side}: ${userIdOf(uid)}'s sessions`);
          assert.ok(list.some((s) => s.id === sessionIdOf(uid, 1) && s.ipAddress === ipOf(uid, 1)));
        };
      })),
    });
    log('B: listSessions done');

    // 2. The admin console's first page, newest activity first, and two searches.
    const page = (side: Side, query: Partial<SessionsPageQuery>) =>
      sides[side].listAllSessions({
        status: 'active',
        sort: 'lastActiveAt',
        direction: 'desc',
        limit: 50,
        ...query,
      });
    let firstIds: Record<Side, string> = { postgres: '', sqlite: '' };
    results.push({
      op: 'admin first page',
      call: "manager.listAllSessions({ status: 'active', sort: 'lastActiveAt', direction: 'desc', limit: 50 })",
      ...(await compare(PAGE_WARM_UP + PAGE_RUNS, PAGE_WARM_UP, async (side) => {
        const result = await page(side, {});
        return () => {
          assert.equal(result.sessions.length, 50);
          assert.equal(result.total, SCALE_SESSIONS);
          firstIds = { ...firstIds, [side]: result.sessions.map((s) => s.id).join() };
        };
      })),
    });
    assert.equal(firstIds.postgres, firstIds.sqlite, 'the stores answer different first pages');
    // An admin looking a network up: the first three octets of a random session's IP ("83.120.47.").
    const searches = Array.from({ length: PAGE_WARM_UP + PAGE_RUNS }, () => {
      const uid = randomUser();
      return `${ipOf(uid, 1).split('.').slice(0, 3).join('.')}.`;
    });
    const searchTotals: Record<Side, number[]> = { postgres: [], sqlite: [] };
    results.push({
      op: 'admin search (IP /24)',
      call: "store.listSessionsPage({ …, search: '83.120.47.' }) — first 3 octets of a random session's IP",
      ...(await compare(searches.length, PAGE_WARM_UP, async (side, i) => {
        const result = await page(side, { search: searches[i] as string });
        return () => {
          assert.ok(result.total >= 1, `${side}: search ${searches[i]} found nothing`);
          searchTotals[side].push(result.total);
        };
      })),
    });
    assert.deepEqual(searchTotals.postgres, searchTotals.sqlite, 'the stores count different search matches');
    let broadTotal = 0;
    results.push({
      op: `admin search ('${BROAD_SEARCH}')`,
      call: `store.listSessionsPage({ …, search: '${BROAD_SEARCH}' }) — one user agent in six (~15% of rows)`,
      ...(await compare(BROAD_WARM_UP + BROAD_RUNS, BROAD_WARM_UP, async (side) => {
        const result = await page(side, { search: BROAD_SEARCH });
        return () => {
          assert.equal(result.sessions.length, 50);
          if (broadTotal === 0) broadTotal = result.total;
          assert.equal(result.total, broadTotal, `${side}: broad search total`);
        };
      })),
    });
    log('B: admin pages done');

    // 3. Revoking one session of a random user: distinct targets, the same on both stores.
    const revokeTargets: { uid: number; k: number }[] = [];
    const taken = new Set<string>();
    while (revokeTargets.length < REVOKE_WARM_UP + REVOKE_RUNS) {
      const uid = randomUser();
      const k = 1 + Math.floor(random() * (counts[uid - 1] as number));
      if (taken.has(`${uid}:${k}`)) continue;
      taken.add(`${uid}:${k}`);
      revokeTargets.push({ uid, k });
    }
    results.push({
      op: 'revokeSession',
      call: 'manager.revokeSession({ userId, sessionId })',
      ...(await compare(revokeTargets.length, REVOKE_WARM_UP, async (side, i) => {
        const { uid, k } = revokeTargets[i] as { uid: number; k: number };
        const revoked = await sides[side].revokeSession({
          userId: userIdOf(uid),
          sessionId: sessionIdOf(uid, k),
        });
        return () => assert.equal(revoked, true, `${side}: revoke ${userIdOf(uid)} #${k}`);
      })),
    });
    for (const { uid, k } of revokeTargets.slice(0, 20)) {
      for (const side of ['postgres', 'sqlite'] as const) {
        const list = await sides[side].listSessions(userIdOf(uid));
        assert.ok(!list.some((s) => s.id === sessionIdOf(uid, k)), `${side}: a revoked session still lists`);
      }
    }
    log('B: revokeSession done');

    const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    await pgBus.close();
    db.close();
    return {
      result: {
        sessions: SCALE_SESSIONS,
        users: counts.length,
        sessionsPerUser: `1–${MAX_PER_USER}`,
        pgTrigramIndexes: trigram.n > 0,
        seedMs: {
          postgres: Math.round(pgSeedMs),
          postgresVacuumAnalyze: Math.round(pgVacuumMs),
          sqlite: Math.round(sqliteSeedMs),
          sqliteInsertOnly: Math.round(sqliteInsertMs),
          concurrent: true,
        },
        sqliteFtsTrigger: 'kept (the FTS5 trigram index filled by its per-row insert trigger)',
        sizeMiB: { postgres: mib(pgBytes), sqlite: mib(sqliteBytes) },
        broadSearchMatches: broadTotal,
        ipSearchMatches: stats(searchTotals.postgres),
        results,
      },
      sqliteVersion,
    };
  } finally {
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

// =========================================================================================================
// Run both, report.
// =========================================================================================================
const envPool = pgPool(1);
const postgresVersion = ((await envPool.query('SELECT version() AS v')).rows[0] as { v: string }).v;
const postgresSettings = Object.fromEntries(
  (
    await envPool.query(
      `SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'fsync',
         'synchronous_commit', 'max_connections', 'max_parallel_workers_per_gather')`,
    )
  ).rows.map((r: { name: string; setting: string }) => [r.name, r.setting]),
);
await envPool.end();

log(`A: ${FAN_USERS * FAN_SESSIONS_PER_USER} sessions, two instances over PostgreSQL (schema ${FAN_SCHEMA})`);
const fan = await fanOut();
log(`B: ${SCALE_SESSIONS.toLocaleString('en')} sessions in PostgreSQL (schema ${SCALE_SCHEMA}) and SQLite`);
const { result: big, sqliteVersion } = await scale();

const wallMs = Math.round(performance.now() - started);
const out = {
  env: {
    node: process.version,
    postgres: postgresVersion,
    postgresSettings,
    sqlite: sqliteVersion,
    betterSqlite3: version('better-sqlite3'),
    pg: version('pg'),
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAverage(),
  },
  fanOut: fan,
  scale: big,
  notes: [
    'A: both instances, the 1,000 SSE clients and the revoking client share this one Node process and event loop; events still travel instance 2 → pg_notify → PostgreSQL → instance 1’s LISTEN connection (each instance has its own pool and bus).',
    'A: streams over node:http with a dedicated Agent (keepAlive, maxSockets Infinity; Node 20’s globalAgent is Infinity too); the revoking client one keep-alive socket. ulimit -n was ' +
      `${(() => {
        try {
          return readFileSync('/proc/self/limits', 'utf8').match(/Max open files\s+(\d+)/)?.[1] ?? '?';
        } catch {
          return '?';
        }
      })()}.`,
    'A: revokes go through instance 2’s handler (POST /api/sessions/:id/revoke, CSRF double-submit, passwordRequirements.revokeSession = "none"), each by the user’s session 0; 15 ms between revokes; instance 2 warmed up first by 25 session lists through its handler.',
    'A: signedOutFromResponse may be negative: instance 2 answers after pg_notify returns, and the NOTIFY reaches instance 1 at about the same moment.',
    'A: RSS is the whole process: two instances, their pools, and the 1,000 client streams.',
    'A: instance1ServerConnections.afterRevokes counts the revoked streams’ sockets too until the server’s keep-alive timeout (5 s) closes them: a revoked stream’s response ends, its socket idles in the client agent.',
    'B: the same 1,000,000 rows on both sides (every column derived from the user and row number; ids and token hashes SHA-256).',
    'B: PostgreSQL seeded by one INSERT … SELECT over generate_series with every index of the store in place, then VACUUM (ANALYZE) (so autovacuum does not start mid-measurement); it ran in the server while SQLite seeded in this process, so both seed times are under that contention.',
    `B: SQLite seeded by one INSERT … SELECT over a recursive CTE in one transaction, FTS5 trigram trigger kept; page cache ${SQLITE_SEED_CACHE_KIB / 1024} MiB while seeding only, then back to the default; WAL checkpointed (TRUNCATE) inside the seed time; no ANALYZE.`,
    'B: the throwaway cluster runs with fsync=off and synchronous_commit=off (scripts/with-postgres.mjs); the SQLite file keeps WAL with synchronous at its default (FULL), so its commits fsync and PostgreSQL’s do not: the write figures favour PostgreSQL.',
    'B: the PostgreSQL manager carries the PostgreSQL event bus (so its revoke includes the pg_notify round trip); the SQLite one the in-process bus.',
  ],
  wallMs,
};
const file = writeResult('multi-instance.json', out);

const ms = (value: number) => value.toFixed(3).padStart(9);
console.log(
  `\nprofilekit, several instances over PostgreSQL — Node ${process.version}, ${postgresVersion.split(' on ')[0]}, SQLite ${sqliteVersion}`,
);
console.log(
  `\nA. fan-out: ${fan.sessions} sessions / ${fan.streamsOpened} SSE streams on instance 1, ${fan.revokes} revokes on instance 2`,
);
console.log(
  `   revoke response → signed-out on instance 1: p50 ${fan.signedOutFromResponseMs.p50} ms, p99 ${fan.signedOutFromResponseMs.p99} ms, max ${fan.signedOutFromResponseMs.max} ms (min ${fan.signedOutFromResponseMs.min}; ${fan.eventBeforeResponse} before the response)`,
);
console.log(
  `   revoke sent → signed-out:                  p50 ${fan.signedOutFromRequestMs.p50} ms, p99 ${fan.signedOutFromRequestMs.p99} ms, max ${fan.signedOutFromRequestMs.max} ms`,
);
console.log(
  `   revoke round trip (HTTP, instance 2):       median ${fan.revokeRoundTripMs.median} ms, p99 ${fan.revokeRoundTripMs.p99} ms`,
);
console.log(
  `   missed ${fan.missedEvents}, session.ended frames ${fan.sessionEndedFrames.received}/${fan.sessionEndedFrames.expected}, wrong ${fan.wrongSignedOutFrames}, other streams closed ${fan.otherStreamsClosed}`,
);
console.log(
  `   open streams peak ${fan.openStreamsPeak} (server connections ${fan.instance1ServerConnections.whileOpen}), after ${fan.openStreamsAfterRevokes}; RSS peak ${fan.rssMiB.peakProcess} MiB (streams open ${fan.rssMiB.streamsOpen}, before ${fan.rssMiB.beforeSignIns}; ~${fan.rssMiB.perOpenStreamKiB} KiB per stream incl. client)`,
);
console.log(`   sign-ins ${fan.timingsMs.signIn} ms, opening streams ${fan.timingsMs.openStreams} ms`);
console.log(
  `\nB. scale: ${big.sessions.toLocaleString('en')} sessions, ${big.users.toLocaleString('en')} users; seed PostgreSQL ${big.seedMs.postgres} ms (+ VACUUM ANALYZE ${big.seedMs.postgresVacuumAnalyze} ms), SQLite ${big.seedMs.sqlite} ms (concurrently); on disk PG ${big.sizeMiB.postgres} MiB, SQLite ${big.sizeMiB.sqlite} MiB\n`,
);
console.log(
  `${'operation'.padEnd(28)} ${'runs'.padStart(5)} | ${'PG median'.padStart(9)} ${'PG p99'.padStart(9)} | ${'SQLite med'.padStart(10)} ${'SQLite p99'.padStart(10)}`,
);
console.log('-'.repeat(80));
for (const r of big.results) {
  console.log(
    `${r.op.padEnd(28)} ${String(r.postgres.runs).padStart(5)} | ${ms(r.postgres.median)} ${ms(r.postgres.p99)} | ${ms(r.sqlite.median).padStart(10)} ${ms(r.sqlite.p99).padStart(10)}`,
  );
}
console.log('\n(ms; median and p99 of timed runs after warm-up)');
console.log(
  `load average (1/5/15 min) at start ${out.env.loadAverageAtStart.join(' ')}, at end ${out.env.loadAverageAtEnd.join(' ')} (${os.cpus().length} cores)`,
);
console.log(`\nwrote ${path.relative(root, file)} (wall ${(wallMs / 1000).toFixed(1)} s)`);
if (fan.missedEvents > 0 || fan.sessionEndedFrames.received !== fan.sessionEndedFrames.expected)
  process.exitCode = 1;
