// The admin console, `profilekit/admin`: every user's sessions, stats, details. Values, then types; the
// surface by name is api/admin.api.md, which the test command keeps in step with this file.

export type { AdminActivityProps } from './components/AdminActivity.js';
export { AdminActivity } from './components/AdminActivity.js';
export type { AdminActivityChartProps } from './components/AdminActivityChart.js';
export { AdminActivityChart } from './components/AdminActivityChart.js';
export type { AdminSessionRowProps } from './components/AdminSessionRow.js';
// components
export { AdminSessionRow } from './components/AdminSessionRow.js';
export type { AdminSessionStatsProps } from './components/AdminSessionStats.js';
export { AdminSessionStats } from './components/AdminSessionStats.js';
export type { AdminSessionsTableProps } from './components/AdminSessionsTable.js';
export { AdminSessionsTable } from './components/AdminSessionsTable.js';
export type { AdminSessionsToolbarProps } from './components/AdminSessionsToolbar.js';
export { AdminSessionsToolbar } from './components/AdminSessionsToolbar.js';
export type { RevokeUserSessionsButtonProps } from './components/RevokeUserSessionsButton.js';
export { RevokeUserSessionsButton } from './components/RevokeUserSessionsButton.js';
export type { SessionDetailsProps } from './components/SessionDetails.js';
export { SessionDetails } from './components/SessionDetails.js';
// data
export { useAdminCapabilities } from './data/AdminDataContext.js';
export { adminKeys, adminMutationKeys } from './data/adminKeys.js';
export type { ActivityDays, AdminActivityEntry, AdminActivityFilters } from './data/useAdminActivity.js';
export { useActivityDaily, useAdminActivity } from './data/useAdminActivity.js';
export type { UseAdminRevokeSessionResult } from './data/useAdminRevokeSession.js';
export { useAdminRevokeSession } from './data/useAdminRevokeSession.js';
export type { UseAdminSessionResult } from './data/useAdminSession.js';
export { useAdminSession } from './data/useAdminSession.js';
export type {
  AdminSessionsList,
  AdminSessionsPage,
  UseAdminSessionsResult,
} from './data/useAdminSessions.js';
export { useAdminSessions } from './data/useAdminSessions.js';
export type { UseRevokeUserSessionsResult } from './data/useRevokeUserSessions.js';
export { useRevokeUserSessions } from './data/useRevokeUserSessions.js';
export type { UseSessionStatsResult } from './data/useSessionStats.js';
export { useSessionStats } from './data/useSessionStats.js';
// texts: the console in each shipped language (adminDeMessages…) and all of them by tag
export * from './messages/index.js';
export type {
  AdminMessages,
  AdminSessionsMessages,
  AdminSessionsMessagesOverride,
} from './messages/types.js';
// The admin contract's types, all of them (api/admin.api.md lists them by name).
export type * from './provider/types.js';
export type { AdminSessionsProviderProps } from './registry/AdminSessionsProvider.js';
// provider and registry
export { AdminSessionsProvider } from './registry/AdminSessionsProvider.js';
export type { AdminUIContextValue } from './registry/AdminUIContext.js';
export { useAdminUI } from './registry/AdminUIContext.js';
export type { AdminClassNames, AdminPart } from './registry/adminClassNames.js';
export type { AdminComponentOverrides, AdminComponents } from './registry/defaultAdminComponents.js';
export { defaultAdminComponents } from './registry/defaultAdminComponents.js';
