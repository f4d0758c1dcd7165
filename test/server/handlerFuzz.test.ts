import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createSessionManager } from '../../src/server/createSessionManager.js';
import { createSessionsHandler } from '../../src/server/createSessionsHandler.js';
import { createSqliteSessionStore } from '../../src/server/sqlite/createSqliteSessionStore.js';

const db = new Database(':memory:');
afterAll(() => db.close());
const store = createSqliteSessionStore(db);
// Activity is recorded at most hourly here, so "a refused request changes nothing" compares whole rows.
const manager = createSessionManager({ store, cookie: { secure: false }, activityWindowMs: 3_600_000 });
const handler = createSessionsHandler({
  manager,
  basePath: '/api',
  verifyPassword: (_userId, password) => password === 'right password',
  admin: {
    isAdmin: (userId) => userId === 'usr_admin',
    describeUsers: (ids) => Object.fromEntries(ids.map((id) => [id, { email: `${id}@example.com` }])),
    searchUsers: () => ['usr_ana'],
  },
  onError: (error) => {
    throw new Error(`the handler reached an unexpected error: ${String(error)}`);
  },
});

const rows = () => db.prepare('SELECT * FROM profilekit_sessions ORDER BY id').all();
const XSRF = 'a'.repeat(40);

// Real sessions to aim at: the fuzzed requests carry their cookies and ids among the random ones.
const signIn = async (userId: string) => {
  const { session, setCookie } = await manager.signIn({ userId, request: new Request('http://localhost/') });
  return { id: session.id, session, cookie: (setCookie.split(';')[0] ?? '').trim() };
};
const ana = await signIn('usr_ana');
const other = await signIn('usr_ana');
const admin = await signIn('usr_admin');

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '%',
    '%zz',
    '%E0%A4%A',
    '..',
    '../admin',
    '\u0000',
    '\u202e',
    '<script>',
    "' OR 1=1 --",
    'x'.repeat(5000),
  ),
);
const path = fc.oneof(
  fc.constantFrom(
    '/api/sessions',
    '/api/sessions/revoke-others',
    '/api/sessions/revoke-all',
    '/api/sessions/sign-out',
    '/api/sessions/reauthenticate',
    '/api/admin/sessions',
    '/api/admin/stats',
    '/api/csrf',
    '/api',
    '/',
    '/api/admin/users/usr_ana/revoke-sessions',
  ),
  fc.constantFrom(ana.id, other.id, admin.id).map((id) => `/api/sessions/${id}/revoke`),
  fc.constantFrom(other.id, admin.id).map((id) => `/api/admin/sessions/${id}`),
  hostile.map((id) => `/api/sessions/${encodeURIComponent(id)}/revoke`),
  hostile.map((segment) => `/api/${segment}`),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'cursor', 'search', 'sort', 'direction', 'status', 'userId', 'applicationId'),
  fc.oneof(hostile, fc.constantFrom('0', '-1', '1e9', '50', 'asc', 'expired', 'createdAt', 'NaN')),
);
const body = fc.oneof(
  fc.constant(undefined),
  hostile,
  fc.json(),
  fc.record({ password: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())) }),
  fc.record({ password: fc.constant('right password'), applicationId: fc.oneof(hostile, fc.integer()) }),
);
// What a header can carry at all: HTTP itself refuses control characters before a handler sees them.
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '');
const cookie = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(ana.cookie, admin.cookie),
  hostile.map((value) => `pk_session=${headerSafe(value)}`),
  fc.string().map(headerSafe),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'),
  path,
  query,
  body,
  cookie,
  csrf: fc.constantFrom('match', 'missing', 'wrong'),
  contentLength: fc.option(fc.constantFrom('0', '99999999', 'abc'), { nil: undefined }),
});

describe('the handler under random input', () => {
  it('never answers 5xx, always answers { code, message } on errors, and a refused request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = new URL(`http://localhost${r.path}`);
        for (const [key, value] of Object.entries(r.query)) url.searchParams.set(key, value);
        const headers = new Headers();
        const cookies = [r.cookie, r.csrf === 'missing' ? undefined : `XSRF-TOKEN=${XSRF}`].filter(Boolean);
        if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
        if (r.csrf !== 'missing') headers.set('x-xsrf-token', r.csrf === 'match' ? XSRF : 'b'.repeat(40));
        if (r.contentLength) headers.set('content-length', r.contentLength);
        const sendsBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
        // A fresh tally each run: otherwise random wrong passwords soon lock the user into 429s.
        db.exec('DELETE FROM profilekit_attempts');
        const before = rows();
        const response = await handler(
          new Request(url, {
            method: r.method,
            headers,
            body: sendsBody ? (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)) : undefined,
          }),
        );
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('cache-control')).toBe('no-store');
        if (response.status >= 400) {
          expect(await response.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
          expect(rows()).toEqual(before);
        }
        // Put back what a successful revoke ended, so the next run aims at live sessions again.
        for (const { session } of [ana, other, admin]) {
          if (!(await store.findById(session.id))) await store.createSession(session);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000), seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    );
  });
});
