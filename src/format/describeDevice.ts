import type { SessionsMessages } from '../messages/types.js';
import type { DeviceType, Session } from '../provider/types.js';

export interface DeviceDescription {
  /** "Chrome on macOS", the server's device name, or "Unknown device". */
  label: string;
  type: DeviceType;
}

/**
 * What to call a session's device, from its `device`: a name the server gives ("Ana's Pixel") as is, else
 * "browser on OS". The user agent is not parsed here: the server (profilekit/server) or the adapter
 * (withParsedDevices) did that, so the kit's core carries no parser.
 */
export function describeDevice(
  session: Pick<Session, 'device'>,
  messages: SessionsMessages,
): DeviceDescription {
  const browser = session.device?.browser;
  const os = session.device?.os;
  const type = session.device?.type ?? 'unknown';
  const label =
    session.device?.name ??
    (browser && os ? messages.deviceName({ browser, os }) : (browser ?? os ?? messages.unknownDevice));
  return { label, type };
}
