import { randomBytes } from 'node:crypto';
import { parseDevice, type SessionStore, type StoredSession } from 'profilekit/server';
import { createSqliteSessionStore } from 'profilekit/server/sqlite';
import type { Db } from './db';
import { hashPassword } from './passwords';
import { createUsers } from './users';

export const DEMO_CREDENTIALS = {
  user: { email: 'ana@example.com', password: 'correct horse battery', name: 'Ana Lima' },
  admin: { email: 'admin@example.com', password: 'correct horse battery', name: 'Sam Admin' },
} as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const PLACES = [
  { city: 'Porto', country: 'Portugal' },
  { city: 'Berlin', country: 'Germany' },
  null,
  { city: 'Madrid', region: 'Madrid', country: 'Spain' },
  { city: 'Lyon', country: 'France' },
  { city: 'Cairo', country: 'Egypt' },
  null,
];

type SeedSession = Pick<StoredSession, 'userId' | 'createdAt' | 'lastActiveAt' | 'expiresAt'> &
  Partial<Pick<StoredSession, 'trusted' | 'applicationId' | 'location'>> & { agent: string; ip: string };

/** A past session as the manager would have written it (its token thrown away: nobody can use it). */
function seededSession(s: SeedSession): StoredSession {
  return {
    id: `ses_${randomBytes(12).toString('hex')}`,
    tokenHash: randomBytes(32).toString('hex'),
    tokenPreview: randomBytes(6).toString('base64url'),
    userAgent: s.agent,
    ipAddress: s.ip,
    device: parseDevice(s.agent),
    location: s.location ?? null,
    trusted: s.trusted ?? false,
    applicationId: s.applicationId ?? null,
    absoluteExpiresAt: s.expiresAt,
    authenticatedAt: s.createdAt,
    ...s,
  };
}

export interface SeedOptions {
  /** Where the sessions go. @default the SQLite store in `db` */
  store?: SessionStore;
  /** Seed sessions too (false: users only, for an instance joining a store another one seeded). @default true */
  sessions?: boolean;
}

/**
 * Seeds the demo: Ana with four other devices so her page is alive at once, an admin, and `extraUsers`
 * more users with several sessions each so the admin console has something to page through.
 */
export async function seedDemo(
  db: Db,
  now: number,
  extraUsers = 400,
  options: SeedOptions = {},
): Promise<void> {
  const own = options.store ? null : createSqliteSessionStore(db);
  const store = options.store ?? (own as SessionStore);
  const users = createUsers(db);
  const [anaHash, adminHash, fillerHash] = await Promise.all([
    hashPassword(DEMO_CREDENTIALS.user.password),
    hashPassword(DEMO_CREDENTIALS.admin.password),
    // One hash for every generated user: scrypt is slow on purpose, and these accounts are filler.
    hashPassword('filler password'),
  ]);
  const sessions: StoredSession[] = [];
  db.transaction(() => {
    // Fixed ids: several instances each seed their own copy of these users and share one session store.
    const ana = users.create({
      id: 'usr_ana',
      ...DEMO_CREDENTIALS.user,
      role: 'user',
      password_hash: anaHash,
    });
    users.create({ id: 'usr_admin', ...DEMO_CREDENTIALS.admin, role: 'admin', password_hash: adminHash });
    const anaDevices = [
      { agent: 0, ip: '198.51.100.7', ago: 12 * 60_000, trusted: true, applicationId: 'mobile' },
      { agent: 1, ip: '192.0.2.145', ago: 3 * HOUR_MS, trusted: false, applicationId: 'web' },
      { agent: 2, ip: '2001:db8::1f', ago: 2 * DAY_MS, trusted: false, applicationId: 'web' },
      { agent: 3, ip: '198.51.100.88', ago: 9 * DAY_MS, trusted: false, applicationId: 'mobile' },
    ];
    anaDevices.forEach((d, i) => {
      sessions.push(
        seededSession({
          ...d,
          userId: ana,
          agent: AGENTS[d.agent] as string,
          location: PLACES[i === 3 ? 3 : i],
          createdAt: now - d.ago - DAY_MS,
          lastActiveAt: now - d.ago,
          expiresAt: now - d.ago + 14 * DAY_MS,
        }),
      );
    });
    for (let u = 0; u < extraUsers; u++) {
      const userId = users.create({
        id: `usr_${String(u).padStart(5, '0')}`,
        email: `user${u}@example.org`,
        name: `User ${u}`,
        role: 'user',
        password_hash: fillerHash,
      });
      for (let s = 0; s < 1 + (u % 6); s++) {
        const k = u * 7 + s * 3;
        // Spread over the last 40 days; a session's last activity never lies in the future.
        const createdAt = now - ((k * 7919 * 104729) % (40 * DAY_MS));
        sessions.push(
          seededSession({
            userId,
            agent: AGENTS[k % AGENTS.length] as string,
            ip: `203.0.${k % 256}.${(k * 31) % 256}`,
            location: PLACES[k % PLACES.length],
            applicationId: k % 3 === 0 ? 'mobile' : 'web',
            createdAt,
            lastActiveAt: Math.min(now, createdAt + ((k * 104729) % (5 * DAY_MS))),
            // A few already expired, so the admin console's "expired" filter has rows.
            expiresAt: createdAt + (k % 10 === 0 ? 10 * DAY_MS : 30 * DAY_MS),
          }),
        );
      }
    }
  })();
  if (options.sessions === false) return;
  // In SQLite, one transaction: a thousand inserts, one commit. The store sets its schema up first, in a
  // transaction of its own (SQLite does not nest them).
  if (own) {
    await own.ready();
    db.exec('BEGIN');
  }
  try {
    for (const session of sessions) await store.createSession(session);
    if (own) db.exec('COMMIT');
  } catch (error) {
    if (own) db.exec('ROLLBACK');
    throw error;
  }
}
