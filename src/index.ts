// The public surface of `profilekit`, by name. Values first, then types.

export type { DeviceIconProps } from './components/DeviceIcon.js';
// components
export { DeviceIcon } from './components/DeviceIcon.js';
export type { LastActiveProps } from './components/LastActive.js';
export { LastActive } from './components/LastActive.js';
export type { PasswordConfirmDialogProps } from './components/PasswordConfirmDialog.js';
export { PasswordConfirmDialog } from './components/PasswordConfirmDialog.js';
export type { ReauthPromptProps } from './components/ReauthPrompt.js';
export { ReauthPrompt } from './components/ReauthPrompt.js';
export type { RevokeAllButtonProps } from './components/RevokeAllButton.js';
export { RevokeAllButton } from './components/RevokeAllButton.js';
export type { RevokeSessionButtonProps } from './components/RevokeSessionButton.js';
export { RevokeSessionButton } from './components/RevokeSessionButton.js';
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
export { prefetchSessions } from './data/prefetchSessions.js';
export type { SignedOutEvent, SignedOutReason } from './data/SessionsDataContext.js';
export type { SessionsListData } from './data/sessionCache.js';
export type { SessionsListFilters } from './data/sessionsKeys.js';
// data layer
export { sessionsKeys, sessionsMutationKeys } from './data/sessionsKeys.js';
export { sessionsListQueryOptions } from './data/sessionsListQueryOptions.js';
export type { UseReauthenticateResult } from './data/useReauthenticate.js';
export { useReauthenticate } from './data/useReauthenticate.js';
export { useRevokeAllSessions } from './data/useRevokeAllSessions.js';
export type { RevokeManyVariables, UseRevokeManySessionsResult } from './data/useRevokeManySessions.js';
export { useRevokeOtherSessions } from './data/useRevokeOtherSessions.js';
export type {
  RevokeSessionData,
  RevokeSessionVariables,
  UseRevokeSessionOptions,
  UseRevokeSessionResult,
} from './data/useRevokeSession.js';
export { useRevokeSession } from './data/useRevokeSession.js';
export type { RevokeSessionState, RevokeState } from './data/useRevokeSessionState.js';
export { useRevokeSessionState } from './data/useRevokeSessionState.js';
export type { SessionsListView, UseSessionsOptions, UseSessionsResult } from './data/useSessions.js';
export { getSessionsListView, useSessions } from './data/useSessions.js';
export type { SessionsDataOptions } from './data/useSessionsDataValue.js';
export type { UseSignOutResult } from './data/useSignOut.js';
export { useSignOut } from './data/useSignOut.js';
export type { DeviceDescription } from './format/describeDevice.js';
export { describeDevice, parseUserAgent } from './format/describeDevice.js';
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
// provider contract
export { getCapabilities } from './provider/getCapabilities.js';
export type { NormalizationIssue, NormalizedSessions } from './provider/normalizeSessions.js';
export { cleanText, normalizeSessions, parseDateInput } from './provider/normalizeSessions.js';
export type { SessionsErrorCode, SessionsErrorOptions } from './provider/SessionsError.js';
export { isSessionsError, SESSIONS_ERROR_CODES, SessionsError } from './provider/SessionsError.js';
export { parseRetryAfter, toSessionsError } from './provider/toSessionsError.js';
export type {
  ConfirmableAction,
  DateInput,
  DeviceType,
  ListSessionsParams,
  ListSessionsResult,
  PasswordRequirement,
  ReauthenticateParams,
  RevokeManyParams,
  RevokeManyResult,
  RevokeSessionParams,
  Session,
  SessionDevice,
  SessionInput,
  SessionLocation,
  SessionsCapabilities,
  SessionsDataProvider,
  SessionsMethod,
} from './provider/types.js';
export type { SessionsClassNames, SessionsPart } from './registry/classNames.js';
// registry
export { SESSIONS_PARTS } from './registry/classNames.js';
export type { SessionsComponents } from './registry/defaultComponents.js';
export { defaultComponents } from './registry/defaultComponents.js';
export type { SessionsProviderProps } from './registry/SessionsProvider.js';
export { SessionsProvider } from './registry/SessionsProvider.js';
export type { SessionsUIContextValue } from './registry/SessionsUIContext.js';
export { useSessionsUI } from './registry/SessionsUIContext.js';
