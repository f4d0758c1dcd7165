import { type Context, type Rule, randomHex } from '../context.js';
import { expectError, expectStatus, fail } from '../expect.js';
import { MIN_SECRET_LENGTH } from '../format.js';
import { identify, listOf, sessionProblems, threeLists } from '../lists.js';
import { POLICY_SHAPE, readAdvertisedPolicy } from '../policy.js';

// RFC 6265 cookie-octets: an id made only of these can be sent as a cookie value verbatim.
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/;
const asCookieValue = (value: string) => (COOKIE_OCTETS.test(value) ? value : encodeURIComponent(value));

/** A Cookie header with the session cookies replaced by `value` and the CSRF cookie, if any, kept. */
function forgedCookie(ctx: Context, value: (name: string) => string) {
  const kept = ctx.c1.cookie
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !ctx.c1.sessionCookies.some(([name]) => part.startsWith(`${name}=`)));
  return [...ctx.c1.sessionCookies.map(([name]) => `${name}=${value(name)}`), ...kept].join('; ');
}

export const listRules: Rule[] = [
  {
    name: 'list-shape',
    section: 'a-session',
    async run(ctx) {
      const list = await listOf(ctx, ctx.c1, 'GET /sessions as C1');
      const type = list.exchange.headers.get('Content-Type') ?? '';
      if (!/\bjson\b/i.test(type)) {
        fail(`expected Content-Type: application/json, got ${type || 'none'}`, list.exchange);
      }
      const current = (list.exchange.json as Record<string, unknown>).currentSessionId;
      if (current !== undefined && current !== null && typeof current !== 'string') {
        fail(
          `expected currentSessionId to be a string (or absent), got ${JSON.stringify(current)}`,
          list.exchange,
        );
      }
      const duplicate = list.ids.find((id, i) => list.ids.indexOf(id) !== i);
      if (duplicate !== undefined)
        fail(`expected each session once, but the id "${duplicate}" is listed twice`, list.exchange);
      list.sessions.forEach((session, i) => {
        const problems = sessionProblems(session);
        if (problems.length > 0)
          fail(
            `expected readable fields in sessions[${i}] (${String(session.id)}): ${problems.join('; ')}`,
            list.exchange,
          );
      });
      return { note: `${list.ids.length} sessions` };
    },
  },
  {
    name: 'policy-advertised',
    section: 'passwords',
    async run(ctx) {
      const exchange = await ctx.client.get(ctx.c1, '/sessions/policy');
      if (exchange.status === 404) {
        return {
          note: 'skipped: GET /sessions/policy is 404 (the client is then told by its passwordRequirements option)',
          skipped: true,
        };
      }
      expectStatus(exchange, 200, 'GET /sessions/policy as C1');
      const policy = readAdvertisedPolicy(exchange.json);
      if (typeof policy === 'string') fail(`expected a policy ${POLICY_SHAPE}, but ${policy}`, exchange);
      ctx.state.advertised = policy;
      // The list carries the same policy, when it carries one.
      const list = ctx.state.lists.get('C1') ?? (await listOf(ctx, ctx.c1, 'GET /sessions as C1'));
      const inList = (list.exchange.json as Record<string, unknown>).policy;
      if (inList !== undefined && JSON.stringify(readAdvertisedPolicy(inList)) !== JSON.stringify(policy)) {
        fail(
          `expected GET /sessions to carry the same policy as GET /sessions/policy, got ${JSON.stringify(inList)}`,
          list.exchange,
        );
      }
      return { note: `password: ${Object.values(policy.password).join(', ')}` };
    },
  },
  {
    name: 'current-marked',
    section: 'a-session',
    async run(ctx) {
      const ids = await identify(ctx);
      // When both marks are used they must agree: the UI would otherwise offer to sign out "this device".
      for (const list of await threeLists(ctx)) {
        const marked = list.sessions.filter((s) => s.isCurrent === true).map((s) => s.id);
        if (marked.some((id) => id !== list.current)) {
          fail(
            `expected isCurrent: true on the caller's own session (${list.current}) only, got it on ${marked.join(', ')}`,
            list.exchange,
          );
        }
      }
      return { note: `C1=${ids.c1}, C2=${ids.c2}, C3=${ids.c3}` };
    },
  },
  {
    name: 'own-sessions-only',
    section: 'a-session',
    needs: 'admin',
    async run(ctx) {
      const admin = ctx.admin ?? fail('no admin cookie');
      const own = await listOf(ctx, admin, 'GET /sessions as the admin');
      const adminId =
        own.current ?? fail("the admin's GET /sessions marks no session as its own", own.exchange);
      // Listed afresh, after the admin's session is known to exist: a list from before proves nothing.
      const c1 = await listOf(ctx, ctx.c1, 'GET /sessions as C1');
      if (c1.ids.includes(adminId)) {
        fail(
          "expected GET /sessions to list the caller's own user's sessions only, but C1's list shows the admin's session (another user's)",
          c1.exchange,
        );
      }
      return undefined;
    },
  },
  {
    name: 'no-token-in-list',
    section: 'a-session',
    async run(ctx) {
      for (const list of await threeLists(ctx)) {
        const leaked = ctx.secrets.find((secret) => list.exchange.text.includes(secret.value));
        if (leaked) {
          fail(
            `expected no session token in the list, but it has ${leaked.label}`,
            list.exchange,
            leaked.value,
          );
        }
      }
      return undefined;
    },
  },
  {
    name: 'opaque-id',
    section: 'a-session',
    async run(ctx) {
      const [list] = await threeLists(ctx);
      for (const id of list?.ids ?? []) {
        const secret = ctx.secrets.find(
          ({ value }) => id.includes(value) || (id.length >= MIN_SECRET_LENGTH && value.includes(id)),
        );
        if (secret)
          fail(`expected an opaque id, but the id "${id}" is (part of) ${secret.label}`, list?.exchange);
      }
      // The id is what the client holds; it must not sign anyone in, whatever its encoding.
      const own =
        list?.current ?? list?.ids[0] ?? fail("C1's list has no session to take an id from", list?.exchange);
      const exchange = await ctx.client.get(null, '/sessions', {
        forgedCookie: {
          cookie: forgedCookie(ctx, () => asCookieValue(own)),
          who: "with C1's session id as its session cookie",
        },
      });
      expectError(
        exchange,
        401,
        'UNAUTHORIZED',
        "GET /sessions with C1's session id in place of its session cookie",
      );
      return undefined;
    },
  },
  {
    name: 'no-store',
    section: 'endpoints',
    async run(ctx) {
      // A list of where one is signed in must not linger in a shared or back-button cache.
      for (const list of await threeLists(ctx)) {
        const header = list.exchange.headers.get('Cache-Control');
        if (!/(^|,)\s*no-store\s*(,|$)/i.test(header ?? '')) {
          fail(
            `expected Cache-Control: no-store on GET /sessions, got ${header ?? 'no Cache-Control'}`,
            list.exchange,
          );
        }
      }
      return undefined;
    },
  },
  {
    name: 'unauthenticated-401',
    section: 'errors',
    async run(ctx) {
      const none = await ctx.client.get(null, '/sessions');
      expectError(none, 401, 'UNAUTHORIZED', 'GET /sessions with no cookie');
      const forged = await ctx.client.get(null, '/sessions', {
        forgedCookie: {
          cookie: forgedCookie(ctx, () => randomHex(32)),
          who: 'with a made-up session cookie',
        },
      });
      expectError(forged, 401, 'UNAUTHORIZED', 'GET /sessions with a made-up session cookie');
      return undefined;
    },
  },
];
