import type { ActivityKind, SignInFailureReason } from '../../contract/activity.js';
import type { SessionEndCause } from '../../contract/events.js';
import { MAX_IDENTIFIER_LENGTH } from '../../contract/limits.js';
import type { SessionDevice, SessionLocation } from '../../contract/wire.js';
import type { StoredActivity, StoredSession } from '../types.js';
import { randomBytes, toHex } from '../webCrypto.js';

/**
 * The one place a log entry is made: the manager records these, the stores keep them. Entries about a
 * session's start and end take ids derived from the session (`in_…`, `end_…`): a session starts and ends
 * once, and the store skips an id it holds, so two instances can never record one event twice. Entries
 * that may repeat (a failed attempt, a re-authentication) take random ids.
 */

/** The log's default memory: entries older than this are pruned by housekeeping. */
export const DEFAULT_HISTORY_RETENTION_MS = 90 * 86_400_000;

const randomEntryId = () => `act_${toHex(randomBytes(12))}`;

/**
 * What the new-device rule compares: the device's type, browser and OS (and, when the host asks, the
 * country). Null when the device is not known at all: an unknown device is never called "new".
 */
export function deviceKeyOf(
  device: SessionDevice | null,
  location: SessionLocation | null,
  withCountry: boolean,
): string | null {
  if (!device?.browser && !device?.os) return null;
  // With the country in the rule, a place the lookup could not find is an unknown device too (a geo-IP
  // outage must not make every sign-in "new").
  if (withCountry && !location?.country) return null;
  const parts = [device.type ?? 'unknown', device.browser ?? '', device.os ?? ''];
  if (withCountry) parts.push(location?.country ?? '');
  return parts.join('|');
}

type Described = Pick<StoredSession, 'userAgent' | 'ipAddress' | 'device' | 'location'>;

/**
 * An entry, every field written in one object literal in one order: what an entry is about (`described`),
 * its own facts, and null or false for the rest. (Spreading a template of blanks and then setting some of
 * its keys again made V8 build each entry the slow way: about 25 µs an entry, where this takes well
 * under one.)
 */
function entry(
  described: Described,
  facts: Pick<StoredActivity, 'id' | 'userId' | 'kind' | 'at'> &
    Partial<Omit<StoredActivity, keyof Described>>,
): StoredActivity {
  return {
    id: facts.id,
    userId: facts.userId,
    kind: facts.kind,
    at: facts.at,
    sessionId: facts.sessionId ?? null,
    userAgent: described.userAgent,
    ipAddress: described.ipAddress,
    device: described.device,
    location: described.location,
    deviceKey: facts.deviceKey ?? null,
    method: facts.method ?? null,
    newDevice: facts.newDevice ?? false,
    identifier: facts.identifier ?? null,
    reason: facts.reason ?? null,
    bySessionId: facts.bySessionId ?? null,
    byUserId: facts.byUserId ?? null,
  };
}

/**
 * Whether `entry` is `session`'s own sign-in: among a new session's entries, the one whose `newDevice` the
 * store decides (SessionStore.createSession). Every store asks this; none writes its own.
 */
export const isSignInOf = (entry: StoredActivity, session: Pick<StoredSession, 'id'>) =>
  entry.kind === 'signed-in' && entry.sessionId === session.id;

/**
 * A session's sign-in. `newDevice` is what a seed or a test writes as it is; the manager leaves it out, the
 * store deciding it as it stores the session (SessionStore.createSession).
 */
export function signedInEntry(
  session: StoredSession,
  facts: { method: string; deviceKey: string | null; newDevice?: boolean },
): StoredActivity {
  return entry(session, {
    id: `in_${session.id}`,
    userId: session.userId,
    kind: 'signed-in',
    at: session.createdAt,
    sessionId: session.id,
    method: facts.method,
    deviceKey: facts.deviceKey,
    newDevice: facts.newDevice ?? false,
  });
}

/** The entry kind an ended session's cause is recorded as. */
export function kindOfEnd(cause: SessionEndCause): ActivityKind {
  switch (cause) {
    case 'signed-out':
    case 'expired':
    case 'session-limit':
    case 'not-me':
      return cause;
    default:
      return 'revoked';
  }
}

/** The entry that says a session ended, when and by whom. One per session, ever (`end_…`). */
export function endedEntry(
  session: StoredSession,
  at: number,
  by: { cause: SessionEndCause; bySessionId?: string | null; byUserId?: string | null },
): StoredActivity {
  return entry(session, {
    id: `end_${session.id}`,
    userId: session.userId,
    kind: kindOfEnd(by.cause),
    at,
    sessionId: session.id,
    bySessionId: by.bySessionId ?? null,
    byUserId: by.byUserId ?? null,
  });
}

/** Housekeeping's record of sessions it removes after their expiry, dated when each expired. */
export const expiredEntries = (removed: readonly StoredSession[]) =>
  removed.map((session) => endedEntry(session, session.expiresAt, { cause: 'expired' }));

/** A session's own event that may happen many times: a wrong confirmation, a re-authentication. */
export function sessionEntry(
  kind: 'confirmation-failed' | 'reauthenticated',
  session: StoredSession,
  at: number,
): StoredActivity {
  return entry(session, { id: randomEntryId(), userId: session.userId, kind, at, sessionId: session.id });
}

/** The user's report that a sign-in was not theirs; one per session, ever (`notme_…`), so a link works once. */
export function notMeEntry(
  session: Pick<StoredActivity, 'userId' | 'sessionId'> & Described,
  at: number,
  bySessionId: string | null,
): StoredActivity {
  return entry(session, {
    id: `notme_${session.sessionId}`,
    userId: session.userId,
    kind: 'not-me',
    at,
    sessionId: session.sessionId,
    bySessionId,
  });
}

export function failedSignInEntry(params: {
  userId: string | null;
  identifier: string | null;
  reason: SignInFailureReason;
  at: number;
  described: Described;
}): StoredActivity {
  return entry(params.described, {
    id: randomEntryId(),
    userId: params.userId,
    kind: 'sign-in-failed',
    at: params.at,
    identifier: params.identifier?.slice(0, MAX_IDENTIFIER_LENGTH) ?? null,
    reason: params.reason,
  });
}
