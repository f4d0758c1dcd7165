// The public surface of `profilekit`, by name: what a host renders, overrides and calls. Values first,
// then types. The contract's own helpers (parsing, normalizing) stay inside; api/index.api.md locks this.

export type { ActivityEntryItemProps } from './components/ActivityEntryItem.js';
// components
export { ActivityEntryItem } from './components/ActivityEntryItem.js';
export type { DeviceIconProps } from './components/DeviceIcon.js';
export { DeviceIcon } from './components/DeviceIcon.js';
export type { LastActiveProps } from './components/LastActive.js';
export { LastActive } from './components/LastActive.js';
export type { NotMeButtonProps } from './components/NotMeButton.js';
export { NotMeButton } from './components/NotMeButton.js';
export type { PasswordConfirmDialogProps } from './components/PasswordConfirmDialog.js';
export { PasswordConfirmDialog } from './components/PasswordConfirmDialog.js';
export type { PasswordFieldProps } from './components/PasswordField.js';
export { PasswordField } from './components/PasswordField.js';
export type { ReauthPromptProps } from './components/ReauthPrompt.js';
export { ReauthPrompt } from './components/ReauthPrompt.js';
export type { RevokeAllButtonProps } from './components/RevokeAllButton.js';
export { RevokeAllButton } from './components/RevokeAllButton.js';
export type { RevokeAllSessionsButtonProps } from './components/RevokeAllSessionsButton.js';
export { RevokeAllSessionsButton } from './components/RevokeAllSessionsButton.js';
export type { RevokeOtherSessionsButtonProps } from './components/RevokeOtherSessionsButton.js';
export { RevokeOtherSessionsButton } from './components/RevokeOtherSessionsButton.js';
export type { RevokeSessionButtonProps } from './components/RevokeSessionButton.js';
export { RevokeSessionButton } from './components/RevokeSessionButton.js';
export type { SecurityActivityProps } from './components/SecurityActivity.js';
export { SecurityActivity } from './components/SecurityActivity.js';
export type { SessionListProps } from './components/SessionList.js';
export { SessionList } from './components/SessionList.js';
export type { SessionRowProps } from './components/SessionRow.js';
export { SessionRow } from './components/SessionRow.js';
export type { SessionRowSkeletonProps } from './components/SessionRowSkeleton.js';
export { SessionRowSkeleton } from './components/SessionRowSkeleton.js';
export type { SessionsAnnouncerProps } from './components/SessionsAnnouncer.js';
export { SessionsAnnouncer } from './components/SessionsAnnouncer.js';
export type { SignOutDeviceButtonProps } from './components/SignOutDeviceButton.js';
export { SignOutDeviceButton } from './components/SignOutDeviceButton.js';
export type { PrefetchSessionsOptions } from './data/prefetchSessions.js';
// data
export { prefetchSessions } from './data/prefetchSessions.js';
export type { RevokeSessionState, RevokeState } from './data/SessionRevokes.js';
export type { SignedOutEvent, SignedOutReason } from './data/SessionsDataContext.js';
export { useSessionsCapabilities } from './data/SessionsDataContext.js';
export type { SessionsListData } from './data/sessionCache.js';
export type { SessionsListFilters } from './data/sessionsKeys.js';
export { sessionsKeys, sessionsMutationKeys } from './data/sessionsKeys.js';
export type { UseReauthenticateResult } from './data/useReauthenticate.js';
export { useReauthenticate } from './data/useReauthenticate.js';
export { useRevokeAllSessions } from './data/useRevokeAllSessions.js';
export type { RevokeManyVariables, UseRevokeManySessionsResult } from './data/useRevokeManySessions.js';
export { useRevokeOtherSessions } from './data/useRevokeOtherSessions.js';
export type {
  RevokeSessionCallbacks,
  RevokeSessionData,
  RevokeSessionVariables,
  UseRevokeSessionOptions,
  UseRevokeSessionResult,
} from './data/useRevokeSession.js';
export { useRevokeSession } from './data/useRevokeSession.js';
export { useRevokeSessionState } from './data/useRevokeSessionState.js';
export type { UseSecurityActivityOptions, UseSecurityActivityResult } from './data/useSecurityActivity.js';
export { useSecurityActivity } from './data/useSecurityActivity.js';
export type { SessionsListView, UseSessionsOptions, UseSessionsResult } from './data/useSessions.js';
export { getSessionsListView, useSessions } from './data/useSessions.js';
export type { SessionsDataOptions } from './data/useSessionsDataValue.js';
export type { UseSignOutResult } from './data/useSignOut.js';
export { useSignOut } from './data/useSignOut.js';
export type { DeviceDescription } from './format/describeDevice.js';
// format
export { describeDevice } from './format/describeDevice.js';
export type { ActivityItem } from './format/groupActivity.js';
export {
  activityMessagesFor,
  arActivityMessages,
  deActivityMessages,
  enActivityMessages,
  esActivityMessages,
  frActivityMessages,
} from './messages/activity/index.js';
export type { ActivityMessages } from './messages/activity/types.js';
// texts
export {
  arMessages,
  deMessages,
  enMessages,
  esMessages,
  frMessages,
  rtlLocales,
  shippedLocales,
} from './messages/index.js';
export type { ErrorMessageArgs, SessionsMessages, SessionsMessagesOverride } from './messages/types.js';
export type { SessionsErrorCode, SessionsErrorOptions } from './provider/SessionsError.js';
// errors
export { isSessionsError, SessionsError } from './provider/SessionsError.js';
// The provider contract's types, all of them (api/index.api.md lists them by name).
export type * from './provider/types.js';
export type { SessionsClassNames, SessionsPart } from './registry/classNames.js';
export type {
  OptionalSessionsComponents,
  SessionsComponentOverrides,
  SessionsComponents,
} from './registry/defaultComponents.js';
// provider and registry
export { defaultComponents } from './registry/defaultComponents.js';
export type { SessionsProviderProps } from './registry/SessionsProvider.js';
export { SessionsProvider } from './registry/SessionsProvider.js';
export type { SessionsUIContextValue } from './registry/SessionsUIContext.js';
export { partClass, useSessionsUI } from './registry/SessionsUIContext.js';
