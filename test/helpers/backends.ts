import { createMemoryBackend } from '../../src/memory/createMemoryBackend.js';
import { DEMO_USER_AGENTS } from '../../src/memory/demoBackend.js';
import type { MemoryBackendOptions } from '../../src/memory/memoryTypes.js';

/** One user on three devices: a Mac (current), Firefox on Windows, an iPhone. */
export function threeDevices(options: Omit<MemoryBackendOptions, 'users' | 'sessions'> = {}) {
  const now = Date.now();
  const backend = createMemoryBackend({
    ...options,
    users: [{ id: 'u1', email: 'ana@example.com', password: 'right password' }],
    sessions: [
      {
        id: 'mac',
        user: 'u1',
        userAgent: DEMO_USER_AGENTS.chromeMac,
        location: { city: 'Lisbon', country: 'Portugal' },
        lastActiveAt: now,
        trusted: true,
      },
      {
        id: 'windows',
        user: 'u1',
        userAgent: DEMO_USER_AGENTS.firefoxWindows,
        ipAddress: '192.0.2.145',
        lastActiveAt: now - 3 * 3_600_000,
      },
      {
        id: 'iphone',
        user: 'u1',
        userAgent: DEMO_USER_AGENTS.safariIphone,
        location: { city: 'Porto', country: 'Portugal' },
        lastActiveAt: now - 86_400_000,
      },
    ],
  });
  return { ...backend, provider: backend.providerFor('mac') };
}
