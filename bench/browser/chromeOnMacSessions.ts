// The rows the browser benches mount (floors and row cost): "Chrome on macOS" sessions 15 s apart, with
// `device` sent as profilekit/server sends it, the first one this device.
import type { SessionInput } from '../../src/index.js';

export const USER_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
// 1,000 rows 15 s apart: the last one a little over four hours ago.
export const STEP_MS = 15_000;

/** Session `i`, last active `i` steps before `now`. */
export function chromeOnMacSession(i: number, now: number): SessionInput {
  const lastActive = now - i * STEP_MS;
  return {
    id: `s${i}`,
    isCurrent: i === 0,
    createdAt: new Date(lastActive - 6 * 3_600_000).toISOString(),
    lastActiveAt: new Date(lastActive).toISOString(),
    ipAddress: `198.51.100.${i % 256}`,
    userAgent: USER_AGENT,
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
  };
}
