import { createMemoryBackend } from './createMemoryBackend.js';
import { DEMO_USER, DEMO_USER_AGENTS } from './demoBackend.js';
import type { MemoryBackendOptions, MemorySessionInput } from './memoryTypes.js';

export interface LargeDemoBackendOptions extends Omit<MemoryBackendOptions, 'users' | 'sessions'> {
  /** Active sessions. @default 100_000 */
  sessions?: number;
  /** Expired sessions on top, for the admin's "expired" filter. @default 5% of `sessions` */
  expiredSessions?: number;
  /** @default 5_000 */
  users?: number;
}

const AGENTS = Object.values(DEMO_USER_AGENTS);
const CITIES = [
  { city: 'Lisbon', country: 'Portugal' },
  { city: 'Berlin', country: 'Germany' },
  { city: 'Lagos', country: 'Nigeria' },
  { city: 'Osaka', country: 'Japan' },
  undefined,
];

/**
 * An admin's view of a big product: `sessions` sessions over `users` users (deterministic, so tests and
 * benchmarks see the same data), some expired, plus the demo admin whose provider is `adminProvider`.
 */
export function createLargeDemoBackend(options: LargeDemoBackendOptions = {}) {
  const {
    sessions: activeCount = 100_000,
    users: userCount = 5_000,
    expiredSessions: _expired,
    ...rest
  } = options;
  const expiredCount = options.expiredSessions ?? Math.round(activeCount * 0.05);
  const sessionCount = activeCount + expiredCount;
  const now = (rest.now ?? Date.now)();
  const users = Array.from({ length: userCount }, (_, u) => ({
    id: `user_${u}`,
    email: `user${u}@example.org`,
    name: `User ${u}`,
    password: 'filler password',
  }));
  users.push({
    id: 'user_admin',
    email: 'admin@example.com',
    name: 'Sam Admin',
    password: DEMO_USER.password,
  });
  const sessions: MemorySessionInput[] = [];
  for (let i = 0; i < sessionCount; i++) {
    // A cheap, fixed pseudo-random spread (Knuth's multiplicative hash), no Math.random.
    const k = (i * 2654435761) >>> 0;
    const expired = i >= activeCount;
    // Active ones started in the last 20 days and run 30; the expired ones ended a day or more ago.
    const createdAt = now - (k % (20 * 86_400_000)) - (expired ? 31 * 86_400_000 : 0);
    sessions.push({
      id: `ses_${i.toString(36).padStart(6, '0')}`,
      user: `user_${k % userCount}`,
      userAgent: AGENTS[k % AGENTS.length],
      ipAddress: `10.${(k >>> 8) % 256}.${(k >>> 16) % 256}.${k % 256}`,
      location: CITIES[k % CITIES.length],
      applicationId: k % 3 === 0 ? 'mobile' : 'web',
      createdAt,
      lastActiveAt: createdAt + (k % (3 * 86_400_000)),
      expiresAt: createdAt + 30 * 86_400_000,
    });
  }
  const backend = createMemoryBackend({
    ...rest,
    users: users.map((u) => ({ ...u, role: u.id === 'user_admin' ? 'admin' : 'user' })),
    sessions,
  });
  const adminSessionId = backend.addSession({
    user: 'user_admin',
    userAgent: DEMO_USER_AGENTS.chromeMac,
    lastActiveAt: now,
  });
  return { ...backend, adminSessionId, adminProvider: backend.adminProviderFor(adminSessionId) };
}
