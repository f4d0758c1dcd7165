// "No input reaches a 5xx" over the PostgreSQL store. PostgreSQL `text` cannot hold a NUL byte (it
// answers 22021 "invalid byte sequence for encoding UTF8: 0x00"), so any request value that reaches a
// query with one in it must be answered before the store (404 or 400), never as 500 UNKNOWN. The
// conformance kit's malformed-id rule sends exactly that (`ses_\u0000\u001f\u007f`).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Device, requirePostgresUrl, signInDevice, USER } from './helpers.js';
import { type Instance, startInstance } from './instance.js';

const url = requirePostgresUrl('test/postgres/controlCharacters.test.ts');
const run = randomBytes(4).toString('hex');
const schema = `profilekit_nul_${run}`;
const maintenance = new pg.Pool({ connectionString: url, max: 2 });
let instance: Instance;
let user: Device;
let admin: Device;
const unexpected: unknown[] = [];

beforeAll(async () => {
  instance = await startInstance({
    url,
    schema,
    channel: `profilekit_nul_events_${run}`,
    sessions: { onError: (error) => unexpected.push(error) },
  });
  user = await signInDevice(instance.origin, 'NUL probe');
  admin = await signInDevice(instance.origin, 'NUL probe admin', ADMIN);
});

afterAll(async () => {
  // Anything the handler was told is a bug here: each probe must be refused before the store.
  const causes = new Set(unexpected.map((e) => `${(e as { code?: string }).code}: ${(e as Error).message}`));
  if (causes.size > 0) console.log(`errors behind the 5xx answers: ${[...causes].join(' | ')}`);
  await instance?.close();
  await maintenance.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await maintenance.end();
});

const probes: [string, () => Promise<Response>][] = [
  [
    'POST /sessions/ses_%00/revoke',
    () => user.post('/api/sessions/ses_%00/revoke', { password: USER.password }),
  ],
  ['GET /sessions?applicationId=%00', () => user.get('/api/sessions?applicationId=%00')],
  [
    'POST /sessions/revoke-others {applicationId: "\\u0000"}',
    () => user.post('/api/sessions/revoke-others', { password: USER.password, applicationId: '\u0000' }),
  ],
  ['GET /admin/sessions/ses_%00', () => admin.get('/api/admin/sessions/ses_%00')],
  ['POST /admin/sessions/ses_%00/revoke', () => admin.post('/api/admin/sessions/ses_%00/revoke', {})],
  [
    'POST /admin/users/usr_%00/revoke-sessions',
    () => admin.post('/api/admin/users/usr_%00/revoke-sessions', {}),
  ],
  ['GET /admin/sessions?search=%00', () => admin.get('/api/admin/sessions?search=a%00b')],
  ['GET /admin/sessions?userId=%00', () => admin.get('/api/admin/sessions?userId=usr_%00')],
  ['GET /admin/sessions?applicationId=%00', () => admin.get('/api/admin/sessions?applicationId=web%00')],
];

describe('a NUL byte in a request over the PostgreSQL store', () => {
  it.each(probes)('%s answers below 500', async (_name, send) => {
    const response = await send();
    const body = await response.text();
    // Bad input (400 with a code) or no such id (404), as over SQLite; never the store's refusal as a 500.
    // A user id with a control character is no user id: revoking "its" sessions is a 400, not a count of 0.
    expect([400, 404], body).toContain(response.status);
    expect(JSON.parse(body)).toEqual({
      code: expect.stringMatching(/^(UNKNOWN|NOT_FOUND)$/),
      message: expect.any(String),
    });
  });

  it('left both sessions alone', async () => {
    const listed = await user.get('/api/sessions');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { sessions: unknown[] }).sessions).toHaveLength(1);
    expect((await admin.get('/api/admin/sessions?userId=usr_admin')).status).toBe(200);
  });
});
