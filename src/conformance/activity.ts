import type { Context, Rule, RuleOutcome } from './context.js';
import { asRecord, describe, fail, notRun } from './expect.js';
import type { Exchange, Identity } from './http.js';
import { dateProblem } from './lists.js';
import { ACTIVITY_KINDS, LIMITS } from './words.js';

export const ACTIVITY_PATH = '/sessions/activity';
export const ADMIN_ACTIVITY_PATH = '/admin/activity';

/** A page of the log as the server sent it: every entry an object with a non-empty string `id`. */
export interface ActivityPage {
  readonly exchange: Exchange;
  readonly entries: readonly Record<string, unknown>[];
  readonly ids: readonly string[];
  readonly nextCursor: string | null;
}

/** Reads an answer of `GET /sessions/activity` or `GET /admin/activity`, failing when it is not a page. */
export function readActivity(exchange: Exchange, what: string): ActivityPage {
  const expected = 'expected 200 {"entries":[…],"nextCursor":string|null}';
  const body = asRecord(exchange.json);
  const nextCursor = body?.nextCursor ?? null;
  if (
    exchange.status !== 200 ||
    !body ||
    !Array.isArray(body.entries) ||
    (nextCursor !== null && typeof nextCursor !== 'string')
  ) {
    fail(`${what}: ${expected}, got ${describe(exchange)}`, exchange);
  }
  const entries = body.entries.map((value: unknown, i: number) => {
    const entry = asRecord(value);
    if (typeof entry?.id !== 'string' || entry.id === '')
      fail(
        `${what}: expected entries[${i}] to have a non-empty string \`id\`, got ${JSON.stringify(value)}`,
        exchange,
      );
    return entry;
  });
  return { exchange, entries, ids: entries.map((entry) => entry.id as string), nextCursor };
}

/**
 * One page of `who`'s own log. By default the largest page the contract allows: what a rule looks for
 * (this run's sign-ins and what followed them) is among the newest entries, well within it.
 */
export async function activityOf(
  ctx: Context,
  who: Identity,
  query = `limit=${LIMITS.maxActivityPageSize}`,
): Promise<ActivityPage> {
  const path = `${ACTIVITY_PATH}?${query}`;
  return readActivity(await ctx.client.get(who, path), `GET ${path} as ${who.label}`);
}

/** What is wrong with an entry's required fields: a kind of the contract's, a date in `at`. */
export function entryProblems(entry: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!(ACTIVITY_KINDS as readonly unknown[]).includes(entry.kind))
    problems.push(`kind ${JSON.stringify(entry.kind)} is not one of ${ACTIVITY_KINDS.join(', ')}`);
  const at = dateProblem(entry.at);
  if (at) problems.push(`at: ${at}`);
  return problems;
}

/** The entry of `kind` about `sessionId`, if the page has one. */
export const entryOf = (page: ActivityPage, kind: string, sessionId: string) =>
  page.entries.find((entry) => entry.kind === kind && entry.sessionId === sessionId);

/** Whether an exchange read the log, the user's or the admin's. */
export const readsActivity = (exchange: Exchange) => /\/(sessions|admin)\/activity(\?|$)/.test(exchange.path);

/**
 * Whether a rule of the optional activity part applies: undefined when the log is offered, a skip when the
 * server does not serve it (or the run was told not to check it), "not run" when activity-shape could not
 * read it.
 */
export function activitySkip(ctx: Context): RuleOutcome | undefined {
  if (ctx.state.activity === 'offered') return undefined;
  if (ctx.state.activity === 'absent') {
    return ctx.activity === false
      ? { note: 'skipped: the run was told not to check the activity log (activity: false)', skipped: true }
      : { note: 'skipped: GET /sessions/activity is 404 (the activity log is optional)', skipped: true };
  }
  notRun('GET /sessions/activity did not answer a page of the log (see activity-shape)');
}

/** Rules of the activity part: each runs only when activitySkip lets it, before it sends anything. */
export const activityPart = (rules: readonly Rule[]): Rule[] =>
  rules.map((rule) => ({ ...rule, run: async (ctx) => activitySkip(ctx) ?? rule.run(ctx) }));
