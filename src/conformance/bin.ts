#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { formatSummary } from './format.js';
import { optionProblems } from './options.js';
import { runConformance } from './runConformance.js';
import { signInForCookies } from './signIn.js';
import type { ConformanceOptions } from './types.js';

const USAGE = `Usage: profilekit-conformance --base-url URL --password PW
         (--sign-in URL --user ID [--admin-user ID] | --cookie C1 --cookie C2 --cookie C3 [--cookie C4 … C6] [--admin-cookie CA])
         [--user-field NAME] [--password-field NAME] [--form] [--admin-password PW] [--activity | --no-activity]
         [--csrf-cookie NAME] [--csrf-header NAME] [--timeout-ms N] [--total-timeout-ms N] [--json]

Checks a live backend against profilekit's HTTP contract (docs/rest-contract.md). DESTRUCTIVE: it ends the
test user's sessions (and, with an admin, the admin's at the very end). Use a test environment and users.

Sessions to test with — either let the kit sign in through your own sign-in endpoint:
  --sign-in URL         POST the identifier and password here (GET first, for a CSRF cookie); six times
                        for the test user, once for the admin
  --user ID             the test user's identifier (not an admin)
  --admin-user ID       an admin's identifier (another user): turns on the admin rules
  --admin-password PW   the admin's password (default: --password)
  --user-field NAME     the identifier's field (default email; Django: username)
  --password-field NAME the password's field (default password)
  --form                post a form (application/x-www-form-urlencoded) instead of JSON
or give the Cookie headers of sign-ins you made yourself:
  --cookie VALUE        a full Cookie header of a sign-in of the test user; three to six times (the
                        fourth turns on sign-out, the fifth the admin's revoke of a real session, the
                        sixth the not-me report)
  --admin-cookie VALUE  a Cookie header of another user who is an admin: turns on the admin rules

  --base-url URL        the contract's base, e.g. https://staging.example.com/api
  --password PW         the test user's password (or the PROFILEKIT_CONFORMANCE_PASSWORD variable)
  --csrf-cookie NAME    the readable CSRF cookie (default: found among XSRF-TOKEN, csrftoken, CSRF-TOKEN,
                        _csrf, csrf_token)
  --csrf-header NAME    the header that echoes it (default: the one that goes with that cookie, e.g.
                        X-XSRF-TOKEN for XSRF-TOKEN, X-CSRFToken for Django's csrftoken)
  --activity            the backend serves the activity log: a 404 on GET /sessions/activity fails
  --no-activity         do not check the activity log (default: checked when GET /sessions/activity is
                        not 404)
  --timeout-ms N        per-request time limit (default 5000)
  --total-timeout-ms N  time limit for the whole run (default 60000); the process exits by then, always
  --json                print the report as JSON (for CI) instead of a line per rule
  --check-rate-limit    kept for old scripts: the password limit is checked on every run

Each rule prints ✔ passed, ✖ failed (with the exchange that broke it), ⊘ skipped (did not apply: never a
pass) or ○ not run (something it needs broke first: read that rule). Exit status: 0 when nothing failed or
went unrun, 1 otherwise, 2 on bad arguments.`;

function usageError(message: string): never {
  process.stderr.write(`profilekit-conformance: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const integer = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) usageError(`--${name} must be a positive integer, got "${value}"`);
  return Number(value);
};

// Strict: an unknown or misspelt flag is a usage error, not silently ignored.
function readArgs() {
  try {
    return parseArgs({
      options: {
        'base-url': { type: 'string' },
        cookie: { type: 'string', multiple: true },
        password: { type: 'string' },
        'admin-cookie': { type: 'string' },
        'sign-in': { type: 'string' },
        user: { type: 'string' },
        'admin-user': { type: 'string' },
        'admin-password': { type: 'string' },
        'user-field': { type: 'string' },
        'password-field': { type: 'string' },
        form: { type: 'boolean' },
        activity: { type: 'boolean' },
        'no-activity': { type: 'boolean' },
        'timeout-ms': { type: 'string' },
        'total-timeout-ms': { type: 'string' },
        'check-rate-limit': { type: 'boolean' },
        'csrf-cookie': { type: 'string' },
        'csrf-header': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    usageError((error as Error).message);
  }
}

const values = readArgs();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values.activity && values['no-activity']) usageError('give --activity or --no-activity, not both');
const activity = values.activity ? true : values['no-activity'] ? false : undefined;
const password = values.password ?? process.env.PROFILEKIT_CONFORMANCE_PASSWORD ?? '';
const totalTimeoutMs = integer(values['total-timeout-ms'], 'total-timeout-ms');
const timeoutMs = integer(values['timeout-ms'], 'timeout-ms');

// A hard deadline for the process, whatever a server or a socket does: the run's own limit plus a
// margin for the sign-ins and the report; past it the process says so and exits 1.
const deadline = setTimeout(
  () => {
    process.stderr.write('profilekit-conformance: the time limit passed; stopping.\n');
    process.exit(1);
  },
  (totalTimeoutMs ?? 60_000) + 15_000,
);

// `profilekit-conformance … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 1);
  throw error;
});

async function cookies(): Promise<{ cookies: string[]; adminCookie?: string }> {
  const signIn = values['sign-in'];
  if (!signIn) {
    if (values.user || values['admin-user']) usageError('--user and --admin-user go with --sign-in URL');
    return {
      cookies: values.cookie ?? [],
      ...(values['admin-cookie'] !== undefined ? { adminCookie: values['admin-cookie'] } : {}),
    };
  }
  if (values.cookie || values['admin-cookie']) usageError('give --sign-in or --cookie, not both');
  if (!values.user) usageError("--sign-in needs --user (the test user's identifier)");
  const tag = Math.random().toString(36).slice(2, 8);
  const common = {
    url: signIn,
    ...(values['user-field'] ? { userField: values['user-field'] } : {}),
    ...(values['password-field'] ? { passwordField: values['password-field'] } : {}),
    form: values.form === true,
  };
  try {
    const made: string[] = [];
    // User agents the kit can search for: one per sign-in, with a letter whose case is beyond ASCII.
    for (let i = 1; i <= 6; i++)
      made.push(
        await signInForCookies({
          ...common,
          user: values.user,
          password,
          userAgent: `profilekit-conformance/1 (École C${i} ${tag})`,
        }),
      );
    const admin = values['admin-user']
      ? await signInForCookies({
          ...common,
          user: values['admin-user'],
          password: values['admin-password'] ?? password,
          userAgent: `profilekit-conformance/1 (admin ${tag})`,
        })
      : undefined;
    return { cookies: made, ...(admin ? { adminCookie: admin } : {}) };
  } catch (error) {
    process.stderr.write(`profilekit-conformance: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

const signedIn = await cookies();
const options: ConformanceOptions = {
  baseUrl: values['base-url'] ?? '',
  cookies: signedIn.cookies,
  password,
  ...(signedIn.adminCookie !== undefined ? { adminCookie: signedIn.adminCookie } : {}),
  ...(activity !== undefined ? { activity } : {}),
  ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  ...(totalTimeoutMs !== undefined ? { totalTimeoutMs } : {}),
  ...(values['csrf-cookie'] !== undefined ? { csrfCookieName: values['csrf-cookie'] } : {}),
  ...(values['csrf-header'] !== undefined ? { csrfHeaderName: values['csrf-header'] } : {}),
};
const problems = optionProblems(options);
if (problems.length > 0) usageError(problems.join('\n  '));

const report = await runConformance({
  ...options,
  log: values.json ? undefined : (line) => process.stdout.write(`${line}\n`),
});
if (values.json)
  process.stdout.write(`${JSON.stringify({ summary: formatSummary(report), ...report }, null, 2)}\n`);
clearTimeout(deadline);
// Exit now: an open keep-alive socket or a server's unfinished stream must not hold the process.
process.exit(report.failed + report.notRun > 0 ? 1 : 0);
