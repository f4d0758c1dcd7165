// Page-fetch latency of the reference server's admin endpoints at 100,000 sessions: seeds a fresh SQLite
// file, starts the real server on a free port, signs the admin in over HTTP and times each request type.
// Run by `npm run bench`; alone: `npx tsx bench/serverLatency.ts` (writes bench/.out/server-latency.json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../examples/server/createApp.js';
import { openDb } from '../examples/server/db.js';
import { DEMO_CREDENTIALS, seedDemo } from '../examples/server/seed.js';

// Users get 1 to 6 sessions each (3.5 on average): this many users seed 100,002 sessions.
const USERS = 28_572;
const WARM_UP = 5;
const RUNS = 30;

const dir = mkdtempSync(path.join(tmpdir(), 'profilekit-bench-'));
const db = openDb(path.join(dir, 'bench.sqlite'));
const seedStarted = performance.now();
await seedDemo(db, Date.now(), USERS);
const seedMs = performance.now() - seedStarted;
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
const sessions = count('SELECT count(*) AS n FROM profilekit_sessions');

const { app } = createApp({ db });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// A cookie jar of one browser: the session cookie and the CSRF cookie.
const cookies = new Map<string, string>();
async function request(url: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const response = await fetch(`${base}${url}`, { ...init, headers });
  for (const line of response.headers.getSetCookie()) {
    const [name = '', value = ''] = (line.split(';')[0] ?? '').split('=');
    cookies.set(name.trim(), value.trim());
  }
  return response;
}
await request('/api/csrf');
const signIn = await request('/api/auth/sign-in', {
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    'X-XSRF-TOKEN': decodeURIComponent(cookies.get('XSRF-TOKEN') ?? ''),
  },
  body: JSON.stringify(DEMO_CREDENTIALS.admin),
});
if (signIn.status !== 200) throw new Error(`admin sign-in failed: ${signIn.status}`);

async function getJson(url: string) {
  const response = await request(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json() as Promise<{ sessions: { id: string }[]; nextCursor: string | null }>;
}

// The cursor halfway down the list, reached the way a client does: page after page.
let cursor: string | null = null;
for (let seen = 0; seen < 50_000; seen += 1_000) {
  cursor = (await getJson(`/api/admin/sessions?limit=1000${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
}
const someSession = (await getJson('/api/admin/sessions?limit=1')).sessions[0]?.id;
// A user with the most sessions (six), as an admin would open from a row.
const { user_id: someUser } = db
  .prepare('SELECT user_id FROM profilekit_sessions GROUP BY user_id ORDER BY count(*) DESC LIMIT 1')
  .get() as { user_id: string };

const cases: [string, string][] = [
  ['first page (100, newest first)', '/api/admin/sessions?limit=100'],
  ['page at row 50,000 (keyset cursor)', `/api/admin/sessions?limit=100&cursor=${cursor}`],
  ['search "user1234" (email, name, IP, agent)', '/api/admin/sessions?limit=100&search=user1234'],
  ["one user's sessions", `/api/admin/sessions?limit=100&userId=${encodeURIComponent(someUser)}`],
  ['expired sessions', '/api/admin/sessions?limit=100&status=expired'],
  ['sorted by expiry, ascending', '/api/admin/sessions?limit=100&sort=expiresAt&direction=asc'],
  ['one session (details)', `/api/admin/sessions/${someSession}`],
  ['stats', '/api/admin/stats'],
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const results = [];
for (const [name, url] of cases) {
  const times: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const started = performance.now();
    const response = await request(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    if (run >= WARM_UP) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  results.push({ name, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), runs: RUNS });
}

server.close();
db.close();
rmSync(dir, { recursive: true, force: true });
const out = { sessions, users: USERS + 2, seedMs, results };
const outDir = path.join(import.meta.dirname, '.out');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'server-latency.json'), JSON.stringify(out, null, 2));
console.table(results);
