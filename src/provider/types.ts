/**
 * The data-provider contract: how profilekit talks to a host's backend.
 *
 * A provider is a plain object of Promise-returning methods, each taking one params object. Every method
 * is optional: the UI offers only what the provider can do (a provider with only `revokeOtherSessions`
 * still gets a working "Sign out other devices" button). A provider rejects — with a `SessionsError` or
 * anything `toSessionsError` understands — and never throws synchronously.
 */

import type {
  ActivityKind,
  ConfirmableAction,
  ListActivityResult,
  ListSessionsResult,
  PasswordRequirement,
  SessionDevice,
  SessionEndCause,
  SessionLocation,
  SessionsPolicy,
  SignInFailureReason,
} from '../contract/index.js';

export type {
  ActivityEntryInput,
  ActivityKind,
  ActivitySessionState,
  AdminActivityEntryInput,
  AdminSessionInput,
  ConfirmableAction,
  DateInput,
  DeviceType,
  ListActivityResult,
  ListAllActivityResult,
  ListSessionsResult,
  PasswordRequirement,
  RevokeManyResult,
  SessionDevice,
  SessionEndCause,
  SessionInput,
  SessionLocation,
  SessionsPolicy,
  SignInFailureReason,
} from '../contract/index.js';

/** A session after `normalizeSessions`: dates are Dates, strings are clean, absent fields are absent. */
export interface Session {
  id: string;
  isCurrent: boolean;
  createdAt?: Date;
  lastActiveAt?: Date;
  expiresAt?: Date;
  ipAddress?: string;
  userAgent?: string;
  device?: SessionDevice;
  location?: SessionLocation;
  trusted: boolean;
  applicationId?: string;
  tokenPreview?: string;
  meta?: Record<string, unknown>;
}

/** A log entry after `normalizeActivity`: dates are Dates, strings are clean, absent fields are absent. */
export interface ActivityEntry {
  id: string;
  kind: ActivityKind;
  at: Date;
  sessionId?: string;
  isCurrent: boolean;
  ipAddress?: string;
  userAgent?: string;
  device?: SessionDevice;
  location?: SessionLocation;
  method?: string;
  newDevice: boolean;
  identifier?: string;
  reason?: SignInFailureReason;
  bySessionId?: string;
  byUserId?: string;
  /** For a sign-in: whether its session is still active, else when and how it ended. */
  session?: { active: boolean; endedAt?: Date; endedBy?: ActivityKind };
}

export interface ListActivityParams {
  signal: AbortSignal;
  /** The previous page's `nextCursor`; absent for the first page. */
  cursor?: string;
  /** @default the server's (20 over the contract) */
  limit?: number;
}

export interface ReportNotMeParams {
  /** The session the user says was not them. */
  sessionId: string;
  password?: string;
}

export interface ListSessionsParams {
  /** Aborted when the list is no longer wanted (unmount, a newer fetch). Pass it on to `fetch`. */
  signal: AbortSignal;
  /** Only sessions of this application (for a backend that serves several apps). */
  applicationId?: string;
}

export interface RevokeSessionParams {
  sessionId: string;
  /** Present when `passwordRequirements.revokeSession` is `'required'`. */
  password?: string;
}

export interface RevokeManyParams {
  /** Present when the action's password requirement is `'required'`. */
  password?: string;
  /** Only sessions of this application. */
  applicationId?: string;
}

/**
 * What signing out many devices resolved with: how many sessions ended, or `null` when the backend ends
 * them without saying how many (Better Auth's revoke endpoints answer `{ status: true }` and nothing else);
 * the page then says "Signed out of every other device." and never a number it made up. A server of the
 * HTTP contract always counts (`RevokeManyResult`).
 */
export interface RevokeManyOutcome {
  revokedCount: number | null;
}

export interface ReauthenticateParams {
  password: string;
}

/**
 * A change pushed by the backend as it happens (the REST adapter: Server-Sent Events), under the
 * contract's event names (contract/events.ts), plus the stream's own state.
 */
export type SessionsLiveEvent =
  /** Another device of this user signed in. */
  | { type: 'session.started'; sessionId: string }
  /** Another device of this user was signed out; `bySessionId` is the session that did it, if any. */
  | { type: 'session.ended'; sessionId: string; cause?: SessionEndCause; bySessionId?: string | null }
  /** This device itself was signed out, from elsewhere, by an admin, or by time. */
  | { type: 'signed-out'; cause?: SessionEndCause; bySessionId?: string | null }
  /**
   * The stream is (re)connected: anything may have changed while it was down. `fingerprint` names the
   * server's session set (provider/sessionSetFingerprint.ts); when it matches the list held, nothing did.
   */
  | { type: 'connected'; fingerprint?: string }
  /** The stream dropped; the adapter reconnects with backoff, and the kit polls meanwhile. */
  | { type: 'disconnected' };

export interface SessionsDataProvider {
  /**
   * Lists the signed-in user's sessions. Absent when the backend cannot list (e.g. cookie sessions
   * without a database): revoke-all buttons still work.
   */
  listSessions?: (params: ListSessionsParams) => Promise<ListSessionsResult>;
  /** Ends one session. Rejects with NOT_FOUND when the id is unknown — never a silent success. */
  revokeSession?: (params: RevokeSessionParams) => Promise<void>;
  /** Ends every session but the current one (Laravel's `logoutOtherDevices`). */
  revokeOtherSessions?: (params: RevokeManyParams) => Promise<RevokeManyOutcome>;
  /** Ends every session, the current one included: the host's `onSignedOut` runs afterwards. */
  revokeAllSessions?: (params: RevokeManyParams) => Promise<RevokeManyOutcome>;
  /** Ends the current session only. Without it, "Sign out" on this device hands over to `onSignedOut`. */
  signOut?: () => Promise<void>;
  /**
   * Confirms the password when the backend wants a fresh login (REAUTH_REQUIRED), after which the
   * refused call is retried. Without it, the re-auth state hands over to the host's `onReauthRequired`.
   */
  reauthenticate?: (params: ReauthenticateParams) => Promise<void>;
  /**
   * Pushes changes as they happen; answers a function that stops them. With it the kit shows a new
   * sign-in at once and hands the device that was signed out elsewhere to `onSignedOut` at once; without
   * it the kit polls.
   */
  subscribeToSessionEvents?: (listener: (event: SessionsLiveEvent) => void) => () => void;
  /**
   * The server's rules as it advertises them (contract/policy.ts): which actions ask for the password,
   * freshness, whether the caller is an admin. The kit reads it once per scope (a list's answer may carry
   * it too), so the client asks for a password exactly where the server wants one.
   */
  getPolicy?: (params: { signal?: AbortSignal }) => Promise<SessionsPolicy>;
  /**
   * Which actions ask for the password before they run, for a backend that cannot advertise its policy.
   * Given, it wins over `getPolicy`.
   * @default what `getPolicy` says, else every action 'none'
   */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
  /**
   * The user's authentication log, newest first, a page at a time (sign-ins, failed attempts, sign-outs).
   * Absent when the backend keeps no history: the activity section then says it is not available.
   */
  listActivity?: (params: ListActivityParams) => Promise<ListActivityResult>;
  /**
   * The user reports a session as not theirs: the backend ends it and records the report. Asks for the
   * password where `revokeSession` does. Without it, "This wasn't me?" signs the session out with
   * `revokeSession`.
   */
  reportNotMe?: (params: ReportNotMeParams) => Promise<void>;
}

/** The methods a provider may have, by name. */
export type SessionsMethod = Exclude<keyof SessionsDataProvider, 'passwordRequirements'>;

/** What a provider can do, derived once from which methods it has. */
export interface SessionsCapabilities {
  canList: boolean;
  canRevokeSession: boolean;
  canRevokeOtherSessions: boolean;
  canRevokeAllSessions: boolean;
  /**
   * This device can be signed out: the provider has `signOut` (and, in the kit's context, also when the
   * host signs out through `onSignedOut`).
   */
  canSignOut: boolean;
  canReauthenticate: boolean;
  /** The provider pushes live events (`subscribeToSessionEvents`). */
  canSubscribe: boolean;
  /** The provider reads the authentication log (`listActivity`). */
  canListActivity: boolean;
  password: Record<ConfirmableAction, PasswordRequirement>;
}
