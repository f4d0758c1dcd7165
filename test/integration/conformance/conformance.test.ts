import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../examples/server/seed.js';
import {
  type ConformanceReport,
  MAX_REQUESTS,
  RULE_NAMES,
  runConformance,
} from '../../../src/conformance/index.js';
import { RULES } from '../../../src/conformance/rules/index.js';
import { accountMutants } from './accountMutants.js';
import { activityMutants } from './activityMutants.js';
import { failures, LOADED_MACHINE_LIMITS, runKit } from './kitRun.js';
import { listMutants } from './listMutants.js';
import { type Mutant, startReferenceServer } from './referenceServer.js';
import { revokeMutants } from './revokeMutants.js';

const { user } = DEMO_CREDENTIALS;
// The rules that need an admin cookie (admin-revoke-session needs one and a fifth sign-in).
const ADMIN_RULES = RULES.filter((rule) => rule.needs === 'admin').map((rule) => rule.name);

describe('the conformance kit against the reference server', () => {
  it('passes every rule, runs each of them in order, within its request budget', async () => {
    const { report, requests } = await runKit();
    expect(failures(report)).toEqual([]);
    expect(report.results.map((result) => result.rule)).toEqual(RULE_NAMES);
    expect(report).toMatchObject({ passed: RULE_NAMES.length, failed: 0, skipped: 0, notRun: 0 });
    expect(requests).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(report.requests).toBe(requests);
  });

  it('takes the CSRF token from GET /sessions when the cookies lack it, and shows what it skipped without an admin or a fourth, fifth and sixth sign-in', async () => {
    const server = await startReferenceServer();
    const withoutCsrf = async (agent: string) =>
      (await server.signIn(user.email, user.password, agent))
        .split('; ')
        .filter((pair) => !pair.startsWith('XSRF-TOKEN='))
        .join('; ');
    const cookies = [await withoutCsrf('C1'), await withoutCsrf('C2'), await withoutCsrf('C3')] as const;
    const lines: string[] = [];
    const report = await runConformance({
      baseUrl: server.apiUrl,
      cookies,
      password: user.password,
      log: (line) => lines.push(line),
      ...LOADED_MACHINE_LIMITS,
    });
    await server.close();
    expect(failures(report)).toEqual([]);
    // Every rule is reported; the ones this run could not do are skipped, never counted as passed.
    expect(report.results.map((result) => result.rule)).toEqual(RULE_NAMES);
    const skipped = report.results
      .filter((result) => result.status === 'skipped')
      .map((result) => result.rule);
    expect(skipped.sort()).toEqual([...ADMIN_RULES, 'sign-out', 'admin-revoke-session', 'not-me'].sort());
    expect(report.passed).toBe(RULE_NAMES.length - skipped.length);
    expect(lines).toContain(
      '⊘ sign-out — skipped: it needs a fourth sign-in of the test user (a fourth --cookie, or --sign-in)',
    );
    expect(lines.at(-1)).toBe(`${report.passed} passed, 0 failed, ${skipped.length} skipped, 0 not run`);
  });

  it('passes a server that asks for no password, with the password rules marked skipped', async () => {
    const none = { revokeSession: 'none', revokeOtherSessions: 'none', revokeAllSessions: 'none' } as const;
    const { report } = await runKit({ app: { sessions: { passwordRequirements: none } } });
    expect(failures(report)).toEqual([]);
    expect(
      report.results.filter((result) => result.status === 'skipped').map((result) => result.rule),
    ).toEqual(['wrong-password-422', 'rate-limit', 'lockout-per-session', 'password-before-revoke-others']);
    expect(report.passed).toBe(RULE_NAMES.length - 4);
  });

  // The optional activity part: its rules, and a server that does not serve it (every route 404).
  const ACTIVITY_RULES = RULES.filter((rule) =>
    ['activity', 'not-me', 'admin-activity'].includes(rule.section),
  ).map((rule) => rule.name);
  const noActivity: Mutant = (next) => (request) =>
    /\/(sessions\/activity|sessions\/[^/]+\/not-me|admin\/activity)$/.test(new URL(request.url).pathname)
      ? Response.json({ code: 'NOT_FOUND', message: 'No such endpoint.' }, { status: 404 })
      : next(request);
  const outcome = (report: ConformanceReport, rules: readonly string[]) =>
    report.results
      .filter((result) => rules.includes(result.rule))
      .map((result) => [result.rule, result.status]);

  it('skips the activity rules as not offered when the log is 404, and passes the rest', async () => {
    const { report } = await runKit({ mutant: noActivity });
    expect(failures(report)).toEqual([]);
    expect(outcome(report, ACTIVITY_RULES)).toEqual(ACTIVITY_RULES.map((rule) => [rule, 'skipped']));
    expect(report.results.find((result) => result.rule === 'activity-shape')?.detail).toBe(
      'skipped: GET /sessions/activity is 404 (the activity log is optional)',
    );
  });

  it('fails activity-shape on a 404 when told the backend serves the log (activity: true), and does not run the rest', async () => {
    const { report } = await runKit({ mutant: noActivity, kit: { activity: true } });
    const [shape, ...rest] = ACTIVITY_RULES;
    expect(outcome(report, ACTIVITY_RULES)).toEqual([
      [shape, 'failed'],
      ...rest.map((rule) => [rule, 'not-run']),
    ]);
    expect(failures(report).map((result) => result.rule)).toEqual(ACTIVITY_RULES);
  });

  it('skips the activity rules without asking when told not to check them (activity: false)', async () => {
    const asked: string[] = [];
    const { report } = await runKit({
      mutant: (next) => (request) => {
        asked.push(new URL(request.url).pathname);
        return next(request);
      },
      kit: { activity: false },
    });
    expect(failures(report)).toEqual([]);
    expect(outcome(report, ACTIVITY_RULES)).toEqual(ACTIVITY_RULES.map((rule) => [rule, 'skipped']));
    expect(asked.filter((path) => /activity|not-me/.test(path))).toEqual([]);
  });

  it('never prints a cookie value or the password, and names the exchange that broke a rule', async () => {
    const leak = listMutants.find((m) => m.breaks === 'no-token-in-list');
    const { report, cookies, adminCookie } = await runKit({ mutant: leak?.mutant() });
    const result = report.results.find((r) => r.rule === 'no-token-in-list');
    expect(result).toMatchObject({ ok: false, detail: expect.stringContaining("C1's pk_session cookie") });
    expect(result?.exchange).toMatch(
      /GET \/api\/sessions \(as C1\)\n\s+← 200 · content-type: application\/json/,
    );
    expect(result?.exchange).toContain("‹C1's pk_session cookie›");
    const printed = JSON.stringify(report);
    for (const cookie of [...cookies, adminCookie]) {
      const token = /pk_session=([^;]+)/.exec(cookie)?.[1] ?? 'missing';
      expect(printed).not.toContain(token);
    }
    expect(printed).not.toContain(user.password);
  });

  // A server that never answers: every limit below fires because nothing came, never because the machine
  // was slow, so the outcome is the same on a quiet laptop and a loaded CI runner.
  const hang: Mutant = () => (request) =>
    new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });

  it('gives up on a request with no answer after its per-request limit, and stops when told to', async () => {
    const stop = new AbortController();
    const { report } = await runKit({
      mutant: hang,
      kit: {
        timeoutMs: 150,
        totalTimeoutMs: 600_000,
        signal: stop.signal,
        // The first rule's verdict ends the run: every later rule is "not run".
        log: () => stop.abort(),
      },
    });
    expect(report.results[0]?.detail).toContain('no answer within 150 ms');
    expect(report.results.slice(1).map((result) => result.status)).toEqual(
      report.results.slice(1).map(() => 'not-run'),
    );
    expect(report.failed + report.notRun).toBe(report.results.length);
  });

  it('keeps to the global time limit when a request would wait longer', async () => {
    const { report } = await runKit({ mutant: hang, kit: { timeoutMs: 600_000, totalTimeoutMs: 200 } });
    expect(report.results[0]?.detail).toContain('the global time limit ran out');
    expect(report.results.every((result) => !result.ok)).toBe(true);
  });

  it('refuses options it cannot run', async () => {
    const base = { baseUrl: 'http://127.0.0.1:9/api', password: 'pw' };
    await expect(runConformance({ ...base, cookies: ['a=1', 'b=2'] as never })).rejects.toThrow(
      /three to six cookies/,
    );
    await expect(
      runConformance({ ...base, baseUrl: 'nope', cookies: ['a=1', 'a=2', 'a=3'] }),
    ).rejects.toThrow(TypeError);
  });
});

describe('the mutants', () => {
  // Each rule must be shown to bite: listMutants.test.ts, revokeMutants.test.ts, accountMutants.test.ts and
  // activityMutants.test.ts run them.
  it('break every rule at least once', () => {
    const mutants = [...listMutants, ...revokeMutants, ...accountMutants, ...activityMutants];
    expect(RULE_NAMES.filter((rule) => !mutants.some((m) => m.breaks === rule))).toEqual([]);
  });
});

describe('docs/conformance.md', () => {
  const page = readFileSync(new URL('../../../docs/conformance.md', import.meta.url), 'utf8');
  const table = page.slice(page.indexOf('## The rules'), page.indexOf('## CSRF'));
  const rows = [
    ...table.matchAll(/^\| `([a-z0-9-]+)` \|.*\(\[§\]\(rest-contract\.md#([a-z0-9-]+)\)\) \| (.+) \|$/gm),
  ];
  const contract = readFileSync(new URL('../../../docs/rest-contract.md', import.meta.url), 'utf8');

  it('lists every rule of the kit, in the order they run, with the section each checks', () => {
    expect(rows.map(([, rule, section]) => [rule, section])).toEqual(
      RULES.map((rule) => [rule.name, rule.section]),
    );
  });

  it("names each section as a heading of docs/rest-contract.md (GitHub's anchors)", () => {
    const anchors = new Set(
      [...contract.matchAll(/^#{2,4} (.+)$/gm)].map(([, heading]) =>
        (heading ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    expect(RULES.map((rule) => rule.section).filter((section) => !anchors.has(section))).toEqual([]);
  });

  it('says what each rule needs beyond three sign-ins, as the kit does', () => {
    const needs = {
      admin: 'admin',
      fourth: 'a fourth sign-in',
      fifth: 'a fifth sign-in and an admin',
      sixth: 'a sixth sign-in',
    };
    expect(rows.map(([, rule, , need]) => [rule, need])).toEqual(
      RULES.map((rule) => [rule.name, rule.needs ? needs[rule.needs] : '—']),
    );
  });

  it('states the request budget the kit keeps', () => {
    expect(page).toContain(`at most ${MAX_REQUESTS} requests`);
  });
});
