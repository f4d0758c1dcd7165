import type { Context, ThreeIds } from './context.js';
import { asRecord, describe, fail, notRun, RuleFailure } from './expect.js';
import type { Exchange, Identity } from './http.js';

export interface SessionList {
  readonly exchange: Exchange;
  readonly sessions: readonly Record<string, unknown>[];
  readonly ids: readonly string[];
  /** The caller's own session: `currentSessionId`, else the one entry with `isCurrent: true`. */
  readonly current: string | undefined;
  /** Whose list it is (an identity's label), once it is remembered. */
  readonly who?: string;
}

/** Reads a `GET /sessions` answer, failing with what was wrong when it is not a list. */
export function readList(exchange: Exchange, what: string): SessionList {
  const expected = 'expected 200 {"sessions":[…],"currentSessionId":…}';
  if (exchange.status !== 200) fail(`${what}: ${expected}, got ${describe(exchange)}`, exchange);
  const body = asRecord(exchange.json);
  if (!body || !Array.isArray(body.sessions)) {
    fail(`${what}: ${expected}, got ${describe(exchange)}`, exchange);
  }
  const sessions: Record<string, unknown>[] = [];
  body.sessions.forEach((entry: unknown, i: number) => {
    const session = asRecord(entry);
    if (!session || typeof session.id !== 'string' || session.id === '') {
      fail(
        `${what}: expected sessions[${i}] to have a non-empty string \`id\`, got ${JSON.stringify(entry)}`,
        exchange,
      );
    }
    sessions.push(session);
  });
  const ids = sessions.map((s) => s.id as string);
  const marked = sessions.filter((s) => s.isCurrent === true).map((s) => s.id as string);
  const current =
    typeof body.currentSessionId === 'string'
      ? body.currentSessionId
      : marked.length === 1
        ? marked[0]
        : undefined;
  return { exchange, sessions, ids, current };
}

/** GET /sessions as `who`, read as a list and remembered as its latest. */
export async function listOf(ctx: Context, who: Identity, what: string): Promise<SessionList> {
  const list = { ...readList(await ctx.client.get(who, '/sessions'), what), who: who.label };
  ctx.state.lists.set(who.label, list);
  if (list.current) ctx.state.owned.set(who.label, list.current);
  return list;
}

/** The latest list of each of the three sign-ins, asked for where there is none yet. */
export async function threeLists(ctx: Context): Promise<SessionList[]> {
  const lists: SessionList[] = [];
  for (const who of [ctx.c1, ctx.c2, ctx.c3]) {
    lists.push(ctx.state.lists.get(who.label) ?? (await listOf(ctx, who, `GET /sessions as ${who.label}`)));
  }
  return lists;
}

/**
 * The three sign-ins' session ids, each from its own list's "current" mark, all three in C1's list.
 * Asked once: when it fails, every rule that needs the ids reports that same failure.
 */
export async function identify(ctx: Context): Promise<ThreeIds> {
  if (ctx.state.ids) return ctx.state.ids;
  // Without the exchange: the rule that failed first already shows it.
  if (ctx.state.identifyFailure)
    notRun(
      `the sign-ins could not be told apart (see ${ctx.state.identifyFailedIn ?? 'the first rule that failed'})`,
    );
  try {
    const current: string[] = [];
    for (const list of await threeLists(ctx)) {
      const label = list.who ?? 'this';
      if (list.current === undefined) {
        fail(
          `${label}'s list marks no session as its own: expected \`currentSessionId\` or one entry with \`isCurrent: true\``,
          list.exchange,
        );
      }
      if (!list.ids.includes(list.current)) {
        fail(
          `expected ${label}'s currentSessionId to be one of its listed ids, got "${list.current}"`,
          list.exchange,
        );
      }
      current.push(list.current);
    }
    const [c1 = '', c2 = '', c3 = ''] = current;
    if (new Set(current).size !== 3) {
      fail(`expected three sign-ins to be three sessions, but their current ids are ${current.join(', ')}`);
    }
    const mine = ctx.state.lists.get(ctx.c1.label);
    const missing = [c2, c3].filter((id) => !mine?.ids.includes(id));
    if (missing.length > 0) {
      fail(
        `expected C1's list to show all three sign-ins of its user; it lacks ${missing.join(', ')}`,
        mine?.exchange,
      );
    }
    ctx.state.ids = { c1, c2, c3 };
    return ctx.state.ids;
  } catch (error) {
    if (error instanceof RuleFailure) {
      ctx.state.identifyFailure = error;
      ctx.state.identifyFailedIn = ctx.state.currentRule;
    }
    throw error;
  }
}

// Dates outside these years are a unit mix-up (epoch microseconds, seconds read as days), not a date.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const DATE_FIELDS = ['createdAt', 'lastActiveAt', 'expiresAt'];
const STRING_FIELDS = ['ipAddress', 'userAgent', 'applicationId', 'tenant'];
const OBJECT_FIELDS = ['device', 'location', 'meta'];
const BOOLEAN_FIELDS = ['isCurrent', 'trusted'];

/** A date in a form the contract allows (ISO-8601, epoch seconds or milliseconds), in epoch ms. */
function readDate(value: unknown): number | undefined {
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string' && /^\d+$/.test(value))
    return Number(value) < 1e11 ? Number(value) * 1000 : Number(value);
  if (typeof value === 'string' && ISO_8601.test(value.trim())) return Date.parse(value);
  return undefined;
}

/** A date field in epoch ms, NaN when it is none (compare only dates `dateProblem` found nothing wrong with). */
export const epochOf = (value: unknown): number => readDate(value) ?? Number.NaN;

/** Why a date field is not one the contract allows (ISO-8601, epoch seconds or milliseconds). */
export function dateProblem(value: unknown): string | undefined {
  const time = readDate(value);
  if (time === undefined)
    return `${JSON.stringify(value)} is neither an ISO-8601 string nor epoch seconds/milliseconds`;
  if (!Number.isFinite(time) || time < EARLIEST || time > LATEST) {
    return `${JSON.stringify(value)} is not a date between 2000 and 2200`;
  }
  return undefined;
}

/** What is wrong with one session's optional fields (each may be absent or null). */
export function sessionProblems(session: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const present = (key: string) => session[key] !== undefined && session[key] !== null;
  for (const key of DATE_FIELDS) {
    const problem = present(key) ? dateProblem(session[key]) : undefined;
    if (problem) problems.push(`${key}: ${problem}`);
  }
  for (const key of STRING_FIELDS) {
    if (present(key) && typeof session[key] !== 'string') problems.push(`${key} must be a string or null`);
  }
  for (const key of OBJECT_FIELDS) {
    if (present(key) && !asRecord(session[key])) problems.push(`${key} must be an object or null`);
  }
  for (const key of BOOLEAN_FIELDS) {
    if (present(key) && typeof session[key] !== 'boolean') problems.push(`${key} must be a boolean or null`);
  }
  return problems;
}
