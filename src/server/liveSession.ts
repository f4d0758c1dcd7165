import { hashesMatch, hashSessionToken } from './tokens.js';
import type { SessionStore, StoredSession } from './types.js';

/**
 * The live session a presented token names (profilekit's cookie, or a host's session id), or null:
 * hashed, found by its hash, the hashes compared in constant time, not expired at `now`. The manager's
 * requests and a host's session store both ask this.
 */
export async function liveSessionOf(
  store: Pick<SessionStore, 'findByTokenHash'>,
  token: string,
  now: number,
): Promise<StoredSession | null> {
  const tokenHash = await hashSessionToken(token);
  const session = await store.findByTokenHash(tokenHash);
  return session && hashesMatch(session.tokenHash, tokenHash) && session.expiresAt > now ? session : null;
}
