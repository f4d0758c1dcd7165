// The shipped store suite (profilekit/server/testing) against the memory store and the SQLite store, and
// what only SQLite has: one fresh file opened by two processes at once, and a file written by an earlier
// version upgraded in place.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemorySessionStore } from '../../src/server/createMemorySessionStore.js';
import { createSqliteSessionStore } from '../../src/server/sqlite/createSqliteSessionStore.js';
import { sqliteDriver } from '../../src/server/sqlite/sqliteDriver.js';
import { sessionStoreTests } from '../../src/server/testing/index.js';

describe('SessionStore suite: memory', () => {
  for (const test of sessionStoreTests({ createStore: () => createMemorySessionStore() }))
    it(test.name, test.run);
});

describe('SessionStore suite: SQLite (better-sqlite3)', () => {
  const open: Database.Database[] = [];
  const tests = sessionStoreTests({
    createStore: () => {
      const db = new Database(':memory:');
      open.push(db);
      return createSqliteSessionStore(db);
    },
  });
  afterAll(() => {
    for (const db of open) db.close();
  });
  for (const test of tests) it(test.name, test.run);
});

const root = path.resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(path.join(tmpdir(), 'profilekit-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A second process that opens the file and makes the store ready, as a second server instance would. */
function openInProcess(file: string): Promise<{ code: number; output: string }> {
  const script = `
    import Database from 'better-sqlite3';
    import { createSqliteSessionStore } from './src/server/sqlite/index.ts';
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 10000');
    const store = createSqliteSessionStore(db);
    await store.ready();
    console.log(JSON.stringify(await store.countSessions({ now: 0, startOfDay: 0 })));`;
  return new Promise((resolve) => {
    execFile(
      path.join(root, 'node_modules/.bin/tsx'),
      ['--input-type=module', '-e', script],
      { cwd: root, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? 1 : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('SQLite files', () => {
  it('lets two processes open one fresh file at the same moment: both set it up, once', async () => {
    const file = path.join(folder, 'fresh.sqlite');
    const [one, two] = await Promise.all([openInProcess(file), openInProcess(file)]);
    expect(one).toEqual({ code: 0, output: expect.stringContaining('"totalActive":0') });
    expect(two).toEqual({ code: 0, output: expect.stringContaining('"totalActive":0') });
    const db = new Database(file);
    const versions = db.prepare('SELECT version FROM profilekit_schema ORDER BY version').all();
    db.close();
    expect(versions).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
      { version: 5 },
      { version: 6 },
    ]);
  });

  it('upgrades a file an earlier version wrote, keeping its sessions, and searches them', async () => {
    const file = path.join(folder, 'old.sqlite');
    const old = new Database(file);
    // Version 2 of the schema exactly as the earlier store wrote it: its own version table, an FTS5
    // index over IP and user agent.
    old.exec(`
      CREATE TABLE profilekit_schema (version INTEGER NOT NULL);
      INSERT INTO profilekit_schema (version) VALUES (1), (2);
      CREATE TABLE profilekit_sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
        token_preview TEXT NOT NULL, user_agent TEXT, ip_address TEXT, device_name TEXT, device_type TEXT,
        device_browser TEXT, device_os TEXT, city TEXT, region TEXT, country TEXT, trusted INTEGER NOT NULL DEFAULT 0,
        application_id TEXT, created_at INTEGER NOT NULL, last_active_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
        absolute_expires_at INTEGER NOT NULL, authenticated_at INTEGER NOT NULL);
      CREATE VIRTUAL TABLE profilekit_session_search USING fts5(ip, agent, tokenize = 'trigram', content = '', contentless_delete = 1);
      CREATE TRIGGER profilekit_session_search_insert AFTER INSERT ON profilekit_sessions BEGIN
        INSERT INTO profilekit_session_search(rowid, ip, agent) VALUES (new.rowid, new.ip_address, new.user_agent);
      END;
      CREATE TABLE profilekit_attempts (key TEXT PRIMARY KEY, attempts TEXT NOT NULL, keep_until INTEGER NOT NULL);
      INSERT INTO profilekit_sessions VALUES ('ses_old', 'usr_a', '${'a'.repeat(64)}', 'abcdefgh',
        'Mozilla/5.0 Firefox/133', '203.0.113.5', NULL, NULL, 'Firefox', NULL, NULL, NULL, NULL, 0, NULL,
        1000, 2000, 9999999999999, 9999999999999, 1000);`);
    old.close();
    const db = new Database(file);
    const store = createSqliteSessionStore(db);
    const page = await store.listSessionsPage({
      now: 5000,
      status: 'active',
      sort: 'lastActiveAt',
      direction: 'desc',
      limit: 10,
      search: 'FIREFOX',
    });
    expect(page.sessions.map((s) => [s.id, s.userAgent])).toEqual([['ses_old', 'Mozilla/5.0 Firefox/133']]);
    expect(
      db.prepare('SELECT version, applied_at > 0 AS recent FROM profilekit_schema ORDER BY version').all(),
    ).toEqual([
      { version: 1, recent: 0 },
      { version: 2, recent: 0 },
      { version: 3, recent: 1 },
      { version: 4, recent: 1 },
      { version: 5, recent: 1 },
      { version: 6, recent: 1 },
    ]);
    db.close();
  });

  it('takes turns between two stores over one connection, as a host that creates its store twice has', async () => {
    const db = new Database(':memory:');
    const first = createSqliteSessionStore(db);
    const second = createSqliteSessionStore(db);
    // Each update is a transaction that awaits inside it: started together, they must not nest.
    const add = (store: typeof first, at: number) =>
      store.updateAttempts('k', (attempts) => ({ attempts: [...attempts, at], result: at }), {
        keepUntil: 10_000,
      });
    await Promise.all([add(first, 1), add(second, 2), add(first, 3), add(second, 4)]);
    const [row] = db.prepare('SELECT attempts FROM profilekit_attempts WHERE key = ?').all('k') as {
      attempts: string;
    }[];
    // Each store's setup finishes in its own time: the order may differ, never a lost or nested update.
    expect((JSON.parse(row?.attempts ?? '[]') as number[]).sort()).toEqual([1, 2, 3, 4]);
    db.close();
  });

  it('runs a batch as one transaction, between the other callers’ statements: all of it or none', async () => {
    const db = new Database(':memory:');
    const driver = sqliteDriver(db);
    await driver.run('CREATE TABLE t (id TEXT PRIMARY KEY)');
    const insert = (id: string) => ({ sql: 'INSERT INTO t (id) VALUES ($1) RETURNING id', params: [id] });
    await expect(driver.batch([insert('a'), insert('b'), insert('a')])).rejects.toThrow(/UNIQUE/);
    const [answers] = await Promise.all([
      driver.batch([insert('c'), { sql: 'SELECT count(*) AS n FROM t', params: [] }]),
      driver.run('INSERT INTO t (id) VALUES ($1)', ['d']),
    ]);
    expect(answers).toEqual([[{ id: 'c' }], [{ n: 1 }]]);
    expect(await driver.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 'c' }, { id: 'd' }]);
    db.close();
  });
});
