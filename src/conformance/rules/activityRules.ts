import {
  ACTIVITY_PATH,
  type ActivityPage,
  activityOf,
  activityPart,
  activitySkip,
  entryOf,
  entryProblems,
  readActivity,
  readsActivity,
} from '../activity.js';
import type { Rule } from '../context.js';
import { asRecord, expectError, fail, notRun } from '../expect.js';
import { epochOf, identify } from '../lists.js';
import { LIMITS } from '../words.js';
import { revokePath } from './guardRules.js';

// Five entries walked one page at a time: enough to cross several cursors, few enough for the budget.
const WALK = 5;

const cursorQuery = (limit: number, cursor: string | null) =>
  `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;

/** Every session id a page's entries name. */
const sessionIdsOf = (page: ActivityPage) =>
  new Set(page.entries.flatMap((entry) => (typeof entry.sessionId === 'string' ? [entry.sessionId] : [])));

/**
 * The user's own log (optional: a backend that does not serve it answers 404 and these are skipped):
 * reads that change nothing, then one wrong password. They run while C1, C2 and C3 are signed in.
 */
export const activityRules: Rule[] = [
  {
    name: 'activity-shape',
    section: 'activity',
    async run(ctx) {
      if (ctx.state.activity === 'absent') return activitySkip(ctx);
      const exchange = await ctx.client.get(ctx.c1, ACTIVITY_PATH);
      if (exchange.status === 404 && ctx.activity !== true) {
        ctx.state.activity = 'absent';
        return activitySkip(ctx);
      }
      // Until it reads as a page, the later activity rules have nothing to stand on.
      ctx.state.activity = 'broken';
      const told = ctx.activity === true ? ' (the run was told the backend serves it: activity: true)' : '';
      const page = readActivity(exchange, `GET ${ACTIVITY_PATH} as C1${told}`);
      ctx.state.activity = 'offered';
      if (!/(^|,)\s*no-store\s*(,|$)/i.test(exchange.headers.get('Cache-Control') ?? '')) {
        fail(
          `expected Cache-Control: no-store on GET ${ACTIVITY_PATH}, got ${exchange.headers.get('Cache-Control') ?? 'no Cache-Control'}`,
          exchange,
        );
      }
      page.entries.forEach((entry, i) => {
        const problems = entryProblems(entry);
        if (problems.length > 0)
          fail(`expected readable entries[${i}] (${String(entry.id)}): ${problems.join('; ')}`, exchange);
      });
      const repeated = page.ids.find((id, i) => page.ids.indexOf(id) !== i);
      if (repeated !== undefined)
        fail(`expected each entry once, but "${repeated}" is listed twice`, exchange);
      // Newest first: `at` never grows down the page.
      page.entries.forEach((entry, i) => {
        const before = page.entries[i - 1];
        if (before && epochOf(entry.at) > epochOf(before.at)) {
          fail(
            `expected the newest entry first, but entries[${i}] (${String(entry.at)}) is newer than entries[${i - 1}] (${String(before.at)})`,
            exchange,
          );
        }
      });
      return { note: `${page.entries.length} entries on the first page` };
    },
  },
  // The rest only once activity-shape found the log offered.
  ...activityPart([
    {
      name: 'activity-own-sign-in',
      section: 'activity',
      async run(ctx) {
        const ids = await identify(ctx);
        for (const [who, own] of [
          [ctx.c1, ids.c1],
          [ctx.c2, ids.c2],
          [ctx.c3, ids.c3],
        ] as const) {
          const page = await activityOf(ctx, who);
          const signIn =
            entryOf(page, 'signed-in', own) ??
            fail(
              `expected ${who.label}'s own sign-in in its activity: an entry {"kind":"signed-in","sessionId":"${own}"} (its current session)`,
              page.exchange,
            );
          if (signIn.isCurrent !== true)
            fail(
              `expected isCurrent: true on ${who.label}'s own sign-in (${String(signIn.id)}), got ${JSON.stringify(signIn.isCurrent)}`,
              page.exchange,
            );
          const others = page.entries.filter((entry) => entry.isCurrent === true && entry.sessionId !== own);
          if (others.length > 0)
            fail(
              `expected isCurrent: true only on entries about ${who.label}'s own session ${own}, got it on ${others.map((e) => String(e.id)).join(', ')}`,
              page.exchange,
            );
        }
        return undefined;
      },
    },
    {
      name: 'activity-confirmation-failed',
      section: 'activity',
      async run(ctx) {
        const ids = await identify(ctx);
        const before = new Set((await activityOf(ctx, ctx.c1)).ids);
        // A confirmation the server asks for: a revoke of a random id where revokes want the password (it
        // ends nothing either way), else a re-authentication.
        if (ctx.state.passwordRequired !== false) {
          const exchange = await ctx.client.post(ctx.c1, revokePath(ctx.randomId()), {
            body: { password: ctx.wrongPassword },
          });
          expectError(
            exchange,
            422,
            'INVALID_PASSWORD',
            'revoking a random id from C1 with a wrong password',
          );
        } else {
          const exchange = await ctx.client.post(ctx.c1, '/sessions/reauthenticate', {
            body: { password: ctx.wrongPassword },
          });
          if (exchange.status === 404)
            return {
              note: 'skipped: the server asks for no password (no revoke wants one, no re-authentication is offered)',
              skipped: true,
            };
          expectError(
            exchange,
            422,
            'INVALID_PASSWORD',
            'POST /sessions/reauthenticate as C1 with a wrong password',
          );
        }
        const after = await activityOf(ctx, ctx.c1);
        const added = after.entries.filter(
          (entry) =>
            entry.kind === 'confirmation-failed' &&
            entry.sessionId === ids.c1 &&
            !before.has(entry.id as string),
        );
        if (added.length !== 1)
          fail(
            `expected C1's wrong password to add one entry {"kind":"confirmation-failed","sessionId":"${ids.c1}"} to the log, got ${added.length}`,
            after.exchange,
          );
        return undefined;
      },
    },
    {
      name: 'activity-paging',
      section: 'activity',
      async run(ctx) {
        const page = await activityOf(ctx, ctx.c1, `limit=${WALK}`);
        if (page.entries.length > WALK)
          fail(
            `expected at most ${WALK} entries for limit=${WALK}, got ${page.entries.length}`,
            page.exchange,
          );
        // The same entries one at a time, each page from the cursor of the one before.
        const walked: string[] = [];
        let cursor: string | null = null;
        let last = page;
        for (let i = 0; i < WALK; i++) {
          last = await activityOf(ctx, ctx.c1, cursorQuery(1, cursor));
          if (last.entries.length > 1)
            fail(`expected at most 1 entry for limit=1, got ${last.entries.length}`, last.exchange);
          const repeated = last.ids.find((id) => walked.includes(id));
          if (repeated)
            fail(
              `expected keyset paging never to repeat an entry, but ${repeated} came again`,
              last.exchange,
            );
          walked.push(...last.ids);
          if (last.nextCursor === null) break;
          if (last.ids.length === 0)
            fail('expected nextCursor null on an empty page (else a client pages forever)', last.exchange);
          cursor = last.nextCursor;
        }
        if (walked.join('\n') !== page.ids.join('\n'))
          fail(
            `expected a walk of limit=1 pages to yield the entries of one limit=${WALK} page, in order (${page.ids.join(', ') || 'none'}), got ${walked.join(', ') || 'none'}`,
            last.exchange,
          );
        return { note: `${walked.length} entries walked one page at a time` };
      },
    },
    {
      name: 'activity-bad-limit-400',
      section: 'activity',
      async run(ctx) {
        for (const limit of ['0', String(LIMITS.maxActivityPageSize + 1), 'abc', '2.5']) {
          const exchange = await ctx.client.get(ctx.c1, `${ACTIVITY_PATH}?limit=${limit}`);
          expectError(
            exchange,
            400,
            'UNKNOWN',
            `GET ${ACTIVITY_PATH}?limit=${limit} (limit is a whole number from 1 to ${LIMITS.maxActivityPageSize})`,
          );
        }
        return undefined;
      },
    },
    {
      name: 'activity-bad-cursor-400',
      section: 'activity',
      async run(ctx) {
        const query = `cursor=${encodeURIComponent('%%not a cursor%%')}`;
        const exchange = await ctx.client.get(ctx.c1, `${ACTIVITY_PATH}?${query}`);
        expectError(
          exchange,
          400,
          'UNKNOWN',
          `GET ${ACTIVITY_PATH}?${query} (a cursor the server never gave out)`,
        );
        return undefined;
      },
    },
    {
      name: 'activity-foreign-cursor',
      section: 'activity',
      needs: 'admin',
      async run(ctx) {
        const admin = ctx.admin ?? notRun('no admin cookie');
        const mine = await activityOf(ctx, ctx.c1);
        const first = await activityOf(ctx, ctx.c1, cursorQuery(1, null));
        const cursor =
          first.nextCursor ??
          fail(
            "expected a nextCursor on C1's first limit=1 page: its log holds this run's sign-ins",
            first.exchange,
          );
        // The cursor of another user's walk, sent by the admin: refused, or at most the admin's own entries.
        const exchange = await ctx.client.get(admin, `${ACTIVITY_PATH}?${cursorQuery(1, cursor)}`);
        if (exchange.status === 400) {
          expectError(
            exchange,
            400,
            'UNKNOWN',
            `GET ${ACTIVITY_PATH} as the admin with a cursor of C1's walk`,
          );
          return { note: 'refused with 400' };
        }
        const page = readActivity(
          exchange,
          `GET ${ACTIVITY_PATH} as the admin with a cursor of C1's walk (expected 400 {"code":"UNKNOWN",…}, or the admin's own entries)`,
        );
        const theirs = sessionIdsOf(mine);
        const leaked = page.entries.find(
          (entry) => mine.ids.includes(entry.id as string) || theirs.has(entry.sessionId as string),
        );
        if (leaked)
          fail(
            `expected a cursor of C1's walk to show the admin (another user) none of C1's entries, but it showed ${String(leaked.id)}`,
            exchange,
          );
        return { note: "answered with the admin's own entries" };
      },
    },
    {
      name: 'activity-own-only',
      section: 'activity',
      needs: 'admin',
      async run(ctx) {
        const admin = ctx.admin ?? notRun('no admin cookie');
        const theirs = await activityOf(ctx, admin);
        const mine = await activityOf(ctx, ctx.c1);
        // An entry is one user's: in both logs, one of them shows another user's entry.
        const shared = mine.entries.find((entry) => theirs.ids.includes(entry.id as string));
        if (shared)
          fail(
            `expected a user's activity to show its own entries only, but the entry ${String(shared.id)} (${String(shared.kind)}) is in both C1's and the admin's`,
            mine.exchange,
          );
        const adminSessions = sessionIdsOf(theirs);
        const about = mine.entries.find((entry) => adminSessions.has(entry.sessionId as string));
        if (about)
          fail(
            `expected C1's activity to name none of the admin's sessions, but ${String(about.id)} is about ${String(about.sessionId)}`,
            mine.exchange,
          );
        return {
          note: `C1: ${mine.entries.length} entries, the admin: ${theirs.entries.length}, none shared`,
        };
      },
    },
    {
      name: 'no-token-in-activity',
      section: 'activity',
      async run(ctx) {
        await activityOf(ctx, ctx.c1);
        // Every answer of the log this run read, the admin's included.
        const read = ctx.client.exchanges.filter(readsActivity);
        for (const exchange of read) {
          const leaked = ctx.secrets.find((secret) => exchange.text.includes(secret.value));
          if (leaked)
            fail(
              `expected no session token in the activity log, but it has ${leaked.label}`,
              exchange,
              leaked.value,
            );
        }
        return { note: `${read.length} answers of the log searched` };
      },
    },
  ]),
];

/** After revoke-one: C1's log shows that it ended C3, and C3's sign-in says so. */
export const activityAfterRevokeRules: Rule[] = activityPart([
  {
    name: 'activity-revoked',
    section: 'activity',
    async run(ctx) {
      const ids = await identify(ctx);
      const page = await activityOf(ctx, ctx.c1);
      const revoked =
        entryOf(page, 'revoked', ids.c3) ??
        fail(
          `expected C1's activity to show that C1 revoked C3: an entry {"kind":"revoked","sessionId":"${ids.c3}"}`,
          page.exchange,
        );
      if (revoked.bySessionId !== ids.c1)
        fail(
          `expected the revoke's bySessionId to be C1's session ${ids.c1} (its request ended C3), got ${JSON.stringify(revoked.bySessionId)}`,
          page.exchange,
        );
      const signIn =
        entryOf(page, 'signed-in', ids.c3) ??
        fail(`expected C3's sign-in to stay in the log after its revoke`, page.exchange);
      if (
        page.entries.indexOf(revoked) > page.entries.indexOf(signIn) ||
        epochOf(revoked.at) < epochOf(signIn.at)
      )
        fail(
          `expected the revoke (${String(revoked.at)}) newer than C3's sign-in (${String(signIn.at)}), and before it on the page`,
          page.exchange,
        );
      const state = asRecord(signIn.session);
      if (state?.active !== false || state.endedBy !== 'revoked')
        fail(
          `expected C3's sign-in to say how its session ended, "session": {"active": false, "endedBy": "revoked", …}, got ${JSON.stringify(signIn.session)}`,
          page.exchange,
        );
      return undefined;
    },
  },
]);
