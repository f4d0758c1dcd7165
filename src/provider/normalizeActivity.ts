import { isActivityKind, SIGN_IN_FAILURE_REASONS } from '../contract/activity.js';
import { MAX_IDENTIFIER_LENGTH } from '../contract/limits.js';
import {
  asRecord,
  cleanText,
  MAX_LENGTH,
  normalizeDevice,
  normalizeLocation,
  parseDateInput,
  readId,
} from './normalizeSessions.js';
import type { ActivityEntry, SignInFailureReason } from './types.js';

/** What a page of the log comes to: the entries that could be read, the cursor, and how many were dropped. */
export interface NormalizedActivity<Entry extends ActivityEntry = ActivityEntry> {
  entries: Entry[];
  nextCursor?: string;
  /** Entries left out for want of an id, a known kind or a time: a broken entry never breaks the page. */
  dropped: number;
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function readSessionState(value: unknown): ActivityEntry['session'] {
  const raw = asRecord(value);
  if (!raw || typeof raw.active !== 'boolean') return undefined;
  const endedBy = isActivityKind(raw.endedBy) ? raw.endedBy : undefined;
  return defined({ active: raw.active, endedAt: parseDateInput(raw.endedAt) ?? undefined, endedBy });
}

/**
 * A page of the log as the provider answered it, untrusted: every string cleaned, every date read, an
 * entry without an id, a kind of the contract or a time left out (and counted), duplicates dropped.
 */
export function normalizeActivity<Extra extends object = object>(
  raw: unknown,
  /** Reads what a kind of answer adds to each entry (the admin's `user`). */
  extra: (entry: Record<string, unknown>) => Extra = () => ({}) as Extra,
): NormalizedActivity<ActivityEntry & Extra> {
  const envelope = asRecord(raw);
  const items: unknown[] = Array.isArray(envelope?.entries) ? envelope.entries : [];
  const entries: (ActivityEntry & Extra)[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const item of items) {
    const entry = asRecord(item);
    const id = entry ? readId(entry.id) : undefined;
    const at = entry ? parseDateInput(entry.at) : undefined;
    if (!entry || !id || !isActivityKind(entry.kind) || !at || seen.has(id)) {
      dropped += 1;
      continue;
    }
    seen.add(id);
    const reason = SIGN_IN_FAILURE_REASONS.find((known) => known === entry.reason) as
      | SignInFailureReason
      | undefined;
    entries.push({
      ...extra(entry),
      ...defined({
        id,
        kind: entry.kind,
        at,
        sessionId: readId(entry.sessionId),
        isCurrent: entry.isCurrent === true,
        ipAddress: cleanText(entry.ipAddress, MAX_LENGTH.ipAddress),
        userAgent: cleanText(entry.userAgent, MAX_LENGTH.userAgent),
        device: normalizeDevice(entry.device),
        location: normalizeLocation(entry.location),
        method: cleanText(entry.method, 60),
        newDevice: entry.newDevice === true,
        identifier: cleanText(entry.identifier, MAX_IDENTIFIER_LENGTH),
        reason,
        bySessionId: readId(entry.bySessionId),
        byUserId: readId(entry.byUserId),
        session: readSessionState(entry.session),
      }),
    });
  }
  const nextCursor = typeof envelope?.nextCursor === 'string' ? envelope.nextCursor : undefined;
  return { entries, nextCursor: nextCursor || undefined, dropped };
}

/** The entries of every page loaded so far, newest first, each once (a page boundary may repeat one). */
export function entriesOfPages<Entry extends ActivityEntry>(
  pages: readonly NormalizedActivity<Entry>[] | undefined,
): Entry[] {
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const entry of (pages ?? []).flatMap((page) => page.entries)) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    entries.push(entry);
  }
  return entries;
}

/** A day count as the server sent it: a whole number, never negative, else 0. */
const count = (value: unknown) =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0;

/** `GET /admin/activity/daily`'s days, read defensively: a day without a date or start is left out. */
export function normalizeActivityDays(raw: unknown) {
  const days: unknown[] = Array.isArray(asRecord(raw)?.days) ? (asRecord(raw)?.days as unknown[]) : [];
  return days.flatMap((item) => {
    const day = asRecord(item);
    const start = day ? parseDateInput(day.start) : undefined;
    const date = day ? cleanText(day.date, 20) : undefined;
    if (!day || !start || !date) return [];
    return [{ date, start, signedIn: count(day.signedIn), failedSignIns: count(day.failedSignIns) }];
  });
}
