import type { Session, SessionInput, SessionsDataProvider } from '../../provider/types.js';

/** Who a session belongs to, as an admin sees it. */
export interface SessionUser {
  id: string;
  email?: string;
  name?: string;
}

/** One session of any user, as an admin provider returns it. Untrusted until normalized. */
export interface AdminSessionInput extends SessionInput {
  user: { id: string; email?: string | null; name?: string | null };
}

/** An admin's view of a session: the normalized session, its user, and whether it still counts. */
export interface AdminSession extends Session {
  user: SessionUser;
  status: 'active' | 'expired';
}

export type AdminSessionSortField = 'lastActiveAt' | 'createdAt' | 'expiresAt';

export interface AdminSessionSort {
  field: AdminSessionSortField;
  direction: 'asc' | 'desc';
}

/** Filters of the admin list; every one is applied by the server. */
export interface AdminSessionFilters {
  /** Matches email, name, IP and user agent. */
  search?: string;
  userId?: string;
  applicationId?: string;
  /** @default 'active' */
  status?: 'active' | 'expired';
  /** @default { field: 'lastActiveAt', direction: 'desc' } */
  sort?: AdminSessionSort;
}

export interface ListAllSessionsParams extends AdminSessionFilters {
  signal: AbortSignal;
  /** Where the previous page ended; absent for the first page. */
  cursor?: string;
  limit: number;
}

export interface ListAllSessionsResult {
  sessions: readonly AdminSessionInput[];
  /** Absent or null on the last page. */
  nextCursor?: string | null;
  /** How many sessions match the filters in all. */
  total: number;
}

/** The admin console's counts of every session. */
export interface SessionStats {
  totalActive: number;
  uniqueUsers: number;
  expired: number;
  /** Sessions created since midnight (server time). */
  startedToday: number;
}

/**
 * The admin extension of the provider contract. Every method is optional and capability-detected, like
 * the rest. On an admin provider `revokeSession` revokes any user's session (NOT_FOUND when unknown).
 */
export interface AdminSessionsDataProvider extends SessionsDataProvider {
  listAllSessions?: (params: ListAllSessionsParams) => Promise<ListAllSessionsResult>;
  /** One session with its user; rejects NOT_FOUND when unknown. */
  getSession?: (params: { sessionId: string; signal?: AbortSignal }) => Promise<AdminSessionInput>;
  revokeUserSessions?: (params: { userId: string }) => Promise<{ revokedCount: number }>;
  getSessionStats?: (params: { signal?: AbortSignal }) => Promise<SessionStats>;
}

/** What an admin provider can do, derived once from which methods it has. */
export interface AdminCapabilities {
  canListAll: boolean;
  canGetSession: boolean;
  canRevoke: boolean;
  canRevokeUserSessions: boolean;
  canGetStats: boolean;
}
