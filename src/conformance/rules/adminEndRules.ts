import type { Rule } from '../context.js';
import { describe, expectError, expectJsonObject, expectStatus, fail, notRun } from '../expect.js';
import type { Identity } from '../http.js';
import { identify, listOf } from '../lists.js';
import { clears, ownId } from './accountRules.js';

const adminOf = (ctx: { admin: Identity | undefined }) => ctx.admin ?? notRun('no admin cookie');

/** After revoke-one ended C3: the counts moved by exactly what happened. */
export const statsCountRule: Rule = {
  name: 'admin-stats-count',
  section: 'admin-endpoints-createrestadminsessionsprovider',
  needs: 'admin',
  async run(ctx) {
    const before = ctx.state.statsBefore ?? notRun('admin-stats did not read the counts');
    const exchange = await ctx.client.get(adminOf(ctx), '/admin/stats');
    const after = expectJsonObject(exchange, 200, 'GET /admin/stats after revoke-one');
    const expected = {
      totalActive: (before.totalActive ?? 0) - 1,
      uniqueUsers: before.uniqueUsers,
      expired: before.expired,
    };
    for (const [key, value] of Object.entries(expected)) {
      if (after[key] !== value) {
        fail(
          `revoke-one ended one session of a user who keeps others: expected ${key} ${value} (was ${before[key]}), got ${JSON.stringify(after[key])} (nothing else may use this server during the run)`,
          exchange,
        );
      }
    }
    return { note: `totalActive ${before.totalActive} → ${after.totalActive}` };
  },
};

/** The admin ends a real session (C5's): it is gone at once, and then unknown to the admin too. */
export const adminRevokeSessionRule: Rule = {
  name: 'admin-revoke-session',
  section: 'admin-endpoints-createrestadminsessionsprovider',
  needs: 'fifth',
  async run(ctx) {
    const c5 = ctx.c5 ?? notRun('no fifth sign-in');
    const ids = await identify(ctx);
    const target = await ownId(ctx, c5);
    const exchange = await ctx.client.post(
      adminOf(ctx),
      `/admin/sessions/${encodeURIComponent(target)}/revoke`,
    );
    expectStatus(exchange, 204, "POST /admin/sessions/{C5's id}/revoke as the admin");
    expectError(
      await ctx.client.get(c5, '/sessions'),
      401,
      'UNAUTHORIZED',
      "C5's next request after the admin ended it",
    );
    const again = await ctx.client.post(adminOf(ctx), `/admin/sessions/${encodeURIComponent(target)}/revoke`);
    expectError(again, 404, 'NOT_FOUND', "the admin's second revoke of C5's session");
    const get = await ctx.client.get(adminOf(ctx), `/admin/sessions/${encodeURIComponent(target)}`);
    expectError(get, 404, 'NOT_FOUND', "GET /admin/sessions/{C5's id} after it ended");
    const list = await listOf(ctx, ctx.c1, 'GET /sessions as C1 after the admin ended C5');
    const lost = [ids.c1, ids.c2].filter((id) => !list.ids.includes(id));
    if (lost.length > 0)
      fail(
        `expected the admin's revoke to end C5's session only, but ${lost.join(', ')} ended too`,
        list.exchange,
      );
    return undefined;
  },
};

/**
 * Last: the admin ends every session of its own user (the test user has none left), with the exact count,
 * and is signed out; an id that is no user's is 0, a malformed one 400.
 */
export const adminRevokeUserRule: Rule = {
  name: 'admin-revoke-user',
  section: 'admin-endpoints-createrestadminsessionsprovider',
  needs: 'admin',
  async run(ctx) {
    const admin = adminOf(ctx);
    const nobody = await ctx.client.post(
      admin,
      `/admin/users/${encodeURIComponent(`usr_nobody_${ctx.randomId().slice(-8)}`)}/revoke-sessions`,
    );
    const none = expectJsonObject(nobody, 200, 'POST /admin/users/{an id no user has}/revoke-sessions');
    if (none.revokedCount !== 0)
      fail(`expected {"revokedCount":0} for an id no user has, got ${describe(nobody)}`, nobody);
    const malformed = await ctx.client.post(admin, '/admin/users/%01%02/revoke-sessions');
    expectError(
      malformed,
      400,
      'UNKNOWN',
      'POST /admin/users/{a user id with control characters}/revoke-sessions',
    );
    const own = await ownId(ctx, admin);
    const mine = await ctx.client.get(admin, `/admin/sessions/${encodeURIComponent(own)}`);
    const userId = (
      expectJsonObject(mine, 200, "GET /admin/sessions/{the admin's own id}").user as
        | { id?: unknown }
        | undefined
    )?.id;
    if (typeof userId !== 'string') fail("expected the admin's own session to name its user", mine);
    const listed = await ctx.client.get(
      admin,
      `/admin/sessions?userId=${encodeURIComponent(userId)}&limit=1000`,
    );
    const total = expectJsonObject(listed, 200, "GET /admin/sessions?userId={the admin's user}").total;
    const exchange = await ctx.client.post(
      admin,
      `/admin/users/${encodeURIComponent(userId)}/revoke-sessions`,
    );
    const body = expectJsonObject(exchange, 200, "POST /admin/users/{the admin's own user}/revoke-sessions");
    if (body.revokedCount !== total)
      fail(
        `expected revokedCount ${String(total)} (that user's live sessions, as the admin list counted them), got ${describe(exchange)}`,
        exchange,
      );
    const names = admin.sessionCookies.map(([name]) => name);
    if (!exchange.headers.getSetCookie().some((line) => clears(line, names)))
      fail("expected the admin's own session cookie cleared: the admin ended its own session", exchange);
    expectError(await ctx.client.get(admin, '/sessions'), 401, 'UNAUTHORIZED', "the admin's next request");
    return { note: `revokedCount ${String(body.revokedCount)}` };
  },
};
