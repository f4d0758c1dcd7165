import type { ConfirmableAction, PasswordRequirement } from '../../contract/policy.js';
import type { SessionManager } from '../createSessionManager.js';
import type { ConfirmationLimiter, PasswordAttemptPolicy } from '../limits/createConfirmationLimiter.js';
import type { CsrfOptions } from './csrf.js';
import type { EventStreamOptions } from './eventStream.js';

/** Who a session belongs to, as the admin console shows it. */
export interface AdminUserDescription {
  email?: string | null;
  name?: string | null;
}

export interface SessionsAdminOptions {
  /** Whether this user may see and end every user's sessions. Others get 403 FORBIDDEN. */
  isAdmin: (userId: string) => boolean | Promise<boolean>;
  /** The user column: email and name for each id (a Map or a plain object; unknown ids may be left out). */
  describeUsers: (
    userIds: readonly string[],
  ) =>
    | Promise<ReadonlyMap<string, AdminUserDescription> | Record<string, AdminUserDescription>>
    | ReadonlyMap<string, AdminUserDescription>
    | Record<string, AdminUserDescription>;
  /**
   * Users whose email or name contain the search text (case-insensitively), so the admin search finds
   * them; sessions are searched by IP and user agent in the store. @default no user search
   */
  searchUsers?: (text: string) => readonly string[] | Promise<readonly string[]>;
  /** @default 1000 */
  maxPageSize?: number;
  /**
   * Ending every session of a user also needs a recent password proof (sign-in or re-authentication)
   * of the admin's own session, no older than this; older answers 403 REAUTH_REQUIRED. @default none
   */
  freshForRevokeUserMs?: number;
}

export interface SessionsHandlerOptions {
  manager: SessionManager;
  /** The host's own password check (its hash, its users table). */
  verifyPassword: (userId: string, password: string) => boolean | Promise<boolean>;
  /** @default every action 'required' */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
  /**
   * Actions that also need a recent password proof (sign-in or re-authentication); older ones answer
   * 403 REAUTH_REQUIRED and the kit asks for the password. @default none
   */
  freshness?: { maxAgeMs: number; actions: ReadonlyArray<ConfirmableAction | 'listSessions'> };
  /**
   * Wrong passwords allowed before confirmations answer 429, counted in the store in a sliding window.
   * @default 5 per session and 20 per user in 15 minutes
   */
  passwordAttempts?: PasswordAttemptPolicy;
  /** The path the handler is mounted under, e.g. '/api'. @default '' */
  basePath?: string;
  /** Double-submit CSRF; `false` only for bearer-token APIs that send no cookies. @default on */
  csrf?: CsrfOptions | false;
  /** The admin routes; absent means they answer 404. */
  admin?: SessionsAdminOptions;
  /** Told about an unexpected failure (the response is then 503 or 500 without details). @default console.error */
  onError?: (error: unknown) => void;
  /** Live event streams: keep-alives and caps. */
  eventStreams?: EventStreamOptions;
}

/** What every route reads: the options as given, with defaults resolved once. */
export interface HandlerDeps {
  manager: SessionManager;
  options: SessionsHandlerOptions;
  passwordRequirements: Record<ConfirmableAction, PasswordRequirement>;
  confirmations: ConfirmationLimiter;
}
