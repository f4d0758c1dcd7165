import Bowser from 'bowser';
import type { DeviceType, SessionDevice } from '../provider/types.js';

const DEVICE_TYPES = new Set<DeviceType>(['desktop', 'mobile', 'tablet']);
// User agents repeat (one per device, many sessions each): parse each once. Bounded so a stream of
// hostile, unique agents cannot grow memory without end.
const CACHE_LIMIT = 500;
const cache = new Map<string, SessionDevice | null>();

/**
 * Browser, OS and device type from a user agent, by Bowser (MIT): the one parser of the kit, run on the
 * server (profilekit/server sends `device`) or, for a backend that sends only a user agent, by its adapter,
 * loaded only when such a row arrives. Null when nothing could be read.
 */
export function parseUserAgent(userAgent: string | null | undefined): SessionDevice | null {
  if (!userAgent) return null;
  const cached = cache.get(userAgent);
  if (cached !== undefined) return cached;
  let device: SessionDevice | null = null;
  try {
    const { browser, os, platform } = Bowser.parse(userAgent);
    // "Safari on iPhone" and "Safari on iPad" tell two Apple devices apart where "Safari on iOS" cannot.
    const appleModel = platform.model === 'iPhone' || platform.model === 'iPad' ? platform.model : undefined;
    const parsed: SessionDevice = {};
    if (browser.name) parsed.browser = browser.name;
    if (appleModel ?? os.name) parsed.os = appleModel ?? os.name;
    const type = platform.type as DeviceType | undefined;
    if (type && DEVICE_TYPES.has(type)) parsed.type = type;
    device = Object.keys(parsed).length > 0 ? parsed : null;
  } catch {
    // An agent Bowser cannot read is an unknown device, not a broken row.
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(userAgent, device);
  return device;
}
