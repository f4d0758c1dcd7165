// The admin console, `profilekit/admin`: every user's sessions, stats, details. Values, then types.

export type { AdminMessages } from './adminMessages.js';
export { AdminMessagesProvider, adminEnMessages, useAdminMessages } from './adminMessages.js';
export type { AdminSessionRowProps } from './components/AdminSessionRow.js';
export { AdminSessionRow } from './components/AdminSessionRow.js';
export type { AdminSessionsTableProps } from './components/AdminSessionsTable.js';
export { AdminSessionsTable } from './components/AdminSessionsTable.js';
export type { AdminSessionsToolbarProps } from './components/AdminSessionsToolbar.js';
export { AdminSessionsToolbar } from './components/AdminSessionsToolbar.js';
export type { RevokeUserSessionsButtonProps } from './components/RevokeUserSessionsButton.js';
export { RevokeUserSessionsButton } from './components/RevokeUserSessionsButton.js';
export type { SessionDetailsProps } from './components/SessionDetails.js';
export { SessionDetails } from './components/SessionDetails.js';
export type { SessionStatsProps } from './components/SessionStats.js';
export { SessionStats } from './components/SessionStats.js';
export { adminKeys, adminMutationKeys } from './data/adminKeys.js';
export { useAdminRevokeSession } from './data/useAdminRevokeSession.js';
export { useAdminSession } from './data/useAdminSession.js';
export type { AdminSessionsPage } from './data/useAdminSessions.js';
export { DEFAULT_ADMIN_PAGE_SIZE, useAdminSessions } from './data/useAdminSessions.js';
export { useRevokeUserSessions } from './data/useRevokeUserSessions.js';
export { useSessionStats } from './data/useSessionStats.js';
export type { AdminComponents } from './defaultAdminComponents.js';
export { defaultAdminComponents } from './defaultAdminComponents.js';
export { normalizeAdminSessions, readSessionStats } from './normalizeAdminSessions.js';
export type {
  AdminCapabilities,
  AdminSession,
  AdminSessionFilters,
  AdminSessionInput,
  AdminSessionSort,
  AdminSessionSortField,
  AdminSessionsDataProvider,
  ListAllSessionsParams,
  ListAllSessionsResult,
  SessionStats as SessionStatsData,
  SessionUser,
} from './types.js';
export { getAdminCapabilities } from './types.js';
export { useAdminComponents } from './useAdminComponents.js';
