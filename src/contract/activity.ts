/**
 * The authentication log (docs/rest-contract.md, "Activity"): its entry kinds, the shape an entry travels
 * in, and how its two reads take their parameters. The server records and serves it, the REST adapter and
 * the memory backend read it, the kit renders it, under these words everywhere.
 */
import { DEFAULT_ADMIN_PAGE_SIZE, MAX_TEXT_LENGTH } from './limits.js';
import { optionalText, ParamError } from './params.js';
import type { DateInput, SessionDevice, SessionLocation } from './wire.js';

/** What an entry says happened. */
export const ACTIVITY_KINDS = [
  /** A sign-in started a session (`method`, `newDevice`). */
  'signed-in',
  /** A sign-in was refused (`identifier`, `reason`); `userId` is null when no account has the identifier. */
  'sign-in-failed',
  /** A wrong password where a session had to confirm one (a revoke, a re-authentication). */
  'confirmation-failed',
  /** A session proved the password again. */
  'reauthenticated',
  /** A session signed itself out, or a new sign-in in its browser replaced it. */
  'signed-out',
  /** A session was ended by another of the user's sessions (`bySessionId`), an admin (`byUserId`) or the host. */
  'revoked',
  /** A session reached its idle or absolute expiry (recorded when housekeeping removes it). */
  'expired',
  /** A new sign-in went past the host's cap on sessions and this session, the least recently active, ended. */
  'session-limit',
  /** The user reported a sign-in as not theirs (the new-device link, or "This wasn't me?"); it ended. */
  'not-me',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The kinds that end a session: a `signed-in` entry whose session has one of these is no longer active. */
export const SESSION_ENDING_KINDS = [
  'signed-out',
  'revoked',
  'expired',
  'session-limit',
  'not-me',
] as const satisfies readonly ActivityKind[];

export const isActivityKind = (value: unknown): value is ActivityKind =>
  (ACTIVITY_KINDS as readonly unknown[]).includes(value);

/** Why a sign-in was refused (`reason` of `sign-in-failed`). */
export const SIGN_IN_FAILURE_REASONS = [
  /** The identifier and password did not match an account. */
  'invalid-credentials',
  /** Too many attempts: the limiter refused before checking. */
  'rate-limited',
  /** The account has as many sessions as the host allows (`whenFull: 'refuse'`). */
  'session-limit',
] as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];

/** How a `signed-in` session stands now: active, or ended when and how. */
export interface ActivitySessionState {
  active: boolean;
  /** When it ended; null while active (or when the server no longer knows). */
  endedAt?: DateInput | null;
  /** The kind of the entry that ended it. */
  endedBy?: ActivityKind | null;
}

/** One entry of the log as the contract sends it. Only `id`, `kind` and `at` are required. */
export interface ActivityEntryInput {
  /** Opaque and stable; the keyset cursor's tie-break. */
  id: string;
  kind: ActivityKind;
  at: DateInput;
  /** The session the entry is about (the one signed in, ended, reported); null for a failed sign-in. */
  sessionId?: string | null;
  /** True when `sessionId` is the session making this request. */
  isCurrent?: boolean;
  ipAddress?: string | null;
  userAgent?: string | null;
  device?: SessionDevice | null;
  location?: SessionLocation | null;
  /** `signed-in`: how (the host's word: `password`, `passkey`, `oauth:github`…). */
  method?: string | null;
  /** `signed-in`: a device (browser, OS and type) this user had not signed in from within the retention window. */
  newDevice?: boolean;
  /** `sign-in-failed`: the identifier tried (an email), as typed. */
  identifier?: string | null;
  /** `sign-in-failed`: why it was refused. */
  reason?: SignInFailureReason | null;
  /** `revoked`: the session whose request ended it. */
  bySessionId?: string | null;
  /** `revoked`: the admin who ended it. */
  byUserId?: string | null;
  /** `signed-in`: whether its session is still active, else when and how it ended. */
  session?: ActivitySessionState | null;
}

/** One entry of any user's log, as the admin endpoint sends it. */
export interface AdminActivityEntryInput extends ActivityEntryInput {
  /** Null for a failed sign-in with an identifier no account has. */
  user: { id: string; email?: string | null; name?: string | null } | null;
}

/** `GET /sessions/activity`. */
export interface ListActivityResult {
  entries: readonly ActivityEntryInput[];
  /** Absent or null on the last page. */
  nextCursor?: string | null;
}

/** `GET /admin/activity`. */
export interface ListAllActivityResult {
  entries: readonly AdminActivityEntryInput[];
  nextCursor?: string | null;
}

/** The most entries one page may ask for. */
export const MAX_ACTIVITY_PAGE_SIZE = 100;
/** The page size when `limit` is absent. */
export const DEFAULT_ACTIVITY_PAGE_SIZE = 20;

/** A whole number from 1 to `max`; absent or empty is `fallback`. */
function readLimit(text: string | null, max: number, fallback: number, name = 'limit') {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '') return fallback;
  const limit = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || limit < 1 || limit > max) {
    throw new ParamError(`"${name}" must be a whole number from 1 to ${max}.`);
  }
  return limit;
}

/** An instant parameter: epoch milliseconds or an ISO-8601 text; absent or empty is "not given". */
function readInstant(value: string | null, name: string): number | undefined {
  const text = optionalText(value, name, 40);
  if (text === undefined) return undefined;
  const at = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isSafeInteger(at))
    throw new ParamError(`"${name}" must be epoch milliseconds or an ISO-8601 time.`);
  return at;
}

/** `GET /sessions/activity?limit=&cursor=`: newest first, `limit` 1–100 (default 20). */
export const readActivityQuery = (query: URLSearchParams) => ({
  limit: readLimit(query.get('limit'), MAX_ACTIVITY_PAGE_SIZE, DEFAULT_ACTIVITY_PAGE_SIZE),
  cursor: optionalText(query.get('cursor'), 'cursor', 1000),
});

export interface AdminActivityQuery {
  limit: number;
  cursor?: string;
  userId?: string;
  /** Any of these kinds (`kind` repeated or comma-separated); absent is every kind. */
  kinds?: ActivityKind[];
  /** At or after (epoch ms). */
  from?: number;
  /** Before (epoch ms). */
  to?: number;
}

/**
 * `GET /admin/activity?userId=&kind=&from=&to=&limit=&cursor=`: newest first. An unknown kind is a
 * ParamError, never ignored; `limit` 1–100 (default 50).
 */
export function readAdminActivityQuery(query: URLSearchParams): AdminActivityQuery {
  const kinds = query
    .getAll('kind')
    .flatMap((value) => value.split(','))
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
  for (const kind of kinds) {
    if (!isActivityKind(kind)) throw new ParamError(`"kind" must be among ${ACTIVITY_KINDS.join(', ')}.`);
  }
  const from = readInstant(query.get('from'), 'from');
  const to = readInstant(query.get('to'), 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new ParamError('"from" must not be after "to".');
  return {
    limit: readLimit(query.get('limit'), MAX_ACTIVITY_PAGE_SIZE, DEFAULT_ADMIN_PAGE_SIZE),
    cursor: optionalText(query.get('cursor'), 'cursor', 1000),
    userId: optionalText(query.get('userId'), 'userId', MAX_TEXT_LENGTH),
    kinds: kinds.length === 0 ? undefined : [...new Set(kinds as ActivityKind[])],
    from,
    to,
  };
}

/** One day of `GET /admin/activity/daily`. */
export interface ActivityDay {
  /** The day, in the server's calendar: `2026-12-06`. */
  date: string;
  /** When it starts (the server's local midnight), ISO-8601. */
  start: string;
  signedIn: number;
  failedSignIns: number;
}

/** `GET /admin/activity/daily`: the last `days` days, oldest first, today last. */
export interface ActivityDailyResult {
  days: readonly ActivityDay[];
}

/** The most days `GET /admin/activity/daily` answers: 90, as far back as a log keeps by default. */
export const MAX_ACTIVITY_DAYS = 90;

/** `GET /admin/activity/daily?days=`: 1–90, default 30. */
export const readActivityDailyQuery = (query: URLSearchParams) => ({
  days: readLimit(query.get('days'), MAX_ACTIVITY_DAYS, 30, 'days'),
});
