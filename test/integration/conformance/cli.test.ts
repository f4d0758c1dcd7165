import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../examples/server/seed.js';
import { KIT_RUN_GUARD_MS } from './kitRun.js';
import { listMutants } from './listMutants.js';
import { type Mutant, startReferenceServer } from './referenceServer.js';

const root = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(root, 'node_modules/.bin/tsx');
const BIN = path.join(root, 'src/conformance/bin.ts');
const { user, admin } = DEMO_CREDENTIALS;

/** Runs the CLI as a user would; async, since the server it talks to lives in this process. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [BIN, ...args], { cwd: root, timeout: KIT_RUN_GUARD_MS }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A fresh reference server with three sign-ins and an admin's, as CLI arguments. */
async function serverArgs(mutant?: Mutant) {
  const server = await startReferenceServer();
  const cookies = [];
  for (const agent of ['CLI C1', 'CLI C2', 'CLI C3'])
    cookies.push(await server.signIn(user.email, user.password, agent));
  const adminCookie = await server.signIn(admin.email, admin.password, 'CLI admin');
  server.setMutant(mutant);
  const args = ['--base-url', server.apiUrl, ...cookies.flatMap((c) => ['--cookie', c])];
  // Limits far above any answer: a loaded machine must not fail a run (the kit's own limits have tests).
  const limits = ['--timeout-ms', '60000', '--total-timeout-ms', '600000'];
  return { server, args: [...args, ...limits, '--password', user.password, '--admin-cookie', adminCookie] };
}

describe('profilekit-conformance (the CLI)', () => {
  it(
    'prints a line per rule and `N passed, 0 failed, …`, and exits 0, against the reference server',
    async () => {
      const { server, args } = await serverArgs();
      const { code, stdout } = await cli([...args, '--check-rate-limit']);
      await server.close();
      const lines = stdout.trim().split('\n');
      // Three sign-ins and an admin: the rules that need a fourth, a fifth and a sixth sign-in say so, and
      // are not counted as passed.
      expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed, 3 skipped, 0 not run$/);
      expect(lines.filter((line) => line.startsWith('⊘ '))).toEqual([
        expect.stringMatching(/^⊘ sign-out — skipped: it needs a fourth sign-in/),
        expect.stringMatching(/^⊘ not-me — skipped: it needs a sixth sign-in/),
        expect.stringMatching(/^⊘ admin-revoke-session — skipped: it needs a fifth sign-in/),
      ]);
      expect(lines).toContain('✔ unknown-id-404');
      expect(lines.some((line) => line.startsWith('✔ rate-limit — C2 locked after'))).toBe(true);
      expect(lines).toContain('✔ lockout-per-session — C3 is not locked by C2');
      expect(code).toBe(0);
    },
    KIT_RUN_GUARD_MS,
  );

  it(
    'prints what broke with the exchange, and exits 1, against a mutant',
    async () => {
      const mutant = listMutants.find((m) => m.breaks === 'unknown-id-404')?.mutant();
      const { server, args } = await serverArgs(mutant);
      const { code, stdout } = await cli(args);
      await server.close();
      expect(stdout).toMatch(
        /✖ unknown-id-404 — revoking a random id with the right password: expected 404 \{"code":"NOT_FOUND","message":…\}, got 204 with an empty body\n {4}POST \/api\/sessions\/ses_doesnotexist[0-9a-f]+\/revoke \(as C1, CSRF header sent, body \{"password":"•••"\}\)\n {4}← 204/,
      );
      expect(stdout.trim().split('\n').at(-1)).toMatch(
        /^\d+ passed, [1-9]\d* failed, \d+ skipped, \d+ not run$/,
      );
      expect(stdout).not.toContain(user.password);
      expect(code).toBe(1);
    },
    KIT_RUN_GUARD_MS,
  );

  it(
    'exits 2 with the usage on bad arguments',
    async () => {
      const twoCookies = await cli([
        '--base-url',
        'http://127.0.0.1:9/api',
        '--cookie',
        'a=1',
        '--cookie',
        'b=2',
      ]);
      expect(twoCookies.code).toBe(2);
      expect(twoCookies.stderr).toContain('three to six cookies');
      expect(twoCookies.stderr).toContain('Usage: profilekit-conformance');
      const both = await cli(['--base-url', 'http://127.0.0.1:9/api', '--activity', '--no-activity']);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('give --activity or --no-activity, not both');
      const unknownFlag = await cli(['--base-url', 'http://127.0.0.1:9/api', '--frobnicate']);
      expect(unknownFlag.code).toBe(2);
      expect(unknownFlag.stderr).toContain('--frobnicate');
    },
    KIT_RUN_GUARD_MS,
  );
});
