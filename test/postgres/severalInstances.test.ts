// Two instances of the host in this process over one PostgreSQL schema (each with its own pool, store,
// event bus and users): concurrent revokes across them end each session exactly once (and the log records
// each sign-in and each end once), the rate limit on
// wrong passwords is one limit across both, freshness is read from the shared row, and the conformance
// kit passes against the PostgreSQL store.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/conformance/index.js';
import type { SessionEvent } from '../../src/server/events.js';
import { createPostgresEventBus } from '../../src/server/postgres/index.js';
import { LOADED_MACHINE_LIMITS } from '../integration/conformance/kitRun.js';
import {
  ADMIN,
  type Device,
  listedIds,
  pause,
  requirePostgresUrl,
  signInDevice,
  USER,
  waitFor,
} from './helpers.js';
import { type Instance, type InstanceOptions, startInstance } from './instance.js';

const url = requirePostgresUrl('test/postgres/severalInstances.test.ts');
const run = randomBytes(4).toString('hex');
const schema = `profilekit_several_${run}`;
const channel = `profilekit_several_events_${run}`;
const maintenance = new pg.Pool({ connectionString: url, max: 2 });
const started: Instance[] = [];

async function pair(options: Partial<InstanceOptions> = {}): Promise<[Instance, Instance]> {
  const one = await startInstance({ url, schema, channel, ...options });
  started.push(one);
  const two = await startInstance({ url, schema, channel, ...options });
  started.push(two);
  await one.store.ready();
  return [one, two];
}

const reset = () =>
  maintenance.query(
    `TRUNCATE "${schema}".profilekit_sessions, "${schema}".profilekit_attempts, "${schema}".profilekit_activity`,
  );

/** Ana's live sessions as each instance's admin list shows them (sorted ids), straight from the handler. */
async function adminListed(admin: Device, instance: Instance) {
  const response = await admin.get('/api/admin/sessions?userId=usr_ana&limit=1000', instance.origin);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { sessions: { id: string }[]; total: number };
  expect(body.total).toBe(body.sessions.length);
  return body.sessions.map((s) => s.id).sort();
}

async function storedIds(): Promise<string[]> {
  const { rows } = await maintenance.query(
    `SELECT id FROM "${schema}".profilekit_sessions WHERE user_id = 'usr_ana' ORDER BY id`,
  );
  return rows.map((r: { id: string }) => r.id).sort();
}

type EndedEvent = Extract<SessionEvent, { type: 'session.ended' }>;

/**
 * One round: 8 devices of the demo user signed in across both instances; device i revokes device i+1 (a
 * ring), through one instance or the other, all at the same moment, while one of them also revokes all its
 * others. Afterwards every answer, every ended event and what both instances list add up exactly.
 */
async function race(instances: [Instance, Instance], round: number, ended: EndedEvent[]): Promise<string> {
  await reset();
  ended.length = 0;
  const [one, two] = instances;
  const admin = await signInDevice(one.origin, `Admin round ${round}`, ADMIN);
  const devices: Device[] = [];
  for (let i = 0; i < 8; i++) {
    devices.push(await signInDevice((i % 2 === 0 ? one : two).origin, `Device ${i} round ${round}`));
  }
  const all = devices.map((d) => d.id).sort();
  expect(await adminListed(admin, one)).toEqual(all);
  expect(await adminListed(admin, two)).toEqual(all);

  const singles = devices.map((by, i) => ({
    by,
    target: devices[(i + 1) % 8] as Device,
    via: instances[(i + round) % 2] as Instance,
  }));
  const othersBy = devices[(3 * round) % 8] as Device;
  const othersVia = round % 2 === 0 ? two : one;
  const [singleAnswers, othersAnswer] = await Promise.all([
    Promise.all(
      singles.map((s) =>
        s.by.post(`/api/sessions/${s.target.id}/revoke`, { password: USER.password }, s.via.origin),
      ),
    ),
    othersBy.post('/api/sessions/revoke-others', { password: USER.password }, othersVia.origin),
  ]);
  const statuses = singleAnswers.map((r) => r.status);
  for (const answer of singleAnswers) await answer.body?.cancel();
  const othersBody = (await othersAnswer.json()) as { revokedCount?: number; code?: string };

  for (const status of statuses) expect([204, 404, 401, 429]).toContain(status);
  expect([200, 401, 429]).toContain(othersAnswer.status);
  const revokedCount = othersAnswer.status === 200 ? (othersBody.revokedCount as number) : 0;
  const successes = statuses.filter((s) => s === 204).length + revokedCount;

  // What is left, as both instances and the table itself see it.
  const remaining = await adminListed(admin, one);
  expect(await adminListed(admin, two)).toEqual(remaining);
  expect(await storedIds()).toEqual(remaining);
  const gone = all.filter((id) => !remaining.includes(id));
  // No lost session (every one gone was ended by an answer that said so) and no phantom (no answer
  // claims a session that is still there, nor do two answers claim the same one).
  expect(successes).toBe(gone.length);

  await waitFor(() => ended.length >= gone.length, 'an ended event for each session gone');
  await pause(200);
  expect(ended.map((e) => e.sessionId).sort()).toEqual(gone);
  singles.forEach((s, i) => {
    const event = ended.find((e) => e.sessionId === s.target.id);
    if (statuses[i] === 204) expect(event).toMatchObject({ cause: 'revoked', bySessionId: s.by.id });
    if (statuses[i] === 404) expect(gone).toContain(s.target.id);
    if (statuses[i] === 401) expect(gone).toContain(s.by.id);
  });
  // The log, written by both instances: one sign-in per device and one end per session gone, never two —
  // a live session's sign-in in its row, an ended one's moved into the log table, never in both.
  const { rows: logged } = await maintenance.query(
    `SELECT kind, session_id FROM "${schema}".profilekit_activity WHERE user_id = 'usr_ana' AND session_id IS NOT NULL
     UNION ALL
     SELECT 'signed-in', id FROM "${schema}".profilekit_sessions WHERE user_id = 'usr_ana' AND sign_in_id IS NOT NULL`,
  );
  const entriesOf = (kind: string) =>
    logged
      .filter((r: { kind: string }) => r.kind === kind)
      .map((r: { session_id: string }) => r.session_id)
      .sort();
  expect(entriesOf('signed-in')).toEqual(all);
  expect(entriesOf('revoked')).toEqual(gone);
  expect(logged.length).toBe(all.length + gone.length);
  const byOthers = ended.filter((e) => e.cause === 'revoked-others');
  expect(byOthers.length).toBe(revokedCount);
  for (const e of byOthers) {
    expect(e.bySessionId).toBe(othersBy.id);
    expect(e.sessionId).not.toBe(othersBy.id);
  }

  // Every device agrees on both instances: the live ones list exactly what is left, the others are out.
  for (const device of devices) {
    for (const instance of instances) {
      expect(await listedIds(device, instance.origin)).toEqual(
        remaining.includes(device.id) ? remaining : 401,
      );
    }
  }
  const count = (s: number) => statuses.filter((x) => x === s).length;
  return (
    `round ${round}: 204×${count(204)} 404×${count(404)} 401×${count(401)} 429×${count(429)}, ` +
    `revoke-others ${othersAnswer.status}${othersAnswer.status === 200 ? ` (${revokedCount})` : ''}, ` +
    `${remaining.length} left`
  );
}

afterAll(async () => {
  for (const instance of started) await instance.close();
  await maintenance.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await maintenance.end();
});

describe('several instances over one PostgreSQL schema', () => {
  let one: Instance;
  let two: Instance;
  beforeAll(async () => {
    [one, two] = await pair();
  });
  beforeEach(reset);

  it('ends each session exactly once when 8 devices across both instances revoke each other at the same moment', async () => {
    const observer = createPostgresEventBus(maintenance, { channel });
    const ended: EndedEvent[] = [];
    observer.subscribe((event) => {
      if (event.type === 'session.ended') ended.push(event);
    });
    await observer.ready();
    const tallies: string[] = [];
    try {
      // As deployed: the password limiter counts every attempt before checking it, so of 9 concurrent
      // right passwords those past the 5th may answer 429 (nothing changed) — the sums hold all the same.
      for (let round = 0; round < 2; round++)
        tallies.push(`default limiter, ${await race([one, two], round, ended)}`);
      // A limiter that lets all 9 through: every request reaches the shared table at the same moment.
      const roomy = await pair({ passwordAttempts: { perSession: 100, perUser: 100 } });
      for (let round = 0; round < 3; round++) {
        const tally = await race(roomy, round, ended);
        expect(tally).toContain('429×0,');
        expect(tally).not.toContain('revoke-others 429');
        tallies.push(`roomy limiter, ${tally}`);
      }
    } finally {
      await observer.close();
      console.log(`concurrent revokes across two instances:\n  ${tallies.join('\n  ')}`);
    }
  }, 90_000);

  it("counts a session's wrong passwords across both instances: 5 answer 422, the 6th on either is 429, and the owner still signs it out", async () => {
    const device = await signInDevice(one.origin, 'Guesser');
    const target = await signInDevice(two.origin, 'Target');
    const via = (k: number) => (k % 2 === 0 ? one : two).origin;
    for (let k = 0; k < 5; k++) {
      const answer = await device.post(
        `/api/sessions/${target.id}/revoke`,
        { password: `wrong ${k}` },
        via(k),
      );
      expect(answer.status).toBe(422);
      expect(await answer.json()).toMatchObject({ code: 'INVALID_PASSWORD' });
    }
    for (const instance of [two, one]) {
      const answer = await device.post(
        `/api/sessions/${target.id}/revoke`,
        { password: 'wrong' },
        instance.origin,
      );
      expect(answer.status).toBe(429);
      expect(await answer.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.any(String) });
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    // The guessing session is locked on both, the right password too, and nothing was revoked.
    const right = await device.post(
      `/api/sessions/${target.id}/revoke`,
      { password: USER.password },
      two.origin,
    );
    expect(right.status).toBe(429);
    await right.body?.cancel();
    expect(await listedIds(device, one.origin)).toEqual([device.id, target.id].sort());
    // The owner's other session is not locked: it signs the guesser out, and a new sign-in works.
    const owner = await target.post(
      `/api/sessions/${device.id}/revoke`,
      { password: USER.password },
      one.origin,
    );
    expect(owner.status).toBe(204);
    expect(await listedIds(device, two.origin)).toBe(401);
    await signInDevice(one.origin, 'Late sign-in');
  });

  it('passes the conformance kit against instance 1, with sign-ins spread over both instances', async () => {
    const cookies = [
      (await signInDevice(one.origin, 'Conformance C1 (this device)')).cookie(),
      (await signInDevice(two.origin, 'Conformance C2')).cookie(),
      (await signInDevice(one.origin, 'Conformance C3')).cookie(),
      // A fourth, a fifth and a sixth sign-in turn on the sign-out, the admin's revoke and the not-me
      // rules: nothing skipped.
      (await signInDevice(two.origin, 'Conformance C4')).cookie(),
      (await signInDevice(one.origin, 'Conformance C5')).cookie(),
      (await signInDevice(two.origin, 'Conformance C6')).cookie(),
    ] as const;
    const adminCookie = (await signInDevice(two.origin, 'Conformance admin', ADMIN)).cookie();
    const report = await runConformance({
      baseUrl: one.apiUrl,
      cookies,
      password: USER.password,
      adminCookie,
      ...LOADED_MACHINE_LIMITS,
    });
    expect(report.results.filter((r) => r.status !== 'passed')).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(report.results.length);
    expect(report.results.map((r) => r.rule)).toContain('rate-limit');
    // The kit ended every session of the test user, in the shared table.
    expect(await storedIds()).toEqual([]);
  });
});

describe('freshness across instances', () => {
  it('goes stale on both instances, and a re-authentication on one is fresh on the other', async () => {
    await reset();
    let clock = Date.now();
    const [a, b] = await pair({
      now: () => clock,
      sessions: { freshness: { maxAgeMs: 60_000, actions: ['listSessions'] } },
    });
    const device = await signInDevice(a.origin, 'Fresh device');
    const other = await signInDevice(b.origin, 'Other device');
    const both = [device.id, other.id].sort();
    expect(await listedIds(device, a.origin)).toEqual(both);
    expect(await listedIds(device, b.origin)).toEqual(both);

    clock += 61_000;
    for (const instance of [a, b]) {
      const stale = await device.get('/api/sessions', instance.origin);
      expect(stale.status).toBe(403);
      expect(await stale.json()).toMatchObject({ code: 'REAUTH_REQUIRED' });
    }
    const wrong = await device.post('/api/sessions/reauthenticate', { password: 'nope' }, a.origin);
    expect(wrong.status).toBe(422);
    await wrong.body?.cancel();
    expect(await listedIds(device, b.origin)).toBe(403);

    const reauth = await device.post('/api/sessions/reauthenticate', { password: USER.password }, a.origin);
    expect(reauth.status).toBe(204);
    expect(await listedIds(device, b.origin)).toEqual(both);
    expect(await listedIds(device, a.origin)).toEqual(both);
    // Freshness belongs to the session: the other device is still stale, on both.
    expect(await listedIds(other, a.origin)).toBe(403);
    expect(await listedIds(other, b.origin)).toBe(403);

    clock += 61_000;
    expect(await listedIds(device, b.origin)).toBe(403);
  });
});
