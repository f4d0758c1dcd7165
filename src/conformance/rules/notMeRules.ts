import { activityOf, activityPart, entryOf } from '../activity.js';
import { lose, type Rule } from '../context.js';
import { asRecord, expectError, expectStatus, fail, notRun } from '../expect.js';
import { identify, listOf } from '../lists.js';
import { ownId } from './accountRules.js';
import { adminsSession, expectAdminKept, expectLikeUnknown } from './revokeRules.js';

export const notMePath = (id: string) => `/sessions/${encodeURIComponent(id)}/not-me`;

/** "This wasn't me": C1 reports C6's sign-in, which ends it; another user's session is out of reach. */
export const notMeRules: Rule[] = activityPart([
  {
    name: 'not-me',
    section: 'not-me',
    needs: 'sixth',
    async run(ctx) {
      const c6 = ctx.c6 ?? notRun('no sixth sign-in');
      const ids = await identify(ctx);
      const target = await ownId(ctx, c6);
      // A report ends a session as a revoke does: it asks for the password where a revoke does.
      if (ctx.state.passwordRequired !== false) {
        const bare = await ctx.client.post(ctx.c1, notMePath(target), { body: {} });
        if (bare.status >= 200 && bare.status < 300)
          lose(ctx, [target], "not-me's report without a password");
        expectError(
          bare,
          422,
          'INVALID_PASSWORD',
          "reporting C6's sign-in as not me from C1 without a password",
        );
        expectStatus(
          await ctx.client.get(c6, '/sessions'),
          200,
          "C6's own GET /sessions after the refused report (its session must still work)",
        );
      }
      const report = await ctx.client.post(ctx.c1, notMePath(target), { body: { password: ctx.password } });
      expectStatus(report, 204, "reporting C6's sign-in as not me from C1 with the password");
      expectError(
        await ctx.client.get(c6, '/sessions'),
        401,
        'UNAUTHORIZED',
        "C6's very next request (GET /sessions) after it was reported",
      );
      // A second report (a second click, the mail's link after the button) is no error, and no second entry.
      const again = await ctx.client.post(ctx.c1, notMePath(target), { body: { password: ctx.password } });
      expectStatus(again, 204, "reporting C6's sign-in as not me a second time");
      const page = await activityOf(ctx, ctx.c1);
      const reports = page.entries.filter((entry) => entry.kind === 'not-me' && entry.sessionId === target);
      if (reports.length !== 1)
        fail(
          `expected exactly one entry {"kind":"not-me","sessionId":"${target}"} after two reports, got ${reports.length}`,
          page.exchange,
        );
      const state = asRecord(entryOf(page, 'signed-in', target)?.session);
      if (state?.active !== false || state.endedBy !== 'not-me')
        fail(
          `expected C6's sign-in to say its session ended by the report, "session": {"active": false, "endedBy": "not-me", …}, got ${JSON.stringify(state)}`,
          page.exchange,
        );
      const after = await listOf(ctx, ctx.c1, 'GET /sessions as C1 after the report');
      const lost = [ids.c1, ids.c2, ids.c3].filter((id) => !after.ids.includes(id));
      if (lost.length > 0) {
        lose(ctx, lost, "not-me's report of C6");
        fail(
          `expected the report to end C6's session only, but ${lost.join(', ')} ended too`,
          after.exchange,
        );
      }
      return undefined;
    },
  },
  {
    name: 'not-me-foreign-404',
    section: 'not-me',
    needs: 'admin',
    async run(ctx) {
      const { id: adminId } = await adminsSession(ctx);
      const body = { password: ctx.password };
      const unknown = await ctx.client.post(ctx.c1, notMePath(ctx.randomId()), { body });
      expectError(unknown, 404, 'NOT_FOUND', 'reporting a random id as not me from C1');
      const exchange = await ctx.client.post(ctx.c1, notMePath(adminId), { body });
      if (exchange.status >= 200 && exchange.status < 300) {
        ctx.state.damage.push("not-me-foreign-404's report from C1 ended the admin's session");
        ctx.state.lost.set('admin', 'not-me-foreign-404');
      }
      const what = "reporting the admin's session (another user's) as not me from C1";
      await expectLikeUnknown(ctx, exchange, what, unknown);
      await expectAdminKept(ctx, adminId, "C1's report of it");
      return undefined;
    },
  },
]);
