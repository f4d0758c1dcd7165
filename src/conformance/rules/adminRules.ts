import type { Context, Rule } from '../context.js';
import { describe, expectError, expectJsonObject, fail, isNonNegativeInteger, notRun } from '../expect.js';
import type { Identity } from '../http.js';
import { identify } from '../lists.js';

// Two per page, so the four sessions this run signed in span two pages at least; four pages bound the walk.
const PAGE_SIZE = 2;
const MAX_PAGES = 4;
// C1, C2, C3 and the admin: active sessions the server must count, whatever else the environment holds.
const SIGNED_IN_FOR_THIS_RUN = 4;
const STATS_FIELDS = ['totalActive', 'uniqueUsers', 'expired', 'startedToday'] as const;
const TOKEN_PREVIEW_MAX = 8;

const adminOf = (ctx: Context): Identity => ctx.admin ?? notRun('no admin cookie');

/** One admin page, checked for the envelope and for what an admin session must and must not carry. */
async function adminPage(ctx: Context, cursor: string | null) {
  const path = `/admin/sessions?limit=${PAGE_SIZE}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
  const exchange = await ctx.client.get(adminOf(ctx), path);
  const body = expectJsonObject(exchange, 200, `GET ${path} as the admin`);
  const { sessions, nextCursor, total } = body;
  if (
    !Array.isArray(sessions) ||
    (nextCursor !== null && typeof nextCursor !== 'string') ||
    !isNonNegativeInteger(total)
  ) {
    fail(`expected {"sessions":[…],"nextCursor":string|null,"total":n}, got ${describe(exchange)}`, exchange);
  }
  if (sessions.length > PAGE_SIZE)
    fail(`expected at most ${PAGE_SIZE} sessions for limit=${PAGE_SIZE}, got ${sessions.length}`, exchange);
  const ids: string[] = [];
  for (const entry of sessions as Array<Record<string, unknown> | null>) {
    if (typeof entry?.id !== 'string' || entry.id === '')
      fail(`expected every admin session to have a string \`id\`, got ${JSON.stringify(entry)}`, exchange);
    const preview = entry.tokenPreview;
    if (
      preview !== undefined &&
      preview !== null &&
      (typeof preview !== 'string' || preview.length > TOKEN_PREVIEW_MAX)
    ) {
      fail(
        `expected tokenPreview to be at most the token's first ${TOKEN_PREVIEW_MAX} characters, got ${JSON.stringify(preview)}`,
        exchange,
      );
    }
    const user = entry.user as Record<string, unknown> | null | undefined;
    if (user !== undefined && user !== null && typeof user?.id !== 'string') {
      fail(
        `expected an admin session's user as {"id","email","name"}, got ${JSON.stringify(user)}`,
        exchange,
      );
    }
    ids.push(entry.id);
  }
  return { exchange, ids, nextCursor: nextCursor as string | null, total: total as number };
}

export const adminRules: Rule[] = [
  {
    name: 'admin-forbidden',
    section: 'admin-endpoints-createrestadminsessionsprovider',
    needs: 'admin',
    async run(ctx) {
      for (const path of ['/admin/sessions', '/admin/stats']) {
        const exchange = await ctx.client.get(ctx.c1, path);
        expectError(exchange, 403, 'FORBIDDEN', `GET ${path} as C1 (the test user, not an admin)`);
      }
      const anonymous = await ctx.client.get(null, '/admin/sessions');
      expectError(anonymous, 401, 'UNAUTHORIZED', 'GET /admin/sessions with no cookie');
      return undefined;
    },
  },
  {
    name: 'admin-list',
    section: 'admin-endpoints-createrestadminsessionsprovider',
    needs: 'admin',
    async run(ctx) {
      const seen = new Set<string>();
      let page = await adminPage(ctx, null);
      const { total } = page;
      if (total < SIGNED_IN_FOR_THIS_RUN) {
        fail(
          `expected total ≥ ${SIGNED_IN_FOR_THIS_RUN} (it counts every match, and this run signed in ${SIGNED_IN_FOR_THIS_RUN}), got ${total}`,
          page.exchange,
        );
      }
      let pages = 1;
      for (;;) {
        // Keyset paging never repeats a row; offset paging does when rows move between requests.
        const repeated = page.ids.find((id) => seen.has(id));
        if (repeated)
          fail(`expected keyset paging never to repeat a session, but ${repeated} came again`, page.exchange);
        for (const id of page.ids) seen.add(id);
        if (page.nextCursor === null) break;
        if (page.ids.length === 0)
          fail('expected nextCursor null on an empty page (else a client pages forever)', page.exchange);
        if (pages === MAX_PAGES) break;
        page = await adminPage(ctx, page.nextCursor);
        pages++;
      }
      if (seen.size < Math.min(total, PAGE_SIZE * MAX_PAGES)) {
        fail(
          `expected paging to go on while sessions are left (total ${total}), but it ended after ${seen.size}`,
          page.exchange,
        );
      }
      return { note: `${seen.size} sessions over ${pages} pages, total ${total}` };
    },
  },
  {
    name: 'admin-stats',
    section: 'admin-endpoints-createrestadminsessionsprovider',
    needs: 'admin',
    async run(ctx) {
      const exchange = await ctx.client.get(adminOf(ctx), '/admin/stats');
      const body = expectJsonObject(exchange, 200, 'GET /admin/stats as the admin');
      for (const key of STATS_FIELDS) {
        if (!isNonNegativeInteger(body[key])) {
          fail(`expected ${key} to be a non-negative integer, got ${JSON.stringify(body[key])}`, exchange);
        }
      }
      const { totalActive, uniqueUsers } = body as Record<string, number>;
      ctx.state.statsBefore = body as Record<string, number>;
      if (
        (totalActive ?? 0) < SIGNED_IN_FOR_THIS_RUN ||
        (uniqueUsers ?? 0) < 2 ||
        (uniqueUsers ?? 0) > (totalActive ?? 0)
      ) {
        fail(
          `with this run's 4 sessions of 2 users, expected totalActive ≥ 4 and 2 ≤ uniqueUsers ≤ totalActive, got ` +
            `totalActive ${totalActive}, uniqueUsers ${uniqueUsers}`,
          exchange,
        );
      }
      return undefined;
    },
  },
  {
    name: 'admin-bad-cursor-400',
    section: 'admin-endpoints-createrestadminsessionsprovider',
    needs: 'admin',
    async run(ctx) {
      const queries = [
        [`cursor=${encodeURIComponent('%%not a cursor%%')}`, 'a cursor the server never gave out'],
        ['sort=password', 'an unknown sort'],
      ] as const;
      for (const [query, what] of queries) {
        const exchange = await ctx.client.get(adminOf(ctx), `/admin/sessions?${query}`);
        expectError(exchange, 400, 'UNKNOWN', `GET /admin/sessions?${query} (${what})`);
      }
      return undefined;
    },
  },
  {
    name: 'admin-bad-limit-400',
    section: 'admin-endpoints-createrestadminsessionsprovider',
    needs: 'admin',
    async run(ctx) {
      for (const limit of ['0', '-1', '1001', 'abc', '2.5']) {
        const exchange = await ctx.client.get(adminOf(ctx), `/admin/sessions?limit=${limit}`);
        expectError(
          exchange,
          400,
          'UNKNOWN',
          `GET /admin/sessions?limit=${limit} (limit is a whole number from 1 to 1000)`,
        );
      }
      return undefined;
    },
  },
  {
    name: 'admin-get-and-revoke',
    section: 'admin-endpoints-createrestadminsessionsprovider',
    needs: 'admin',
    async run(ctx) {
      const ids = await identify(ctx);
      const one = await ctx.client.get(adminOf(ctx), `/admin/sessions/${encodeURIComponent(ids.c1)}`);
      const session = expectJsonObject(one, 200, "GET /admin/sessions/{C1's id} as the admin");
      const user = session.user as Record<string, unknown> | undefined;
      if (session.id !== ids.c1 || typeof user?.id !== 'string' || user.id === '') {
        fail(`expected C1's session with its user {"id",…}, got ${describe(one)}`, one);
      }
      if (session.isCurrent === true)
        fail("expected isCurrent false on C1's session: it is not the admin's own", one);
      ctx.state.testUserId = user.id;
      const random = ctx.randomId();
      const unknown = await ctx.client.get(adminOf(ctx), `/admin/sessions/${random}`);
      expectError(unknown, 404, 'NOT_FOUND', 'GET /admin/sessions/{a random id} as the admin');
      const revoke = await ctx.client.post(adminOf(ctx), `/admin/sessions/${random}/revoke`);
      expectError(revoke, 404, 'NOT_FOUND', 'POST /admin/sessions/{a random id}/revoke as the admin');
      return undefined;
    },
  },
  {
    name: 'admin-search',
    section: 'admin-endpoints-createrestadminsessionsprovider',
    needs: 'admin',
    async run(ctx) {
      const ids = await identify(ctx);
      const userId = ctx.state.testUserId ?? notRun("C1's user id is not known (see admin-get-and-revoke)");
      const one = await ctx.client.get(adminOf(ctx), `/admin/sessions/${encodeURIComponent(ids.c1)}`);
      const agent = (expectJsonObject(one, 200, "GET /admin/sessions/{C1's id}").userAgent ?? '') as string;
      const found = async (search: string, status = 'active') => {
        const path = `/admin/sessions?userId=${encodeURIComponent(userId)}&status=${status}&limit=50&search=${encodeURIComponent(search)}`;
        const exchange = await ctx.client.get(adminOf(ctx), path);
        const body = expectJsonObject(exchange, 200, `GET ${path} as the admin`);
        const listed = Array.isArray(body.sessions) ? (body.sessions as Array<{ id?: unknown }>) : [];
        return { exchange, hit: listed.some((s) => s.id === ids.c1) };
      };
      // A stretch of C1's user agent without wildcard characters of its own.
      const plain = agent.replace(/[%_\\]/g, ' ');
      const start = Math.max(0, Math.floor(plain.length / 2) - 4);
      const piece = plain.slice(start, start + 8);
      if (piece.trim().length < 6) {
        return {
          note: `skipped: C1's user agent (${JSON.stringify(agent)}) is too short to search for`,
          skipped: true,
        };
      }
      const upper = await found(piece.toUpperCase());
      if (!upper.hit)
        fail(
          `expected a search for "${piece.toUpperCase()}" (part of C1's user agent, upper-cased) to find C1`,
          upper.exchange,
        );
      const lower = await found(piece.toLowerCase());
      if (!lower.hit)
        fail(`expected a search for "${piece.toLowerCase()}" (lower-cased) to find C1`, lower.exchange);
      for (const wildcard of ['_', '%']) {
        const pattern = `${piece.slice(0, 3)}${wildcard}${piece.slice(4)}`;
        if (agent.includes(pattern)) continue;
        const literal = await found(pattern);
        if (literal.hit)
          fail(
            `expected "${wildcard}" to be a character, not a wildcard: a search for "${pattern}" found C1, whose user agent does not contain it`,
            literal.exchange,
          );
      }
      // Beyond ASCII: when the user agent has letters with a case outside ASCII, their other case finds it.
      const unicode = [...agent].filter(
        (char) => char.toUpperCase() !== char.toLowerCase() && char.charCodeAt(0) > 127,
      );
      if (unicode.length > 0) {
        const word = agent.slice(agent.indexOf(unicode[0] as string)).split(/[\s();/]/)[0] ?? '';
        const flipped = [...word]
          .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
          .join('');
        const folded = await found(flipped);
        if (!folded.hit)
          fail(
            `expected a search for "${flipped}" to find "${word}" in C1's user agent (case folded beyond ASCII)`,
            folded.exchange,
          );
      }
      const expired = await found(piece, 'expired');
      if (expired.hit) fail("expected status=expired not to list C1's live session", expired.exchange);
      return undefined;
    },
  },
];
