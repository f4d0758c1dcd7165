import type { SessionsMessages } from '../messages/types.js';
import type { Session } from '../provider/types.js';

/**
 * Where a session was seen: its place when the server knows it, else its IP address. A region named like
 * its city is left out ("Madrid, Madrid, Spain" says the city twice).
 */
export function formatPlace(session: Pick<Session, 'location' | 'ipAddress'>, messages: SessionsMessages) {
  const { location, ipAddress } = session;
  if (location)
    return messages.location({
      ...location,
      region: location.region === location.city ? undefined : location.region,
    });
  return ipAddress === undefined ? undefined : messages.ipAddress(ipAddress);
}
