import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { createMemorySessionStore } from '../../src/server/createMemorySessionStore.js';
import { createSqliteSessionStore } from '../../src/server/sqlite/createSqliteSessionStore.js';
import { describeSessionStore } from './storeContract.js';

describeSessionStore('memory', async () => {
  const store = createMemorySessionStore();
  return { store, reset: async () => {} };
});

const db = new Database(':memory:');
afterAll(() => db.close());
describeSessionStore('SQLite (better-sqlite3)', async () => ({
  store: createSqliteSessionStore(db),
  reset: async () => {
    db.exec('DELETE FROM profilekit_sessions; DELETE FROM profilekit_attempts;');
  },
}));
