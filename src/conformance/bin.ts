#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { optionProblems } from './options.js';
import { runConformance } from './runConformance.js';
import type { ConformanceOptions } from './types.js';

const USAGE = `Usage: profilekit-conformance --base-url URL --cookie C1 --cookie C2 --cookie C3 --password PW
                              [--admin-cookie CA] [--timeout-ms N] [--total-timeout-ms N]
                              [--check-rate-limit] [--csrf-cookie NAME] [--csrf-header NAME]

Checks a live backend against profilekit's HTTP contract (docs/rest-contract.md). DESTRUCTIVE: it revokes
the test user's sessions and ends with revoke-all. Use a test environment and a test user.

  --base-url URL        the contract's base, e.g. https://staging.example.com/api
  --cookie VALUE        a full Cookie header of a sign-in of the test user (not an admin); three times,
                        three separate sign-ins; the first is "this device"
  --password PW         the test user's password (or the PROFILEKIT_CONFORMANCE_PASSWORD variable)
  --admin-cookie VALUE  a Cookie header of another user who is an admin: turns on the admin rules
  --timeout-ms N        per-request time limit (default 5000)
  --total-timeout-ms N  time limit for the whole run (default 60000)
  --check-rate-limit    kept for old scripts: the password limit is checked on every run (it locks
                        only the C2 session, as the contract counts wrong passwords per session)
  --csrf-cookie NAME    the readable CSRF cookie (default XSRF-TOKEN)
  --csrf-header NAME    the header that echoes it (default X-XSRF-TOKEN)

Exit status: 0 when every rule passed, 1 when one failed, 2 on bad arguments.`;

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
        'timeout-ms': { type: 'string' },
        'total-timeout-ms': { type: 'string' },
        'check-rate-limit': { type: 'boolean' },
        'csrf-cookie': { type: 'string' },
        'csrf-header': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    usageError((error as Error).message);
  }
}

function parse(): ConformanceOptions {
  const values = readArgs();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const cookies = values.cookie ?? [];
  const options = {
    baseUrl: values['base-url'] ?? '',
    cookies: cookies as unknown as [string, string, string],
    password: values.password ?? process.env.PROFILEKIT_CONFORMANCE_PASSWORD ?? '',
    ...(values['admin-cookie'] !== undefined ? { adminCookie: values['admin-cookie'] } : {}),
    ...(values['timeout-ms'] !== undefined ? { timeoutMs: integer(values['timeout-ms'], 'timeout-ms') } : {}),
    ...(values['total-timeout-ms'] !== undefined
      ? { totalTimeoutMs: integer(values['total-timeout-ms'], 'total-timeout-ms') }
      : {}),
    ...(values['check-rate-limit'] ? { checkRateLimit: true } : {}),
    ...(values['csrf-cookie'] !== undefined ? { csrfCookieName: values['csrf-cookie'] } : {}),
    ...(values['csrf-header'] !== undefined ? { csrfHeaderName: values['csrf-header'] } : {}),
  };
  const problems = optionProblems(options);
  if (problems.length > 0) usageError(problems.join('\n  '));
  return options;
}

// `profilekit-conformance … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 1);
  throw error;
});

const options = parse();
const report = await runConformance({ ...options, log: (line) => process.stdout.write(`${line}\n`) });
process.exitCode = report.failed > 0 ? 1 : 0;
