import { randomBytes } from 'node:crypto';
import type { Db } from './db';
import { hashPassword, verifyPassword } from './passwords';

/** The host's own users: profilekit never sees this table, only ids and the callbacks below. */
export interface User {
  id: string;
  email: string;
  name: string | null;
  role: 'user' | 'admin';
  password_hash: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// An unknown email is checked against this hash, so it costs what a known one does: the sign-in's timing
// never tells which emails have accounts.
const unknownUserHash = hashPassword('no such user: this hash only burns the time a real check takes');

export function createUsers(db: Db) {
  db.exec(`CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT,
    role TEXT NOT NULL DEFAULT 'user', password_hash TEXT NOT NULL)`);
  const byEmail = db.prepare<[string], User>('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare<[string], User>('SELECT * FROM users WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO users (id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?)',
  );
  const search = db.prepare<[string, string], { id: string }>(
    "SELECT id FROM users WHERE email LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' LIMIT 1000",
  );
  return {
    byEmail: (email: string) => byEmail.get(email),
    byId: (id: string) => byId.get(id),
    create(user: Omit<User, 'id'> & { id?: string }) {
      const id = user.id ?? `usr_${randomBytes(8).toString('hex')}`;
      insert.run(id, user.email, user.name, user.role, user.password_hash);
      return id;
    },
    /** The user with this email and password, or null; as slow for an unknown email as for a known one. */
    async checkCredentials(email: string, password: string) {
      const user = byEmail.get(email);
      const right = await verifyPassword(password, user?.password_hash ?? (await unknownUserHash));
      return user && right ? user : null;
    },
    async verifyPassword(userId: string, password: string) {
      const user = byId.get(userId);
      return user !== undefined && verifyPassword(password, user.password_hash);
    },
    isAdmin: (userId: string) => byId.get(userId)?.role === 'admin',
    describe: (ids: readonly string[]) =>
      new Map(ids.map((id) => [id, byId.get(id)]).filter((entry): entry is [string, User] => !!entry[1])),
    search(text: string) {
      const like = `%${escapeLike(text)}%`;
      return search.all(like, like).map((row) => row.id);
    },
  };
}

export type Users = ReturnType<typeof createUsers>;
