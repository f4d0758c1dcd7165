import { type Context, lose, NO_PASSWORD_ASKED, type Rule } from '../context.js';
import {
  answerShape,
  describe,
  errorCode,
  expectError,
  expectJsonObject,
  expectStatus,
  fail,
  isNonNegativeInteger,
  notRun,
} from '../expect.js';
import type { Exchange } from '../http.js';
import { identify, listOf, readList } from '../lists.js';
import { clears } from './accountRules.js';
import { revokePath } from './guardRules.js';
import { streamCapRule } from './limitRules.js';

// How long a stream may take to deliver an event: generous, since waiting ends as soon as it arrives.
const EVENT_WAIT_MS = 10_000;

/** The answer to a random id, asked now if unknown-id-404 did not leave one. */
async function unknownAnswer(ctx: Context): Promise<Exchange> {
  ctx.state.unknownAnswer ??= await ctx.client.post(ctx.c1, revokePath(ctx.randomId()), {
    body: { password: ctx.password },
  });
  return ctx.state.unknownAnswer;
}

/**
 * "Ended" and "foreign" must not be told apart from "unknown": same status, code and body keys as
 * `unknown`, the same request's answer for a random id (by default a revoke's).
 */
export async function expectLikeUnknown(ctx: Context, exchange: Exchange, what: string, unknown?: Exchange) {
  expectError(exchange, 404, 'NOT_FOUND', what);
  unknown ??= await unknownAnswer(ctx);
  if (answerShape(exchange) !== answerShape(unknown)) {
    fail(
      `${what}: expected exactly a random id's answer (${answerShape(unknown)}), got ${answerShape(exchange)}`,
      exchange,
    );
  }
}

/** The admin and its own session's id: another user's session, which the test user must not reach. */
export async function adminsSession(ctx: Context) {
  const admin = ctx.admin ?? notRun('no admin cookie');
  const own = await listOf(ctx, admin, 'GET /sessions as the admin');
  const id = own.current ?? fail("the admin's GET /sessions marks no session as its own", own.exchange);
  return { admin, id };
}

/** The admin's session is still there after `what`, a request of the test user's that had to leave it. */
export async function expectAdminKept(ctx: Context, id: string, what: string) {
  const admin = ctx.admin ?? notRun('no admin cookie');
  const after = readList(await ctx.client.get(admin, '/sessions'), "the admin's GET /sessions afterwards");
  if (!after.ids.includes(id))
    fail(`expected the admin's session to survive ${what}, but it is gone`, after.exchange);
}

/** A 200 `{ revokedCount: n ≥ 1 }`. */
function expectRevokedCount(exchange: Exchange, what: string): number {
  const body = expectJsonObject(exchange, 200, what);
  if (!isNonNegativeInteger(body.revokedCount) || body.revokedCount < 1) {
    fail(`${what}: expected 200 {"revokedCount": n ≥ 1}, got ${describe(exchange)}`, exchange);
  }
  return body.revokedCount;
}

export const revokeRules: Rule[] = [
  {
    name: 'revoke-one',
    section: 'revoking',
    async run(ctx) {
      const ids = await identify(ctx);
      const exchange = await ctx.client.post(ctx.c1, revokePath(ids.c3), {
        body: { password: ctx.password },
      });
      expectStatus(exchange, 204, "revoking C3's session from C1 with the password");
      const c3 = await ctx.client.get(ctx.c3, '/sessions');
      expectError(c3, 401, 'UNAUTHORIZED', "C3's very next request (GET /sessions) after it was revoked");
      const after = await listOf(ctx, ctx.c1, 'GET /sessions as C1 after revoking C3');
      if (after.ids.includes(ids.c3))
        fail(
          "expected C3's session gone from C1's list after its revoke, but it is still listed",
          after.exchange,
        );
      const lost = [ids.c1, ids.c2].filter((id) => !after.ids.includes(id));
      if (lost.length > 0)
        fail(`expected only C3's session to end, but ${lost.join(', ')} ended too`, after.exchange);
      return undefined;
    },
  },
  {
    name: 'revoked-again-404',
    section: 'revoking',
    async run(ctx) {
      const ids = await identify(ctx);
      const exchange = await ctx.client.post(ctx.c1, revokePath(ids.c3), {
        body: { password: ctx.password },
      });
      await expectLikeUnknown(ctx, exchange, "revoking C3's already ended session again");
      return undefined;
    },
  },
  {
    name: 'foreign-id-404',
    section: 'revoking',
    needs: 'admin',
    async run(ctx) {
      const { id: adminId } = await adminsSession(ctx);
      if (ctx.state.lists.get(ctx.c1.label)?.ids.includes(adminId)) {
        notRun("C1's list shows the admin's session (see own-sessions-only)");
      }
      const exchange = await ctx.client.post(ctx.c1, revokePath(adminId), {
        body: { password: ctx.password },
      });
      if (exchange.status >= 200 && exchange.status < 300) {
        ctx.state.damage.push("foreign-id-404's revoke from C1 ended the admin's session");
        ctx.state.lost.set('admin', 'foreign-id-404');
      }
      await expectLikeUnknown(ctx, exchange, "revoking the admin's session id from C1 (another user's)");
      await expectAdminKept(ctx, adminId, "C1's attempt to revoke it");
      return undefined;
    },
  },
  {
    name: 'password-before-revoke-others',
    section: 'passwords',
    async run(ctx) {
      if (ctx.state.passwordRequired === false) return NO_PASSWORD_ASKED;
      await identify(ctx);
      // Asked now, not remembered: a broken revoke-one may have ended more than the list it left shows.
      const before = await listOf(ctx, ctx.c1, 'GET /sessions as C1 before revoke-others');
      const exchange = await ctx.client.post(ctx.c1, '/sessions/revoke-others', {
        body: { password: ctx.wrongPassword },
      });
      if (exchange.status !== 422 || errorCode(exchange) !== 'INVALID_PASSWORD') {
        if (exchange.status >= 200 && exchange.status < 300) {
          lose(
            ctx,
            before.ids.filter((id) => id !== before.current),
            "password-before-revoke-others's wrong password",
          );
        }
        expectError(exchange, 422, 'INVALID_PASSWORD', 'revoke-others from C1 with a wrong password');
      }
      const after = await listOf(
        ctx,
        ctx.c1,
        'GET /sessions as C1 after revoke-others with a wrong password',
      );
      const ended = before.ids.filter((id) => !after.ids.includes(id));
      if (ended.length > 0) {
        fail(
          `expected a refused revoke-others to end nothing, but it ended ${ended.join(', ')}`,
          after.exchange,
        );
      }
      return undefined;
    },
  },
  {
    name: 'live-events-open',
    section: 'live-events',
    async run(ctx) {
      const c1 = await ctx.client.openStream(ctx.c1, '/sessions/events');
      if (c1.exchange.status === 404) {
        ctx.state.streams = 'absent';
        return { note: 'skipped: GET /sessions/events is 404 (live events are optional)', skipped: true };
      }
      const type = c1.exchange.headers.get('content-type') ?? '';
      if (c1.exchange.status !== 200 || !type.startsWith('text/event-stream')) {
        c1.close();
        ctx.state.streams = 'absent';
        fail(
          `expected 200 text/event-stream (or 404 when not offered), got ${describe(c1.exchange)}`,
          c1.exchange,
        );
      }
      if (!/no-store/i.test(c1.exchange.headers.get('cache-control') ?? '')) {
        fail('expected Cache-Control: no-store on the event stream', c1.exchange);
      }
      ctx.state.streams = { c1, c2: await ctx.client.openStream(ctx.c2, '/sessions/events') };
      return { note: 'C1 and C2 listening' };
    },
  },
  {
    name: 'revoke-others',
    section: 'revoking',
    async run(ctx) {
      const ids = await identify(ctx);
      // Exactly the sessions besides C1's that its list shows now must end, and be counted.
      const before = await listOf(ctx, ctx.c1, 'GET /sessions as C1 before revoke-others');
      const others = before.ids.filter((id) => id !== ids.c1);
      const exchange = await ctx.client.post(ctx.c1, '/sessions/revoke-others', {
        body: { password: ctx.password },
      });
      const count = expectRevokedCount(
        exchange,
        'revoke-others from C1 with the password (C2 is still signed in)',
      );
      if (count !== others.length) {
        fail(
          `expected revokedCount ${others.length} (the other sessions in C1's list: ${others.join(', ')}), got ${count}`,
          exchange,
        );
      }
      const c2 = await ctx.client.get(ctx.c2, '/sessions');
      expectError(c2, 401, 'UNAUTHORIZED', "C2's very next request (GET /sessions) after revoke-others");
      const after = await listOf(
        ctx,
        ctx.c1,
        "C1's GET /sessions after revoke-others (its own session is kept)",
      );
      if (after.ids.length !== 1 || after.ids[0] !== ids.c1) {
        fail(
          `expected only C1's own session ${ids.c1} left, got ${after.ids.join(', ') || 'none'}`,
          after.exchange,
        );
      }
      return { note: `revokedCount ${count}` };
    },
  },
  {
    name: 'live-events',
    section: 'live-events',
    async run(ctx) {
      const streams = ctx.state.streams;
      if (!streams || streams === 'absent') {
        return { note: 'skipped: the server offers no event stream', skipped: true };
      }
      const ids = await identify(ctx);
      try {
        // C2 was ended by revoke-others: its own stream says so, with the cause and who did it.
        let event = await streams.c2.next(EVENT_WAIT_MS);
        while (event && event.type !== 'signed-out') event = await streams.c2.next(EVENT_WAIT_MS);
        if (!event) {
          fail(
            `expected C2's stream to receive \`signed-out\` within ${EVENT_WAIT_MS / 1000} s of revoke-others, got nothing`,
            streams.c2.exchange,
          );
        }
        if (event.data.cause !== 'revoked-others' || event.data.bySessionId !== ids.c1) {
          fail(
            `expected signed-out {"cause":"revoked-others","bySessionId":"${ids.c1}"}, got ${JSON.stringify(event.data)}`,
            streams.c2.exchange,
          );
        }
        // C1, still signed in, is told that C2 ended.
        let ended = await streams.c1.next(EVENT_WAIT_MS);
        while (ended && !(ended.type === 'session.ended' && ended.data.sessionId === ids.c2)) {
          ended = await streams.c1.next(EVENT_WAIT_MS);
        }
        if (!ended) fail(`expected C1's stream to receive session.ended for ${ids.c2}`, streams.c1.exchange);
        return { note: 'signed-out reached C2, session.ended reached C1' };
      } finally {
        streams.c1.close();
        streams.c2.close();
      }
    },
  },
  streamCapRule,
  {
    name: 'revoke-all',
    section: 'revoking',
    async run(ctx) {
      const before = await listOf(ctx, ctx.c1, 'GET /sessions as C1 before revoke-all');
      const exchange = await ctx.client.post(ctx.c1, '/sessions/revoke-all', {
        body: { password: ctx.password },
      });
      // The cookie C1 had, replayed: a server that only clears the cookie has ended nothing.
      const after = await ctx.client.get(ctx.c1, '/sessions');
      const count = expectRevokedCount(exchange, 'revoke-all from C1 with the password');
      if (count !== before.ids.length) {
        fail(
          `expected revokedCount ${before.ids.length} (every session in C1's list, C1's own included), got ${count}`,
          exchange,
        );
      }
      expectError(after, 401, 'UNAUTHORIZED', "C1's next request after revoke-all, with the cookie it had");
      const names = ctx.c1.sessionCookies.map(([name]) => name);
      if (!exchange.headers.getSetCookie().some((line) => clears(line, names))) {
        fail(
          `expected revoke-all to clear the session cookie (a Set-Cookie expiring ${names.join(' or ')}), got ${exchange.headers.getSetCookie().length} other Set-Cookie`,
          exchange,
        );
      }
      return { note: `revokedCount ${count}` };
    },
  },
];
