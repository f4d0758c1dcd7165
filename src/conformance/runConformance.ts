import { type Context, type Rule, randomHex } from './context.js';
import { RuleFailure } from './expect.js';
import { formatExchange, formatResult, formatSummary, redact, type Secret, secretsOf } from './format.js';
import { createClient, identity } from './http.js';
import {
  DEFAULT_CSRF_COOKIE,
  DEFAULT_CSRF_HEADER,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  optionProblems,
} from './options.js';
import { RULES } from './rules/index.js';
import { MAX_STREAMS_PER_SESSION, RATE_LIMIT_TRIES } from './rules/limitRules.js';
import type { ConformanceOptions, ConformanceReport, ConformanceResult } from './types.js';

// The rules need about 50 requests, plus the password limit's tries and the streams up to the cap; the
// budget keeps a misbehaving server (or a kit bug) from looping.
export const MAX_REQUESTS = 60 + RATE_LIMIT_TRIES + MAX_STREAMS_PER_SESSION + 1;

async function runRule(rule: Rule, ctx: Context, secrets: readonly Secret[]): Promise<ConformanceResult> {
  const damageBefore = ctx.state.damage.slice();
  try {
    const outcome = await rule.run(ctx);
    return {
      rule: rule.name,
      ok: true,
      ...(outcome ? { detail: redact(outcome.note, secrets) } : {}),
      ...(outcome?.skipped ? { skipped: true } : {}),
    };
  } catch (error) {
    if (!(error instanceof RuleFailure)) {
      return {
        rule: rule.name,
        ok: false,
        detail: `the kit itself failed here (please report it): ${String(error)}`,
      };
    }
    // A broken earlier rule may explain this one (e.g. C3 already ended by a POST that had to be refused).
    const earlier = damageBefore.length > 0 ? ` (note: earlier, ${damageBefore.join('; ')})` : '';
    return {
      rule: rule.name,
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
  const csrfCookieName = options.csrfCookieName ?? DEFAULT_CSRF_COOKIE;
  const [c1, c2, c3] = options.cookies.map((cookie, i) => identity(`C${i + 1}`, cookie, csrfCookieName));
  if (!c1 || !c2 || !c3) throw new TypeError('runConformance: three cookies are needed');
  const admin =
    options.adminCookie === undefined ? undefined : identity('admin', options.adminCookie, csrfCookieName);
  const deadline = new AbortController();
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const timer = setTimeout(() => deadline.abort(), totalTimeoutMs);
  // The caller's own signal ends the run the same way (a CI job's cancel, a test's controlled clock).
  const stopOnSignal = () => deadline.abort();
  options.signal?.addEventListener('abort', stopOnSignal, { once: true });
  if (options.signal?.aborted) deadline.abort();
  const secrets = secretsOf(admin ? [c1, c2, c3, admin] : [c1, c2, c3]);
  const ctx: Context = {
    client: createClient({
      baseUrl: options.baseUrl,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      deadline: deadline.signal,
      maxRequests: MAX_REQUESTS,
      password: options.password,
      csrfCookieName,
      csrfHeaderName: options.csrfHeaderName ?? DEFAULT_CSRF_HEADER,
    }),
    password: options.password,
    wrongPassword: `not-the-password-${randomHex(6)}`,
    c1,
    c2,
    c3,
    admin,
    secrets,
    state: { lists: new Map(), damage: [] },
    randomId: () => `ses_doesnotexist${randomHex(12)}`,
  };
  const log = options.log ?? (() => {});
  const results: ConformanceResult[] = [];
  try {
    for (const rule of RULES) {
      if (rule.needs === 'admin' && !admin) continue;
      const result = deadline.signal.aborted
        ? {
            rule: rule.name,
            ok: false,
            detail: `not run: the global time limit of ${totalTimeoutMs} ms ran out`,
          }
        : await runRule(rule, ctx, secrets);
      results.push(result);
      for (const line of formatResult(result)) log(line);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stopOnSignal);
  }
  if (!admin) log('(no admin cookie: the admin rules and foreign-id-404 did not run)');
  const failed = results.filter((result) => !result.ok).length;
  const report = { passed: results.length - failed, failed, results };
  log(formatSummary(report));
  return report;
}
