import type { SessionInput } from '../../contract/wire.js';
import type { StoredSession } from '../types.js';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** A stored session as the contract sends it: the opaque id, ISO dates, the parsed device, never the token. */
export function toWire(session: StoredSession, currentSessionId: string | null): SessionInput {
  return {
    id: session.id,
    isCurrent: session.id === currentSessionId,
    createdAt: iso(session.createdAt),
    lastActiveAt: iso(session.lastActiveAt),
    expiresAt: iso(session.expiresAt),
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
    device: session.device,
    location: session.location,
    trusted: session.trusted,
    applicationId: session.applicationId,
  };
}
