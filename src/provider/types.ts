/**
 * The data-provider contract: how profilekit talks to a host's backend.
 *
 * A provider is a plain object of Promise-returning methods, each taking one params object. Every method
 * is optional: the UI offers only what the provider can do (a provider with only `revokeOtherSessions`
 * still gets a working "Sign out other devices" button). A provider rejects — with a `SessionsError` or
 * anything `toSessionsError` understands — and never throws synchronously.
 */

/** What a date may arrive as from a backend: a Date, an ISO-8601 string, or epoch seconds or milliseconds. */
export type DateInput = Date | string | number;

/** The kind of device a session runs on. Drives the row's icon. */
export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'unknown';

/** A device as parsed by the server. When present it wins over parsing `userAgent` in the browser. */
export interface SessionDevice {
  /** A full name chosen by the server or the user ("Ana's MacBook"); shown instead of "browser on OS". */
  name?: string;
  type?: DeviceType;
  /** Browser name, e.g. "Chrome". */
  browser?: string;
  /** Operating system name, e.g. "macOS". */
  os?: string;
}

/** Where a session was seen, as resolved by the server. Without it the row falls back to the IP address. */
export interface SessionLocation {
  city?: string;
  region?: string;
  country?: string;
}

/**
 * One session as a provider returns it. Untrusted: `normalizeSessions` validates every field before
 * anything renders it.
 */
export interface SessionInput {
  /** Opaque, stable identifier used to revoke the session. Never a bearer token. */
  id: string;
  /** True for the session making this request. `ListSessionsResult.currentSessionId` also marks it. */
  isCurrent?: boolean;
  createdAt?: DateInput;
  lastActiveAt?: DateInput;
  expiresAt?: DateInput;
  ipAddress?: string | null;
  userAgent?: string | null;
  device?: SessionDevice | null;
  location?: SessionLocation | null;
  /** The device was marked trusted (e.g. "remember this device"). */
  trusted?: boolean;
  applicationId?: string | null;
  tenant?: string | null;
  /** The first characters of the session token, for admins to tell sessions apart. Never the full token. */
  tokenPreview?: string | null;
  /** Anything else the host wants to carry to its own components. Not rendered by the defaults. */
  meta?: Record<string, unknown>;
}

/** What `listSessions` resolves with. */
export interface ListSessionsResult {
  sessions: readonly SessionInput[];
  /** Marks the current session when the entries themselves do not carry `isCurrent`. */
  currentSessionId?: string | null;
}

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
  tenant?: string;
  tokenPreview?: string;
  meta?: Record<string, unknown>;
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

export interface RevokeManyResult {
  /** How many sessions the server ended. */
  revokedCount: number;
}

export interface ReauthenticateParams {
  password: string;
}

/** Actions that may ask for the user's password first. */
export type ConfirmableAction = 'revokeSession' | 'revokeOtherSessions' | 'revokeAllSessions';

/** Whether an action asks for the password. */
export type PasswordRequirement = 'none' | 'required';

/** Who or what ended a session, as the server's live events say. */
export type SessionEndCause =
  | 'revoked'
  | 'revoked-others'
  | 'revoked-all'
  | 'signed-out'
  | 'admin'
  | 'host'
  | 'expired'
  | 'session-limit';

/** A change pushed by the backend as it happens (the REST adapter: Server-Sent Events). */
export type SessionsLiveEvent =
  /** Another device of this user signed in. */
  | { type: 'session-started'; sessionId: string }
  /** Another device of this user was signed out. */
  | { type: 'session-ended'; sessionId: string; cause?: SessionEndCause }
  /** This device itself was signed out, from elsewhere or by an admin. */
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
  revokeOtherSessions?: (params: RevokeManyParams) => Promise<RevokeManyResult>;
  /** Ends every session, the current one included: the host's `onSignedOut` runs afterwards. */
  revokeAllSessions?: (params: RevokeManyParams) => Promise<RevokeManyResult>;
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
   * Which actions ask for the password before they run.
   * @default every action 'none'
   */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
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
  password: Record<ConfirmableAction, PasswordRequirement>;
}
