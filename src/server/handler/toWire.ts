import type { ActivityEntryInput } from '../../contract/activity.js';
import type { SessionInput } from '../../contract/wire.js';
import type { ActivityRecord } from '../createSessionManager.js';
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

/** A log entry as the contract sends it: ISO dates, no device key (the server's own), never a token. */
export function toActivityWire(entry: ActivityRecord, currentSessionId: string | null): ActivityEntryInput {
  return {
    id: entry.id,
    kind: entry.kind,
    at: iso(entry.at),
    sessionId: entry.sessionId,
    isCurrent: entry.sessionId !== null && entry.sessionId === currentSessionId,
    ipAddress: entry.ipAddress,
    userAgent: entry.userAgent,
    device: entry.device,
    location: entry.location,
    method: entry.method,
    newDevice: entry.newDevice,
    identifier: entry.identifier,
    reason: entry.reason,
    bySessionId: entry.bySessionId,
    byUserId: entry.byUserId,
    session: entry.session && {
      active: entry.session.active,
      endedAt: entry.session.endedAt === null ? null : iso(entry.session.endedAt),
      endedBy: entry.session.endedBy,
    },
  };
}
