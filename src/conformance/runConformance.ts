import { type Context, type Rule, randomHex } from './context.js';
import { RuleFailure } from './expect.js';
import { formatExchange, formatResult, formatSummary, redact, type Secret, secretsOf } from './format.js';
import { createClient, identity } from './http.js';
import { csrfNames, DEFAULT_TIMEOUT_MS, DEFAULT_TOTAL_TIMEOUT_MS, optionProblems } from './options.js';
import { RULES } from './rules/index.js';
import { MAX_STREAMS_PER_SESSION, RATE_LIMIT_TRIES } from './rules/limitRules.js';
import type { ConformanceOptions, ConformanceReport, ConformanceResult } from './types.js';

// The rules need about 135 requests (the activity log's about 40 of them), plus the password limit's
// tries and the streams up to the cap; the budget keeps a misbehaving server (or a kit bug) from looping.
export const MAX_REQUESTS = 155 + RATE_LIMIT_TRIES + MAX_STREAMS_PER_SESSION + 1;

async function runRule(rule: Rule, ctx: Context, secrets: readonly Secret[]): Promise<ConformanceResult> {
  const damageBefore = ctx.state.damage.slice();
  const base = { rule: rule.name, section: rule.section };
  ctx.state.currentRule = rule.name;
  try {
    const outcome = await rule.run(ctx);
    const status = outcome?.skipped ? 'skipped' : 'passed';
    return {
      ...base,
      status,
      ok: status === 'passed',
      ...(outcome ? { detail: redact(outcome.note, secrets) } : {}),
      ...(status === 'skipped' ? { skipped: true } : {}),
    };
  } catch (error) {
    if (!(error instanceof RuleFailure)) {
      return {
        ...base,
        status: 'failed',
        ok: false,
        detail: `the kit itself failed here (please report it): ${String(error)}`,
      };
    }
    if (error.kind === 'not-run') {
      return { ...base, status: 'not-run', ok: false, detail: redact(`not run: ${error.detail}`, secrets) };
    }
    // A broken earlier rule may explain this one (e.g. C3 already ended by a POST that had to be refused).
    const earlier = damageBefore.length > 0 ? ` (note: earlier, ${damageBefore.join('; ')})` : '';
    return {
      ...base,
      status: 'failed',
      ok: false,
      detail: redact(`${error.detail}${earlier}`, secrets),
      ...(error.exchange ? { exchange: formatExchange(error.exchange, secrets, error.focus) } : {}),
    };
  }
}

/**
 * Runs the contract's rules (docs/rest-contract.md) against a live backend, in any language. Destructive
 * by design: it revokes the test user's sessions and ends with revoke-all, so point it at a test
 * environment, with a test user who is not an admin and whom nothing else uses during the run. Rejects
 * with a TypeError when the options cannot be run; otherwise resolves, failures included, with one
 * result per rule that ran (the admin rules only with `adminCookie`).
 *
 * Bounded: at most MAX_REQUESTS requests, each with `timeoutMs`, all within `totalTimeoutMs` (or until
 * `signal` aborts); a rule the limits cut short fails with "not run: …".
 *
 * Passwords: password-policy revokes a random id without a password. 422 INVALID_PASSWORD means the
 * server asks for it, and wrong-password-422, password-before-revoke-others and rate-limit run. 404
 * NOT_FOUND means it does not — a policy the contract allows (`passwordRequirements: 'none'`) — and the
 * password rules pass marked `skipped`: a server that never reads a password cannot break them. Any other answer
 * fails password-policy, and the three run as if the password were required. One policy is assumed for
 * all three actions: a server that asks on revoke-one only fails password-before-revoke-others.
 *
 * @example
 * const report = await runConformance({ baseUrl: 'https://staging.example.com/api', cookies: [c1, c2, c3],
 *   password: process.env.TEST_PASSWORD, adminCookie, log: console.log });
 * if (report.failed > 0) process.exitCode = 1;
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const problems = optionProblems(options);
  if (problems.length > 0) throw new TypeError(`runConformance: ${problems.join('; ')}`);
  const csrf = csrfNames(options);
  const [c1, c2, c3, c4, c5, c6] = options.cookies.map((cookie, i) =>
    identity(`C${i + 1}`, cookie, csrf.cookieNames),
  );
  if (!c1 || !c2 || !c3) throw new TypeError('runConformance: three cookies are needed');
  const admin =
    options.adminCookie === undefined ? undefined : identity('admin', options.adminCookie, csrf.cookieNames);
  const deadline = new AbortController();
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const timer = setTimeout(() => deadline.abort(), totalTimeoutMs);
  // The caller's own signal ends the run the same way (a CI job's cancel, a test's controlled clock).
  const stopOnSignal = () => deadline.abort();
  options.signal?.addEventListener('abort', stopOnSignal, { once: true });
  if (options.signal?.aborted) deadline.abort();
  const identities = [c1, c2, c3, c4, c5, c6, admin].filter((who) => who !== undefined);
  const secrets = secretsOf(identities);
  const lost = new Map<string, string>();
  const locked = new Map<string, string>();
  const client = createClient({
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    deadline: deadline.signal,
    maxRequests: MAX_REQUESTS,
    password: options.password,
    csrf,
    lost,
    locked,
  });
  const ctx: Context = {
    client,
    password: options.password,
    wrongPassword: `not-the-password-${randomHex(6)}`,
    c1,
    c2,
    c3,
    c4,
    c5,
    c6,
    admin,
    activity: options.activity,
    secrets,
    state: {
      lists: new Map(),
      damage: [],
      lost,
      locked,
      owned: new Map(),
      ...(options.activity === false ? { activity: 'absent' as const } : {}),
    },
    randomId: () => `ses_doesnotexist${randomHex(12)}`,
  };
  const log = options.log ?? (() => {});
  const results: ConformanceResult[] = [];
  try {
    for (const rule of RULES) {
      const missing =
        rule.needs === 'admin' && !admin
          ? 'it needs an admin cookie (--admin-cookie, or --sign-in with --admin-user)'
          : rule.needs === 'fourth' && !c4
            ? 'it needs a fourth sign-in of the test user (a fourth --cookie, or --sign-in)'
            : rule.needs === 'fifth' && (!c5 || !admin)
              ? 'it needs a fifth sign-in of the test user and an admin (five --cookie and --admin-cookie, or --sign-in)'
              : rule.needs === 'sixth' && !c6
                ? 'it needs a sixth sign-in of the test user (a sixth --cookie, or --sign-in)'
                : undefined;
      const result: ConformanceResult = deadline.signal.aborted
        ? {
            rule: rule.name,
            section: rule.section,
            status: 'not-run',
            ok: false,
            detail: `not run: the global time limit of ${totalTimeoutMs} ms ran out`,
          }
        : missing
          ? {
              rule: rule.name,
              section: rule.section,
              status: 'skipped',
              ok: false,
              skipped: true,
              detail: `skipped: ${missing}`,
            }
          : await runRule(rule, ctx, secrets);
      results.push(result);
      for (const line of formatResult(result)) log(line);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stopOnSignal);
  }
  if (client.reauthentications > 0)
    log(
      `(the server asked for a fresh password ${client.reauthentications} times; the kit re-authenticated and retried)`,
    );
  const count = (status: ConformanceResult['status']) => results.filter((r) => r.status === status).length;
  const report: ConformanceReport = {
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    notRun: count('not-run'),
    requests: client.exchanges.length,
    results,
  };
  log(formatSummary(report));
  return report;
}
