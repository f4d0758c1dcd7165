/**
 * A host that keeps its own sessions, deployed as several instances (issue 24): two Express 5 +
 * express-session + Passport instances (examples/express-session) over one PostgreSQL schema, each with its
 * own pool, store and LISTEN/NOTIFY bus. A browser signed in through one instance is listed and signed out
 * through the other, and leaves live on the first; the conformance kit passes against the pair.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpressApp } from '../../examples/express-session/createExpressApp.js';
import { openDb } from '../../examples/server/db.js';
import { DEMO_CREDENTIALS, seedDemo } from '../../examples/server/seed.js';
import { createPostgresEventBus, createPostgresSessionStore } from '../../src/server/postgres/index.js';
import { passesConformance } from '../server/hostSessionFlow.js';
import { listedIds, openEventStream, requirePostgresUrl, signInDevice } from './helpers.js';

const url = requirePostgresUrl('test/postgres/hostSessionsInstances.test.ts');
const run = `${process.pid}_${Date.now().toString(36)}`;
const schema = `profilekit_host_sessions_${run}`;
const channel = `profilekit_host_sessions_${run}`;
const closers: Array<() => Promise<void>> = [];

async function startExpressInstance() {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const store = createPostgresSessionStore(pool, { schema });
  const events = createPostgresEventBus(pool, { channel });
  const db = openDb(':memory:');
  await seedDemo(db, Date.now(), 0, { store, sessions: false });
  const { app, sessions } = createExpressApp({ db, store, events });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await events.close();
    await pool.end();
    db.close();
  });
  await sessions.manager.eventsReady();
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sessions };
}

let one: Awaited<ReturnType<typeof startExpressInstance>>;
let two: Awaited<ReturnType<typeof startExpressInstance>>;
beforeAll(async () => {
  one = await startExpressInstance();
  two = await startExpressInstance();
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  const maintenance = new pg.Pool({ connectionString: url, max: 1 });
  await maintenance.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await maintenance.end();
});

describe('an Express + express-session host as two instances over one PostgreSQL schema', () => {
  it('lists and signs out, through one instance, a browser signed in through the other; it leaves live', async () => {
    const { password } = DEMO_CREDENTIALS.user;
    const laptop = await signInDevice(
      one.origin,
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Firefox/133.0',
    );
    const phone = await signInDevice(
      two.origin,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1',
    );
    const stream = await openEventStream(phone, two.origin);
    expect(stream.status).toBe(200);
    // Both instances see both sessions: the rows are in the one schema.
    expect(await listedIds(laptop, two.origin)).toEqual(expect.arrayContaining([laptop.id, phone.id]));
    const revoked = await laptop.post(`/api/sessions/${phone.id}/revoke`, { password }, one.origin);
    expect(revoked.status).toBe(204);
    // The phone's stream, on the other instance, is told at once (LISTEN/NOTIFY), and its next request
    // through either instance has no session.
    const ended = await stream.next((event) => event.event === 'signed-out');
    expect(ended.data).toMatchObject({ sessionId: phone.id, cause: 'revoked', bySessionId: laptop.id });
    stream.close();
    expect((await phone.get('/api/auth/me', two.origin)).status).toBe(401);
    expect((await phone.get('/api/auth/me', one.origin)).status).toBe(401);
    expect(await listedIds(laptop, one.origin)).toEqual(expect.arrayContaining([laptop.id]));
    expect(await listedIds(laptop, one.origin)).not.toContain(phone.id);
  });

  it('passes the conformance kit: 0 failed, 0 not run', async () => {
    await passesConformance(one.origin);
  });
});
