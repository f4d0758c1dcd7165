import Bowser from 'bowser';
import type { DeviceType, SessionDevice } from '../provider/types.js';

const DEVICE_TYPES = new Set<DeviceType>(['desktop', 'mobile', 'tablet']);

/**
 * The device a user agent names, parsed once on the server (by Bowser, the parser the kit uses), so rows
 * arrive with `device` and the browser never needs a parser. Null when nothing could be read.
 */
export function parseDevice(userAgent: string | null): SessionDevice | null {
  if (!userAgent) return null;
  try {
    const { browser, os, platform } = Bowser.parse(userAgent);
    // "Safari on iPhone" and "Safari on iPad" tell two Apple devices apart where "Safari on iOS" cannot.
    const appleModel = platform.model === 'iPhone' || platform.model === 'iPad' ? platform.model : undefined;
    const device: SessionDevice = {};
    if (browser.name) device.browser = browser.name;
    if (appleModel ?? os.name) device.os = appleModel ?? os.name;
    const type = platform.type as DeviceType | undefined;
    if (type && DEVICE_TYPES.has(type)) device.type = type;
    return Object.keys(device).length > 0 ? device : null;
  } catch {
    return null;
  }
}
