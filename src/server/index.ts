// The public surface of `profilekit/server`: sessions as rows, tokens as secrets, and the HTTP contract
// as one Fetch-API handler. No React. Values first, then types.

export { forwardedClientAddress, getClientAddress, setClientAddress } from './clientAddress.js';
export { createMemorySessionStore } from './createMemorySessionStore.js';
export type {
  AuthenticatedRequest,
  SessionCookieOptions,
  SessionManager,
  SessionManagerOptions,
  SignInParams,
  SignInResult,
} from './createSessionManager.js';
export { createSessionManager } from './createSessionManager.js';
export { createSessionsHandler } from './createSessionsHandler.js';
export type { SessionEndReason, SessionEvent, SessionEventBus, SessionEventListener } from './events.js';
export { createInProcessEventBus } from './events.js';
export type {
  PasswordAttemptPolicy,
  PasswordCheck,
  PasswordLimiter,
} from './handler/createPasswordLimiter.js';
export { createPasswordLimiter } from './handler/createPasswordLimiter.js';
export type { CsrfOptions } from './handler/csrf.js';
export { createCsrfGuard } from './handler/csrf.js';
export type {
  AdminUserDescription,
  SessionsAdminOptions,
  SessionsHandlerOptions,
} from './handler/handlerDeps.js';
export type { ServerErrorCode } from './handler/responses.js';
export { parseDevice } from './parseDevice.js';
export { toFetchRequest, toNodeListener, writeFetchResponse } from './toNodeListener.js';
export type {
  AdminSortKey,
  PasswordFailures,
  SessionActivity,
  SessionCounts,
  SessionStore,
  SessionsPage,
  SessionsPageCursor,
  SessionsPageQuery,
  StoredSession,
} from './types.js';
