import { createMemoryBackend } from './createMemoryBackend.js';
import type { MemoryBackendOptions } from './memoryTypes.js';

/** Sign-in details of the demo user. */
export const DEMO_USER = {
  email: 'ana@example.com',
  password: 'correct horse battery',
  name: 'Ana Lima',
} as const;

/** User agents of real browsers, as they send them. */
export const DEMO_USER_AGENTS = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
} as const;

const MINUTE_MS = 60_000;

export interface DemoBackendOptions extends Omit<MemoryBackendOptions, 'users' | 'sessions'> {
  /**
   * How many other devices besides the current one (at most 5 distinct ones are seeded).
   * @default 4
   */
  otherDevices?: number;
}

/**
 * A memory backend seeded with one user on five devices — a Mac (this device), an iPhone, a Windows PC, an
 * iPad and an Android phone — with places, IPs, a trusted device and two applications. `provider` acts
 * as the Mac.
 */
export function createDemoBackend(options: DemoBackendOptions = {}) {
  const { otherDevices = 4, ...rest } = options;
  const now = (rest.now ?? Date.now)();
  const backend = createMemoryBackend({
    ...rest,
    users: [{ id: 'user_ana', email: DEMO_USER.email, password: DEMO_USER.password, name: DEMO_USER.name }],
  });
  const current = backend.addSession({
    id: 'ses_current_mac',
    user: 'user_ana',
    userAgent: DEMO_USER_AGENTS.chromeMac,
    ipAddress: '203.0.113.24',
    location: { city: 'Lisbon', country: 'Portugal' },
    trusted: true,
    applicationId: 'web',
    createdAt: now - 3 * 86_400_000,
    lastActiveAt: now,
  });
  const others = [
    {
      id: 'ses_iphone',
      userAgent: DEMO_USER_AGENTS.safariIphone,
      ipAddress: '198.51.100.7',
      location: { city: 'Porto', country: 'Portugal' },
      trusted: true,
      applicationId: 'mobile',
      lastActiveAt: now - 12 * MINUTE_MS,
    },
    {
      id: 'ses_windows',
      userAgent: DEMO_USER_AGENTS.firefoxWindows,
      ipAddress: '192.0.2.145',
      location: { city: 'Berlin', country: 'Germany' },
      applicationId: 'web',
      lastActiveAt: now - 3 * 60 * MINUTE_MS,
      // A device Ana had not used: her activity offers "This wasn't me?" on it.
      newDevice: true,
    },
    {
      id: 'ses_ipad',
      userAgent: DEMO_USER_AGENTS.safariIpad,
      ipAddress: '2001:db8::1f',
      applicationId: 'web',
      lastActiveAt: now - 2 * 86_400_000,
    },
    {
      id: 'ses_android',
      userAgent: DEMO_USER_AGENTS.chromeAndroid,
      device: { name: "Ana's Pixel", type: 'mobile' as const, browser: 'Chrome', os: 'Android' },
      ipAddress: '198.51.100.88',
      location: { city: 'Madrid', region: 'Madrid', country: 'Spain' },
      applicationId: 'mobile',
      lastActiveAt: now - 9 * 86_400_000,
    },
  ].slice(0, Math.max(0, otherDevices));
  for (const session of others) {
    const createdAt = session.lastActiveAt - 86_400_000;
    if (session.newDevice) {
      // Two wrong passwords from that device a minute before its sign-in.
      for (const minutes of [2, 1]) {
        backend.addFailedSignIn({
          email: DEMO_USER.email,
          userAgent: session.userAgent,
          ipAddress: session.ipAddress,
          location: session.location,
          at: createdAt - minutes * MINUTE_MS,
        });
      }
    }
    backend.addSession({ ...session, user: 'user_ana', createdAt });
  }
  return { ...backend, currentSessionId: current, provider: backend.providerFor(current) };
}
