// The public surface of `profilekit`, by name. Values first, then types.

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
export type { SessionsListView, UseSessionsOptions, UseSessionsResult } from './data/useSessions.js';
export { getSessionsListView, useSessions } from './data/useSessions.js';
export type { SessionsDataOptions } from './data/useSessionsDataValue.js';
export type { UseSignOutResult } from './data/useSignOut.js';
export { useSignOut } from './data/useSignOut.js';
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
export type { SessionsProviderProps } from './registry/SessionsProvider.js';
// registry
export { SessionsProvider } from './registry/SessionsProvider.js';
