import Bowser from 'bowser';
import type { SessionsMessages } from '../messages/types.js';
import type { DeviceType, Session } from '../provider/types.js';

export interface DeviceDescription {
  /** "Chrome on macOS", the server's device name, or "Unknown device". */
  label: string;
  type: DeviceType;
}

interface ParsedAgent {
  browser?: string;
  os?: string;
  type: DeviceType;
}

// User agents repeat (one per device, many sessions each): parse each once. Bounded so a stream of
// hostile, unique agents cannot grow memory without end.
const PARSE_CACHE_LIMIT = 500;
const parsed = new Map<string, ParsedAgent>();

function toDeviceType(platform: string | undefined): DeviceType {
  return platform === 'desktop' || platform === 'mobile' || platform === 'tablet' ? platform : 'unknown';
}

/** Browser, OS and device type from a user agent, by Bowser (MIT). Unknown parts are left out. */
export function parseUserAgent(userAgent: string): ParsedAgent {
  const cached = parsed.get(userAgent);
  if (cached) return cached;
  let result: ParsedAgent = { type: 'unknown' };
  try {
    const { browser, os, platform } = Bowser.parse(userAgent);
    // "Safari on iPhone" and "Safari on iPad" tell two Apple devices apart where "Safari on iOS" cannot.
    const appleModel = platform.model === 'iPhone' || platform.model === 'iPad' ? platform.model : undefined;
    result = {
      browser: browser.name || undefined,
      os: appleModel ?? (os.name || undefined),
      type: toDeviceType(platform.type),
    };
  } catch {
    // An agent Bowser cannot read is an unknown device, not a broken row.
  }
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
  parsed.set(userAgent, result);
  return result;
}

/**
 * What to call a session's device. The server's parsed device wins over parsing the user agent here:
 * a name it gives ("Ana's Pixel") is shown as is; its browser and OS fill what the agent leaves out.
 */
export function describeDevice(session: Session, messages: SessionsMessages): DeviceDescription {
  const agent = session.userAgent ? parseUserAgent(session.userAgent) : { type: 'unknown' as const };
  const browser = session.device?.browser ?? agent.browser;
  const os = session.device?.os ?? agent.os;
  const type = session.device?.type ?? agent.type;
  const label =
    session.device?.name ??
    (browser && os ? messages.deviceName({ browser, os }) : (browser ?? os ?? messages.unknownDevice));
  return { label, type };
}
