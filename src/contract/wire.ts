/**
 * The shapes that travel: a session, the list's envelope, counts, an admin's page and stats. Untrusted
 * on the client until normalized (provider/normalizeSessions); built by the server's toWire.
 */
import type { SessionsPolicy } from './policy.js';

/** What a date may arrive as: a Date (in process), an ISO-8601 string, or epoch seconds or milliseconds. */
export type DateInput = Date | string | number;

/** The kind of device a session runs on. Drives the row's icon. */
export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'unknown';

/** A device as parsed by the server. When present it wins over parsing `userAgent` in the browser. */
export interface SessionDevice {
  /** A full name chosen by the server or the user ("Ana's MacBook"); shown instead of "browser on OS". */
  name?: string;
  type?: DeviceType;
  /** Browser name, e.g. "Chrome". */
  browser?: string;
  /** Operating system name, e.g. "macOS". */
  os?: string;
}

/** Where a session was seen, as resolved by the server. Without it the row falls back to the IP address. */
export interface SessionLocation {
  city?: string;
  region?: string;
  country?: string;
}

/** One session as the contract sends it. Only `id` is required; anything may be null. */
export interface SessionInput {
  /** Opaque, stable identifier used to revoke the session. Never a bearer token. */
  id: string;
  /** True for the session making this request. `ListSessionsResult.currentSessionId` also marks it. */
  isCurrent?: boolean;
  createdAt?: DateInput;
  lastActiveAt?: DateInput;
  expiresAt?: DateInput;
  ipAddress?: string | null;
  userAgent?: string | null;
  device?: SessionDevice | null;
  location?: SessionLocation | null;
  /** The device was marked trusted (e.g. "remember this device"). */
  trusted?: boolean;
  applicationId?: string | null;
  /** The first characters of the session token, for admins to tell sessions apart. Never the full token. */
  tokenPreview?: string | null;
  /** Anything else the host wants to carry to its own components. Not rendered by the defaults. */
  meta?: Record<string, unknown>;
}

/** `GET /sessions`. */
export interface ListSessionsResult {
  sessions: readonly SessionInput[];
  /** Marks the current session when the entries themselves do not carry `isCurrent`. */
  currentSessionId?: string | null;
  /** The server's rules (contract/policy.ts); a server that advertises none leaves it out. */
  policy?: SessionsPolicy;
}

/** `POST /sessions/revoke-others`, `POST /sessions/revoke-all`, `POST /admin/users/{id}/revoke-sessions`. */
export interface RevokeManyResult {
  /** How many sessions the server ended: exact, never estimated. */
  revokedCount: number;
}

/** One session of any user, as the admin endpoints send it. */
export interface AdminSessionInput extends SessionInput {
  user: { id: string; email?: string | null; name?: string | null };
}

/** `GET /admin/sessions`. */
export interface ListAllSessionsResult {
  sessions: readonly AdminSessionInput[];
  /** Absent or null on the last page. */
  nextCursor?: string | null;
  /** How many sessions match the filters in all. */
  total: number;
}

/** `GET /admin/stats`. */
export interface SessionStats {
  /** Sessions not ended and not past their expiry. */
  totalActive: number;
  /** Distinct users among those. */
  uniqueUsers: number;
  /** Sessions past their expiry that the server still keeps (pruned after its retention). */
  expired: number;
  /** Sessions created since the server's local midnight, live or not. */
  startedToday: number;
}

export const ADMIN_SORT_FIELDS = ['lastActiveAt', 'createdAt', 'expiresAt'] as const;
export type AdminSessionSortField = (typeof ADMIN_SORT_FIELDS)[number];
export const SORT_DIRECTIONS = ['desc', 'asc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const SESSION_STATUSES = ['active', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
