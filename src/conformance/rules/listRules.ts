import { type Context, type Rule, randomHex } from '../context.js';
import { expectError, fail } from '../expect.js';
import { MIN_SECRET_LENGTH } from '../format.js';
import { identify, listOf, sessionProblems, threeLists } from '../lists.js';

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
    name: 'current-marked',
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
    name: 'no-token-in-list',
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
