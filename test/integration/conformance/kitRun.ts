import { expect } from 'vitest';
import type { AppOptions } from '../../../examples/server/createApp.js';
import { DEMO_CREDENTIALS } from '../../../examples/server/seed.js';
import {
  type ConformanceOptions,
  type ConformanceReport,
  runConformance,
} from '../../../src/conformance/index.js';
import type { MutantCase } from './mutantHelpers.js';
import { type Mutant, startReferenceServer } from './referenceServer.js';

const { user, admin } = DEMO_CREDENTIALS;

export interface KitRun {
  /** Installed after the sign-ins, so only the kit's requests meet it. */
  mutant?: Mutant;
  app?: Pick<AppOptions, 'sessions'>;
  kit?: Partial<ConformanceOptions>;
}

/**
 * A fresh reference server (the kit ends every session it is given), six sign-ins of the demo user and
 * one of the admin, then the kit, counting its requests. The server is closed before this resolves.
 */
export async function runKit({ mutant, app, kit }: KitRun = {}) {
  const server = await startReferenceServer(app);
  try {
    // Six sign-ins, as --sign-in makes: the fourth signs itself out, the admin ends the fifth, C1 reports
    // the sixth as not the user's.
    const cookies = [
      await server.signIn(user.email, user.password, 'Conformance C1 (this device)'),
      await server.signIn(user.email, user.password, 'Conformance C2'),
      await server.signIn(user.email, user.password, 'Conformance C3 (École)'),
      await server.signIn(user.email, user.password, 'Conformance C4'),
      await server.signIn(user.email, user.password, 'Conformance C5'),
      await server.signIn(user.email, user.password, 'Conformance C6'),
    ];
    const adminCookie = await server.signIn(admin.email, admin.password, 'Conformance admin');
    server.setMutant(mutant);
    let requests = 0;
    const report = await runConformance({
      baseUrl: server.apiUrl,
      cookies,
      password: user.password,
      adminCookie,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
      ...LOADED_MACHINE_LIMITS,
      ...kit,
    });
    return { report, requests, cookies, adminCookie };
  } finally {
    await server.close();
  }
}

/** What went wrong: failed rules, and rules that could not run because something broke first. */
/**
 * The kit's own limits guard a real backend's hangs; in the tests several runs share a machine loaded by
 * other work, so they are ceilings far above any answer (the tests of the limits pass their own).
 */
export const LOADED_MACHINE_LIMITS = { timeoutMs: 60_000, totalTimeoutMs: 600_000 } as const;

/**
 * The guard for one kit run among several at once (describe.concurrent runs five): a hang's ceiling on a
 * machine busy with other work, never a speed check.
 */
export const KIT_RUN_GUARD_MS = 300_000;

export const failures = (report: ConformanceReport) =>
  report.results.filter((result) => result.status === 'failed' || result.status === 'not-run');

/** Runs the kit against one mutant and expects the rule it breaks among the failures, with a reason. */
export async function expectCaught({ mutant, breaks }: MutantCase) {
  const { report } = await runKit({ mutant: mutant() });
  const failure = failures(report).find((result) => result.rule === breaks);
  expect(failures(report).map((result) => result.rule)).toContain(breaks);
  expect(failure?.detail).toEqual(expect.any(String));
  return report;
}
