import { type Context, lose, type Rule } from '../context.js';
import { describe, errorCode, expectError, expectJsonObject, expectStatus, fail } from '../expect.js';
import type { Identity } from '../http.js';
import { identify, listOf, readList } from '../lists.js';

/** An application id no server has: a filter on it must match nothing. */
const nobodysApplication = (ctx: Context) => `app-that-does-not-exist-${ctx.randomId().slice(-8)}`;

/** Whether a Set-Cookie line tells the browser to forget one of `names`. */
export function clears(line: string, names: readonly string[]): boolean {
  const [pair = '', ...attributes] = line.split(';');
  const at = pair.indexOf('=');
  const name = pair.slice(0, at).trim();
  if (at <= 0 || !names.includes(name)) return false;
  const past = (a: string) => /^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now();
  return (
    pair.slice(at + 1).trim() === '' ||
    attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a) || past(a))
  );
}

/** A sign-in's own session id, from its own list's "current" mark. */
export async function ownId(ctx: Context, who: Identity): Promise<string> {
  const list = await listOf(ctx, who, `GET /sessions as ${who.label}`);
  return list.current ?? fail(`${who.label}'s list marks no session as its own`, list.exchange);
}

/** Rules that change nothing that later rules need: re-authentication, sign-out, the application filter. */
export const accountRules: Rule[] = [
  {
    name: 'reauthenticate',
    section: 'freshness-optional',
    async run(ctx) {
      const wrong = await ctx.client.post(ctx.c1, '/sessions/reauthenticate', {
        body: { password: ctx.wrongPassword },
      });
      if (wrong.status === 404 && errorCode(wrong) === 'NOT_FOUND') {
        return {
          note: 'skipped: POST /sessions/reauthenticate is 404 (no re-authentication offered)',
          skipped: true,
        };
      }
      expectError(
        wrong,
        422,
        'INVALID_PASSWORD',
        'POST /sessions/reauthenticate as C1 with a wrong password',
      );
      const right = await ctx.client.post(ctx.c1, '/sessions/reauthenticate', {
        body: { password: ctx.password },
      });
      expectStatus(right, 204, 'POST /sessions/reauthenticate as C1 with the password');
      return undefined;
    },
  },
  {
    name: 'application-id',
    section: 'revoking',
    async run(ctx) {
      const ids = await identify(ctx);
      const app = nobodysApplication(ctx);
      const list = readList(
        await ctx.client.get(ctx.c1, `/sessions?applicationId=${encodeURIComponent(app)}`),
        `GET /sessions?applicationId=${app} as C1`,
      );
      const others = list.sessions.filter((s) => s.applicationId !== app);
      if (others.length > 0) {
        fail(
          `expected GET /sessions?applicationId= to list only that application's sessions (none have "${app}"), got ${others.length} of other applications`,
          list.exchange,
        );
      }
      for (const path of ['/sessions/revoke-others', '/sessions/revoke-all']) {
        const exchange = await ctx.client.post(ctx.c1, path, {
          body: { password: ctx.password, applicationId: app },
        });
        const body = expectJsonObject(exchange, 200, `POST ${path} as C1 for application "${app}"`);
        if (body.revokedCount !== 0) {
          fail(
            `expected POST ${path} narrowed to an application no session is in to end none (revokedCount 0), got ${describe(exchange)}`,
            exchange,
          );
        }
      }
      const after = await listOf(ctx, ctx.c1, 'GET /sessions as C1 after the narrowed revokes');
      const lost = [ids.c1, ids.c2, ids.c3].filter((id) => !after.ids.includes(id));
      if (lost.length > 0) {
        lose(ctx, lost, "application-id's narrowed revokes");
        fail(
          `expected revokes narrowed to another application to end nothing, but ${lost.join(', ')} ended`,
          after.exchange,
        );
      }
      return undefined;
    },
  },
  {
    name: 'sign-out',
    section: 'revoking',
    needs: 'fourth',
    async run(ctx) {
      const c4 = ctx.c4 ?? fail('no fourth sign-in');
      const ids = await identify(ctx);
      const own = await ownId(ctx, c4);
      const exchange = await ctx.client.post(c4, '/sessions/sign-out');
      expectStatus(exchange, 204, 'POST /sessions/sign-out as C4');
      const names = c4.sessionCookies.map(([name]) => name);
      if (!exchange.headers.getSetCookie().some((line) => clears(line, names))) {
        fail(
          `expected sign-out to clear the session cookie (a Set-Cookie expiring ${names.join(' or ')})`,
          exchange,
        );
      }
      const next = await ctx.client.get(c4, '/sessions');
      expectError(next, 401, 'UNAUTHORIZED', "C4's next request after signing out, with the cookie it had");
      const others = await listOf(ctx, ctx.c1, 'GET /sessions as C1 after C4 signed out');
      if (others.ids.includes(own))
        fail("expected C4's session gone from C1's list after it signed out", others.exchange);
      const lost = [ids.c1, ids.c2, ids.c3].filter((id) => !others.ids.includes(id));
      if (lost.length > 0) {
        lose(ctx, lost, "C4's sign-out");
        fail(
          `expected sign-out to end the caller's session only, but ${lost.join(', ')} ended too`,
          others.exchange,
        );
      }
      return undefined;
    },
  },
];
