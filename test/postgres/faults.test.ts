// PostgreSQL stopped and started again under a running instance. The cluster is this file's own
// (privateCluster.ts): the shared one must stay up for the other files. While the database is away every
// contract request answers 503 UNAVAILABLE within a few seconds — never a hang, never a 500 — and nothing
// changes; once it is back, sessions work as before (none lost, none brought back), and the event bus
// LISTENs again, so a revoke reaches a new event stream.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EventStream,
  listedIds,
  openEventStream,
  pause,
  requirePostgresUrl,
  signInDevice,
  USER,
} from './helpers.js';
import { type Instance, startInstance } from './instance.js';
import { createPrivateCluster, type PrivateCluster } from './privateCluster.js';

// This file runs on a cluster of its own, but only inside the postgres run (never a silent skip).
requirePostgresUrl('test/postgres/faults.test.ts');
const run = randomBytes(4).toString('hex');
// Requests must give up on an unreachable database quickly (pg waits forever by default).
const CONNECTION_TIMEOUT_MS = 2_000;

let cluster: PrivateCluster;
let instance: Instance;
const handlerErrors: unknown[] = [];
const busErrors: Error[] = [];
const streams: EventStream[] = [];

beforeAll(async () => {
  cluster = await createPrivateCluster();
  instance = await startInstance({
    url: cluster.url,
    schema: `profilekit_faults_${run}`,
    channel: `profilekit_faults_events_${run}`,
    pool: { max: 6, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS },
    bus: { reconnectDelayMs: { min: 50, max: 1_000 }, onError: (error) => busErrors.push(error) },
    // Keep-alives every half second show what an open stream does while the database is away.
    sessions: { eventStreams: { heartbeatMs: 500 }, onError: (error) => handlerErrors.push(error) },
  });
}, 90_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await instance?.close();
  await cluster?.remove();
}, 60_000);

/** Sends a request and times it. */
async function timed(send: () => Promise<Response>) {
  const began = performance.now();
  const response = await send();
  const text = await response.text();
  return { response, status: response.status, text, ms: performance.now() - began };
}

const expectUnavailable = (answer: Awaited<ReturnType<typeof timed>>) => {
  expect(answer.status, answer.text).toBe(503);
  expect(JSON.parse(answer.text)).toEqual({ code: 'UNAVAILABLE', message: expect.any(String) });
  expect(answer.response.headers.get('cache-control')).toBe('no-store');
};

describe('PostgreSQL stopped and restarted under a running instance', () => {
  it('answers 503 while it is down, changes nothing, and works again once it is back', async () => {
    const keeper = await signInDevice(instance.origin, 'Keeper (Firefox)');
    const doomed = await signInDevice(instance.origin, 'Doomed (Safari)');
    const target = await signInDevice(instance.origin, 'Target (Chrome)');
    // Revoked before the stop: must stay revoked after the restart.
    const revokedBefore = await keeper.post(`/api/sessions/${doomed.id}/revoke`, { password: USER.password });
    expect(revokedBefore.status).toBe(204);
    expect(await listedIds(doomed)).toBe(401);

    const oldStream = await openEventStream(keeper);
    streams.push(oldStream);
    expect(oldStream.status).toBe(200);
    await instance.events.ready();
    const late = await signInDevice(instance.origin, 'Late (Edge)');
    await oldStream.next((e) => e.event === 'session.started' && e.data.sessionId === late.id);
    const before = [keeper.id, target.id, late.id].sort();
    expect(await listedIds(keeper)).toEqual(before);

    // Down.
    const stopBegan = performance.now();
    await cluster.stop();
    const stopMs = performance.now() - stopBegan;
    const streamBefore = { events: oldStream.events.length, keepAlives: keepAlives(oldStream) };

    const outage: string[] = [];
    for (let i = 0; i < 3; i++) {
      const list = await timed(() => keeper.get('/api/sessions'));
      expectUnavailable(list);
      outage.push(`GET /api/sessions ${list.status} in ${list.ms.toFixed(0)} ms`);
    }
    const revoke = await timed(() =>
      keeper.post(`/api/sessions/${target.id}/revoke`, { password: USER.password }),
    );
    expectUnavailable(revoke);
    outage.push(`POST revoke ${revoke.status} in ${revoke.ms.toFixed(0)} ms`);
    const others = await timed(() => keeper.post('/api/sessions/revoke-others', { password: USER.password }));
    expectUnavailable(others);
    const all = await timed(() => keeper.post('/api/sessions/revoke-all', { password: USER.password }));
    expectUnavailable(all);
    const signOut = await timed(() => keeper.post('/api/sessions/sign-out', {}));
    expectUnavailable(signOut);
    const newStream = await timed(() => keeper.get('/api/sessions/events'));
    expectUnavailable(newStream);
    // A 503 does not clear the session cookie: the device is still signed in once the database is back.
    expect(keeper.cookie()).toContain('pk_session=');
    // The demo's own sign-in form (host code, not the contract): noted, not asserted.
    const hostSignIn = await timed(() =>
      keeper.post('/api/auth/sign-in', { email: USER.email, password: USER.password }),
    );
    outage.push(`host POST /api/auth/sign-in ${hostSignIn.status} in ${hostSignIn.ms.toFixed(0)} ms`);

    // The stream opened before the stop: held in this process, it stays open and keeps sending keep-alives.
    await pause(1_500);
    const streamDuring = {
      open: oldStream.closedAt === null,
      newEvents: oldStream.events.length - streamBefore.events,
      keepAlives: keepAlives(oldStream) - streamBefore.keepAlives,
      error: oldStream.error,
    };
    expect(streamDuring.open).toBe(true);
    expect(streamDuring.newEvents).toBe(0);
    expect(streamDuring.keepAlives).toBeGreaterThan(0);
    expect(busErrors.length).toBeGreaterThan(0);
    expect(handlerErrors.length).toBeGreaterThan(0);

    // Back up, same folder, same port.
    const startBegan = performance.now();
    await cluster.start();
    const startedAt = performance.now();
    const startMs = startedAt - startBegan;
    const firstAfter = await timed(() => keeper.get('/api/sessions'));
    expect(firstAfter.status, firstAfter.text).toBe(200);
    // Nothing changed while it was down, none lost, none brought back.
    expect(await listedIds(keeper)).toEqual(before);
    expect(await listedIds(target)).toEqual(before);
    expect(await listedIds(doomed)).toBe(401);

    // The bus LISTENs again (it retries with backoff, here at most 1 s apart).
    await Promise.race([
      instance.events.ready(),
      pause(10_000).then(() => {
        throw new Error('the event bus did not LISTEN again within 10 s of the restart');
      }),
    ]);
    const relistenMs = performance.now() - startedAt;

    const freshStream = await openEventStream(keeper);
    streams.push(freshStream);
    expect(freshStream.status).toBe(200);
    const targetStream = await openEventStream(target);
    streams.push(targetStream);
    const revokeAfter = await keeper.post(`/api/sessions/${target.id}/revoke`, { password: USER.password });
    expect(revokeAfter.status).toBe(204);
    const endedOnFresh = await freshStream.next(
      (e) => e.event === 'session.ended' && e.data.sessionId === target.id,
      5_000,
    );
    expect(endedOnFresh.data).toEqual({ sessionId: target.id, cause: 'revoked', bySessionId: keeper.id });
    const signedOut = await targetStream.next((e) => e.event === 'signed-out', 5_000);
    expect(signedOut.data).toEqual({ sessionId: target.id, cause: 'revoked', bySessionId: keeper.id });
    expect(await listedIds(target)).toBe(401);
    expect(await listedIds(keeper)).toEqual([keeper.id, late.id].sort());

    // And the stream opened before the stop: its subscription survived the outage.
    await pause(300);
    const oldGotIt = oldStream.events.some(
      (e) => e.event === 'session.ended' && e.data.sessionId === target.id,
    );
    console.log(
      [
        `faults: stop ${stopMs.toFixed(0)} ms, start ${startMs.toFixed(0)} ms, bus LISTENing again ` +
          `${relistenMs.toFixed(0)} ms after the restart (${busErrors.length} bus errors reported)`,
        `  while down: ${outage.join('; ')}`,
        `  the stream opened before the stop, while down: open=${streamDuring.open}, ` +
          `${streamDuring.newEvents} events, ${streamDuring.keepAlives} keep-alives, error=${String(streamDuring.error)}`,
        `  after the restart it ${oldGotIt ? 'received' : 'did NOT receive'} the revoke's session.ended ` +
          `(still open: ${oldStream.closedAt === null})`,
      ].join('\n'),
    );
    for (const error of handlerErrors) expect(String((error as Error).message)).not.toBe('');
  }, 60_000);

  it('answers 503, not 500, when every pooled connection is busy and none frees up in time', async () => {
    // The pool is full (max 6: the bus holds one, the test takes the other five): a request waits
    // connectionTimeoutMillis, then pg-pool rejects with "timeout exceeded when trying to connect" — the
    // store is there but cannot be had in time, which is the contract's 503, not a bug's 500.
    await instance.events.ready();
    const device = await signInDevice(instance.origin, 'Crowded');
    const again = [];
    for (let i = 0; i < 5; i++) again.push(await instance.pool.connect());
    try {
      const answer = await timed(() => device.get('/api/sessions'));
      expect(answer.ms).toBeGreaterThanOrEqual(CONNECTION_TIMEOUT_MS - 100);
      expectUnavailable(answer);
    } finally {
      for (const client of again) client.release();
    }
    expect(await listedIds(device)).toEqual(expect.arrayContaining([device.id]));
  }, 30_000);
});

const keepAlives = (stream: EventStream) => stream.comments.filter((c) => c === 'keep-alive').length;
