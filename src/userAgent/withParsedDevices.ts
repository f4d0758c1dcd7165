import type { SessionDevice } from '../provider/types.js';

interface WithAgent {
  userAgent?: string | null;
  device?: SessionDevice | null;
}

/** Whether a row says nothing of its browser and OS but carries a user agent to read them from. */
const needsParse = (entry: unknown): entry is WithAgent => {
  if (typeof entry !== 'object' || entry === null) return false;
  const { userAgent, device } = entry as WithAgent;
  return typeof userAgent === 'string' && userAgent !== '' && !device?.browser && !device?.os;
};

/**
 * Fills `device` from the user agent on rows that lack it, for backends that send only a user agent. The
 * parser (Bowser) is loaded on the first such row: a host whose server sends `device` never downloads it.
 * What the server sent wins; entries that are not objects pass through for normalizeSessions to judge.
 */
export async function withParsedDevices<T extends { sessions: readonly unknown[] }>(result: T): Promise<T> {
  if (!Array.isArray(result.sessions) || !result.sessions.some(needsParse)) return result;
  const { parseUserAgent } = await import('./parseUserAgent.js');
  return {
    ...result,
    sessions: result.sessions.map((entry) => {
      if (!needsParse(entry)) return entry;
      const parsed = parseUserAgent(entry.userAgent);
      return parsed ? { ...entry, device: { ...parsed, ...entry.device } } : entry;
    }),
  };
}

/** One row, as `withParsedDevices` fills a list's (an admin's session details). */
export async function withParsedDevice<T>(entry: T): Promise<T> {
  return (await withParsedDevices({ sessions: [entry] })).sessions[0] as T;
}
