// The public surface of `profilekit/server`: sessions as rows, tokens as secrets, and the HTTP contract
// as one Fetch-API handler. No React. Values first, then types.

export type { ForwardedClientAddressOptions } from './clientAddress.js';
export { forwardedClientAddress, getClientAddress, setClientAddress } from './clientAddress.js';
export { createMemorySessionStore } from './createMemorySessionStore.js';
export type {
  ActivityRecord,
  AdminPageQuery,
  AuthenticatedRequest,
  EndedBy,
  HistoryOptions,
  HostSessionParams,
  NewDeviceAlert,
  NotMeLinkOptions,
  NotMeResult,
  SessionCookieOptions,
  SessionManager,
  SessionManagerOptions,
  SignInParams,
  SignInResult,
} from './createSessionManager.js';
export { createSessionManager, SessionLimitError } from './createSessionManager.js';
export { createSessionsHandler } from './createSessionsHandler.js';
export type { SessionEndCause, SessionEvent, SessionEventBus, SessionEventListener } from './events.js';
export { createInProcessEventBus } from './events.js';
export type { CsrfOptions } from './handler/csrf.js';
export { createCsrfGuard } from './handler/csrf.js';
export type {
  AdminUserDescription,
  SessionsAdminOptions,
  SessionsHandlerOptions,
} from './handler/handlerDeps.js';
export type { ServerErrorCode } from './handler/responses.js';
export type {
  NewDeviceMessage,
  NewDeviceMessageLocale,
  NewDeviceMessageOptions,
} from './history/newDeviceMessage.js';
export { newDeviceMessage } from './history/newDeviceMessage.js';
export type { PasswordSignInOptions, PasswordSignInResult } from './host/createPasswordSignIn.js';
export { createPasswordSignIn } from './host/createPasswordSignIn.js';
export type { RequestWithSession } from './host/sessionGuards.js';
export { honoSession, requireSession } from './host/sessionGuards.js';
export type {
  AuthjsAdapterLike,
  AuthjsAdapterOptions,
  AuthjsSession,
  AuthjsSessionsAdapter,
  AuthjsUserOf,
} from './hostSessions/authjsAdapter.js';
export { authjsSessionToken } from './hostSessions/authjsAdapter.js';
export type {
  ExpressContractOptions,
  ExpressRequestLike,
  FastifyInstanceLike,
  FastifyReplyLike,
  FastifyRequestLike,
  FastifySessionStore,
  HostContractOptions,
  HostSessionData,
  HostSessions,
  HostSessionsOptions,
  HostUserOf,
} from './hostSessions/createHostSessions.js';
export { createHostSessions } from './hostSessions/createHostSessions.js';
export type { AttemptStore } from './limits/attemptWindows.js';
export type { PasswordAttemptPolicy } from './limits/createConfirmationLimiter.js';
export type {
  SignInAttemptKey,
  SignInAttemptPolicy,
  SignInAttemptResult,
  SignInLimiter,
} from './limits/createSignInLimiter.js';
export { createSignInLimiter } from './limits/createSignInLimiter.js';
export { parseDevice } from './parseDevice.js';
export { RequestBodyError, readJsonBody } from './requestBody.js';
export type { IncomingRequest, NodeRequestLike } from './requestFacts.js';
export { StoreUnavailableError } from './storeErrors.js';
export { toFetchRequest, toNodeListener, writeFetchResponse } from './toNodeListener.js';
export type {
  ActivityCursor,
  ActivityQuery,
  AdminSortKey,
  AttemptsUpdate,
  HostSessionRecord,
  SessionActivity,
  SessionCounts,
  SessionStore,
  SessionsPage,
  SessionsPageCursor,
  SessionsPageQuery,
  StoredActivity,
  StoredSession,
} from './types.js';
