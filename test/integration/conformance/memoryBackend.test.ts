// profilekit/memory is the real handler over the memory store (issue 20): the conformance kit, pointed at
// it through its in-process fetch, passes every rule, the password ones included.
import { describe, expect, it } from 'vitest';
import { RULE_NAMES, runConformance } from '../../../src/conformance/index.js';
import { createMemoryBackend } from '../../../src/memory/createMemoryBackend.js';
import { failures, LOADED_MACHINE_LIMITS } from './kitRun.js';

const PASSWORD = 'correct horse battery';

async function memoryServer(passwordRequirements: 'required' | 'none') {
  const backend = createMemoryBackend({
    users: [
      { id: 'usr_ana', email: 'ana@example.com', password: PASSWORD },
      { id: 'usr_admin', email: 'admin@example.com', password: PASSWORD, role: 'admin' },
    ],
    passwordRequirements: {
      revokeSession: passwordRequirements,
      revokeOtherSessions: passwordRequirements,
      revokeAllSessions: passwordRequirements,
    },
  });
  const signIn = (email: string, userAgent: string) =>
    backend.cookieFor(backend.signIn({ email, password: PASSWORD, userAgent }).sessionId);
  const cookies = [];
  for (const label of ['C1', 'C2', 'C3 (École)', 'C4', 'C5', 'C6'])
    cookies.push(await signIn('ana@example.com', `Kit ${label}`));
  const adminCookie = await signIn('admin@example.com', 'Kit admin');
  return { backend, cookies, adminCookie };
}

/** The kit over the memory backend's in-process fetch, as the test user and the admin. */
const kitAgainst = ({ backend, cookies, adminCookie }: Awaited<ReturnType<typeof memoryServer>>) =>
  runConformance({
    baseUrl: backend.baseUrl,
    fetch: backend.fetch,
    cookies,
    adminCookie,
    password: PASSWORD,
    ...LOADED_MACHINE_LIMITS,
  });

describe('the conformance kit against profilekit/memory', () => {
  it('passes every rule, with the password asked for', async () => {
    const report = await kitAgainst(await memoryServer('required'));
    expect(failures(report)).toEqual([]);
    expect(report.results.map((r) => r.rule)).toEqual(RULE_NAMES);
    expect(report.results.filter((r) => r.status !== 'passed')).toEqual([]);
  });

  it('passes with the memory backend’s default of no password, the password rules marked skipped', async () => {
    const report = await kitAgainst(await memoryServer('none'));
    expect(failures(report)).toEqual([]);
    expect(report.results.filter((r) => r.status === 'skipped').map((r) => r.rule)).toContain(
      'wrong-password-422',
    );
  });
});
