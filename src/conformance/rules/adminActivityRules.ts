import {
  type ActivityPage,
  ADMIN_ACTIVITY_PATH,
  activityPart,
  entryOf,
  entryProblems,
  readActivity,
} from '../activity.js';
import type { Context, Rule } from '../context.js';
import { asRecord, expectError, fail, notRun } from '../expect.js';
import { epochOf, identify } from '../lists.js';
import { LIMITS } from '../words.js';

/** One page of every user's log, as the admin reads it, with each entry's `user` checked. */
async function adminActivity(ctx: Context, query: string): Promise<ActivityPage> {
  const admin = ctx.admin ?? notRun('no admin cookie');
  const path = query === '' ? ADMIN_ACTIVITY_PATH : `${ADMIN_ACTIVITY_PATH}?${query}`;
  const page = readActivity(await ctx.client.get(admin, path), `GET ${path} as the admin`);
  page.entries.forEach((entry, i) => {
    const problems = entryProblems(entry);
    const user = entry.user;
    if (user !== null && typeof asRecord(user)?.id !== 'string')
      problems.push(`user must be {"id","email","name"} or null, got ${JSON.stringify(user)}`);
    if (problems.length > 0)
      fail(`expected readable entries[${i}] (${String(entry.id)}): ${problems.join('; ')}`, page.exchange);
  });
  return page;
}

/** The test user's entries, newest first, as many as a page holds. */
const testUserQuery = (ctx: Context) => {
  const userId = ctx.state.testUserId ?? notRun("C1's user id is not known (see admin-get-and-revoke)");
  return `userId=${encodeURIComponent(userId)}&limit=${LIMITS.maxActivityPageSize}`;
};

/** The admin's view of the log: every user's, with who each entry is about, and its filters. */
export const adminActivityRules: Rule[] = activityPart([
  {
    name: 'admin-activity',
    section: 'admin-activity',
    needs: 'admin',
    async run(ctx) {
      const ids = await identify(ctx);
      const refused = await ctx.client.get(ctx.c1, ADMIN_ACTIVITY_PATH);
      expectError(
        refused,
        403,
        'FORBIDDEN',
        `GET ${ADMIN_ACTIVITY_PATH} as C1 (the test user, not an admin)`,
      );
      await adminActivity(ctx, '');
      const query = testUserQuery(ctx);
      const page = await adminActivity(ctx, query);
      const other = page.entries.find((entry) => asRecord(entry.user)?.id !== ctx.state.testUserId);
      if (other)
        fail(
          `expected ?userId= to show that user's entries only, but ${String(other.id)} is about ${JSON.stringify(other.user)}`,
          page.exchange,
        );
      if (!entryOf(page, 'signed-in', ids.c1))
        fail(`expected C1's sign-in (session ${ids.c1}) among the test user's entries`, page.exchange);
      return undefined;
    },
  },
  {
    name: 'admin-activity-filters',
    section: 'admin-activity',
    needs: 'admin',
    async run(ctx) {
      const ids = await identify(ctx);
      const query = testUserQuery(ctx);
      const signIns = await adminActivity(ctx, `${query}&kind=signed-in`);
      const otherKind = signIns.entries.find((entry) => entry.kind !== 'signed-in');
      if (otherKind)
        fail(
          `expected kind=signed-in to show sign-ins only, got a ${String(otherKind.kind)} entry`,
          signIns.exchange,
        );
      const c1 =
        entryOf(signIns, 'signed-in', ids.c1) ??
        fail(`expected C1's sign-in (session ${ids.c1}) among kind=signed-in`, signIns.exchange);
      const unknown = await ctx.client.get(
        ctx.admin ?? notRun('no admin cookie'),
        `${ADMIN_ACTIVITY_PATH}?kind=logged-in`,
      );
      expectError(
        unknown,
        400,
        'UNKNOWN',
        `GET ${ADMIN_ACTIVITY_PATH}?kind=logged-in (not a kind of the contract)`,
      );
      // C1's sign-in is the boundary: `from` is at or after it (C1's included), `to` before it.
      const at = epochOf(c1.at);
      const instant = encodeURIComponent(new Date(at).toISOString());
      const from = await adminActivity(ctx, `${query}&from=${instant}`);
      const early = from.entries.find((entry) => epochOf(entry.at) < at);
      if (early || !from.ids.includes(c1.id as string))
        fail(
          `expected from=${decodeURIComponent(instant)} to show the entries at or after it, C1's sign-in included, got ${early ? `${String(early.id)} at ${String(early.at)}` : 'no C1 sign-in'}`,
          from.exchange,
        );
      const to = await adminActivity(ctx, `${query}&to=${instant}`);
      const late = to.entries.find((entry) => epochOf(entry.at) >= at);
      if (late)
        fail(
          `expected to=${decodeURIComponent(instant)} to show the entries before it only, got ${String(late.id)} at ${String(late.at)}`,
          to.exchange,
        );
      return undefined;
    },
  },
]);
