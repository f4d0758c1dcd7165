import type { ActivityDailyResult, ActivityKind, ListAllActivityResult } from '../../contract/activity.js';
import type {
  AdminSessionInput,
  AdminSessionSortField,
  ListAllSessionsResult,
  SessionStats,
} from '../../contract/wire.js';
import type { Session } from '../../provider/types.js';

export type {
  ActivityDailyResult,
  AdminSessionInput,
  AdminSessionSortField,
  ListAllActivityResult,
  ListAllSessionsResult,
  SessionStats,
};

/** `listAllActivity`'s filters: every one given must hold. */
export interface ListAllActivityParams {
  signal: AbortSignal;
  cursor?: string;
  limit?: number;
  userId?: string;
  kinds?: readonly ActivityKind[];
  /** At or after (epoch ms). */
  from?: number;
  /** Before (epoch ms). */
  to?: number;
}

/** Who a session belongs to, as an admin sees it. */
export interface SessionUser {
  id: string;
  email?: string;
  name?: string;
}

/** An admin's view of a session: the normalized session, its user, and whether it still counts. */
export interface AdminSession extends Session {
  user: SessionUser;
  status: 'active' | 'expired';
}

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

/**
 * The admin console's provider contract, on its own: every user's sessions, not the signed-in user's.
 * Every method is optional and capability-detected, like the user half's.
 */
export interface AdminSessionsDataProvider {
  listAllSessions?: (params: ListAllSessionsParams) => Promise<ListAllSessionsResult>;
  /** One session with its user; rejects NOT_FOUND when unknown. */
  getSession?: (params: { sessionId: string; signal?: AbortSignal }) => Promise<AdminSessionInput>;
  /** Ends any user's session; rejects NOT_FOUND when unknown, ended or removed. */
  revokeAnySession?: (params: { sessionId: string }) => Promise<void>;
  /** Ends every session of one user. */
  revokeUserSessions?: (params: { userId: string }) => Promise<{ revokedCount: number }>;
  getSessionStats?: (params: { signal?: AbortSignal }) => Promise<SessionStats>;
  /** Every user's authentication log, newest first, filtered; absent when the backend keeps none. */
  listAllActivity?: (params: ListAllActivityParams) => Promise<ListAllActivityResult>;
  /** Sign-ins and failed sign-ins per day, the last `days` (default 30), today last. */
  getActivityDaily?: (params: { signal?: AbortSignal; days?: number }) => Promise<ActivityDailyResult>;
}

/** What an admin provider can do, derived once from which methods it has. */
export interface AdminCapabilities {
  canListAll: boolean;
  canGetSession: boolean;
  canRevoke: boolean;
  canRevokeUserSessions: boolean;
  canGetStats: boolean;
  canListActivity: boolean;
  canGetActivityDaily: boolean;
}
