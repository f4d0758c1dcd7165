import { lose, NO_PASSWORD_ASKED, type Rule } from '../context.js';
import { describe, errorBodyProblem, errorCode, expectError, expectStatus, fail } from '../expect.js';
import { identify, listOf } from '../lists.js';

export const revokePath = (id: string) => `/sessions/${encodeURIComponent(id)}/revoke`;

/**
 * Ids a router, a SQL driver or a URL decoder may choke on. None has a dot-segment that a server's path
 * normalisation could turn into `/sessions/revoke-all`: these requests must be harmless even when broken.
 */
const HOSTILE_IDS = [
  `ses_'"<>{}|\\^\`;--%zz`,
  'ses_\u0000\u001f\u007f',
  'a/b?c=d#e',
  `ñ💥${'x'.repeat(1000)}`,
];
/** Not JSON, and JSON that is not an object: the contract's 400 UNKNOWN, both. */
const BAD_BODIES = ['{not json', '[]'];

export const guardRules: Rule[] = [
  {
    name: 'csrf-required',
    section: 'csrf',
    async run(ctx) {
      const ids = await identify(ctx);
      // Without a token to send, "refused without one" proves nothing: the server's check must be found.
      if (ctx.c1.csrfToken === undefined) {
        fail(
          'the kit found no CSRF cookie among the cookies given or set by GET /sessions (it looks for XSRF-TOKEN, csrftoken, CSRF-TOKEN, _csrf, csrf_token): a cookie-authenticated API must hand one out (docs: CSRF); if yours has another name, pass --csrf-cookie NAME --csrf-header NAME',
          ctx.state.lists.get(ctx.c1.label)?.exchange,
        );
      }
      // A real revoke, so "refused" is checked by its effect too; C3 is the session revoke-one ends later.
      for (const csrf of ['omit', 'wrong'] as const) {
        const what = csrf === 'omit' ? 'without the CSRF header' : 'with a wrong CSRF header';
        const exchange = await ctx.client.post(ctx.c1, revokePath(ids.c3), {
          body: { password: ctx.password },
          csrf,
        });
        if (exchange.status !== 403 || errorCode(exchange) !== 'FORBIDDEN') {
          if (exchange.status >= 200 && exchange.status < 300) {
            lose(ctx, [ids.c3], `csrf-required's POST ${what}`);
          }
          fail(
            `revoking C3 from C1 ${what}: expected 403 {"code":"FORBIDDEN",…}, got ${describe(exchange)}`,
            exchange,
          );
        }
      }
      const after = await listOf(ctx, ctx.c1, 'GET /sessions as C1 after the refused POSTs');
      if (!after.ids.includes(ids.c3)) {
        fail(
          "expected the POSTs refused for CSRF to change nothing, but C3's session is gone from C1's list",
          after.exchange,
        );
      }
      const c3 = await ctx.client.get(ctx.c3, '/sessions');
      expectStatus(c3, 200, "C3's own GET /sessions after the refused POSTs (its session must still work)");
      return undefined;
    },
  },
  {
    name: 'password-policy',
    section: 'passwords',
    async run(ctx) {
      // An unknown id, so a server that does not ask for the password revokes nothing.
      const exchange = await ctx.client.post(ctx.c1, revokePath(ctx.randomId()), { body: {} });
      const code = errorCode(exchange);
      const advertised = ctx.state.advertised?.password.revokeSession;
      const says = (asks: boolean) => {
        if (advertised !== undefined && (advertised === 'required') !== asks) {
          fail(
            `GET /sessions/policy says revokeSession's password is "${advertised}", but a revoke without one ` +
              `answered ${describe(exchange)}: the client would ${asks ? 'not ask for a password the server wants' : 'ask for a password the server ignores'}`,
            exchange,
          );
        }
      };
      if (exchange.status === 422 && code === 'INVALID_PASSWORD') {
        says(true);
        ctx.state.passwordRequired = true;
        return { note: 'the server asks for the password (a revoke without one: 422 INVALID_PASSWORD)' };
      }
      if (exchange.status === 404 && code === 'NOT_FOUND') {
        says(false);
        ctx.state.passwordRequired = false;
        return {
          note: 'the server does not ask for the password (a revoke without one: 404 NOT_FOUND); the password rules are skipped',
        };
      }
      fail(
        'revoking an unknown id without a password: expected 422 {"code":"INVALID_PASSWORD",…} (the password ' +
          `is required) or 404 {"code":"NOT_FOUND",…} (it is not), got ${describe(exchange)}`,
        exchange,
      );
    },
  },
  {
    name: 'wrong-password-422',
    section: 'passwords',
    async run(ctx) {
      if (ctx.state.passwordRequired === false) return NO_PASSWORD_ASKED;
      const ids = await identify(ctx);
      const exchange = await ctx.client.post(ctx.c1, revokePath(ids.c2), {
        body: { password: ctx.wrongPassword },
      });
      if (exchange.status >= 200 && exchange.status < 300) {
        lose(ctx, [ids.c2], "wrong-password-422's revoke with a wrong password");
      }
      expectError(exchange, 422, 'INVALID_PASSWORD', "revoking C2's session from C1 with a wrong password");
      const after = await listOf(ctx, ctx.c1, 'GET /sessions as C1 after the wrong password');
      if (!after.ids.includes(ids.c2)) {
        fail(
          "expected the revoke refused for a wrong password to change nothing, but C2's session is gone",
          after.exchange,
        );
      }
      return undefined;
    },
  },
  {
    name: 'unknown-id-404',
    section: 'revoking',
    async run(ctx) {
      const exchange = await ctx.client.post(ctx.c1, revokePath(ctx.randomId()), {
        body: { password: ctx.password },
      });
      expectError(exchange, 404, 'NOT_FOUND', 'revoking a random id with the right password');
      ctx.state.unknownAnswer = exchange;
      return undefined;
    },
  },
  {
    name: 'malformed-id-404-or-400',
    section: 'revoking',
    async run(ctx) {
      for (const id of HOSTILE_IDS) {
        const exchange = await ctx.client.post(ctx.c1, revokePath(id), { body: { password: ctx.password } });
        const problem = [400, 404].includes(exchange.status) ? errorBodyProblem(exchange) : 'wrong status';
        if (problem) {
          fail(
            `revoking the id ${JSON.stringify(id.slice(0, 40))}: expected 404 (or 400) with {"code","message"}, ` +
              `never 5xx, got ${describe(exchange)}${problem === 'wrong status' ? '' : ` (${problem})`}`,
            exchange,
          );
        }
      }
      return undefined;
    },
  },
  {
    name: 'bad-body-400',
    section: 'errors',
    async run(ctx) {
      for (const rawBody of BAD_BODIES) {
        const exchange = await ctx.client.post(ctx.c1, revokePath(ctx.randomId()), { rawBody });
        expectError(exchange, 400, 'UNKNOWN', `POST /sessions/{id}/revoke with the body ${rawBody}`);
      }
      return undefined;
    },
  },
];
