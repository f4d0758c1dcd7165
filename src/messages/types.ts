import type { SessionsErrorCode } from '../provider/SessionsError.js';

/** Arguments of an error message: RATE_LIMITED knows how long to wait. */
export interface ErrorMessageArgs {
  retryAfter?: number;
}

/**
 * Every text the kit shows or announces. Functions take counts and names so each language can place
 * them and pick its own plural forms. Pass a partial object to `SessionsProvider`'s `messages` to change
 * some; `errors` merges per code.
 */
export interface SessionsMessages {
  /** Accessible name of the list of sessions. */
  listLabel: string;
  /** The count heading: "Signed in on 3 devices". */
  countHeading: (count: number) => string;
  /** Announced while the list loads. */
  loading: string;
  /** Shown when the list is empty (e.g. nothing for this application). */
  empty: string;
  /** Shown when the backend cannot list sessions; revoke-all still works. */
  listUnavailable: string;
  /** Shown once the user is signed out on this device. */
  signedOut: string;
  retry: string;
  /** Beside the rows when a refresh could not reach the server: they are the last ones it sent. */
  offline: string;

  /** "Chrome on macOS". */
  deviceName: (parts: { browser: string; os: string }) => string;
  unknownDevice: string;
  /** Two devices of one name, told apart in their buttons' names: "Safari on iPhone (2)". */
  numberedDevice: (device: string, n: number) => string;
  thisDevice: string;
  trusted: string;
  /** "Active 5 minutes ago": `relative` comes from date-fns in the app's locale. */
  lastActive: (relative: string) => string;
  activeNow: string;
  /** "Signed in Dec 3, 2:05 PM": on rows whose device's name another row shares, to tell them apart. */
  signedInAt: (time: string) => string;
  /** Prefix for an IP address shown instead of a place. */
  ipAddress: (ip: string) => string;
  /** "Lisbon, Portugal". */
  location: (parts: { city?: string; region?: string; country?: string }) => string;

  /** Visible text of a row's sign-out button. */
  signOutSession: string;
  /** Accessible name of a row's sign-out button: "Sign out Chrome on macOS". */
  signOutSessionLabel: (device: string) => string;
  /** Accessible name of the current row's button. */
  signOutThisDeviceLabel: string;
  /** Shown while a row's sign-out is under way. */
  signingOut: string;
  /** Announced after a device was signed out: "Signed out Firefox on Windows". */
  sessionRevoked: (device: string) => string;
  /** Signing this device out failed: "Could not sign you out. <reason>". */
  signOutFailed: (reason: string) => string;
  /** Announced and shown in the row when its sign-out failed. */
  sessionRevokeFailed: (device: string, reason: string) => string;

  revokeOthers: string;
  revokeAll: string;
  /** Why "Sign out other devices" is disabled. */
  nothingToRevoke: string;
  /** "Signed out of 3 devices". */
  revokedCount: (count: number) => string;
  /** The same when the backend signed them out without saying how many (e.g. Better Auth). */
  signedOutOthers: string;
  signedOutEverywhere: string;

  /** Dialog titles and descriptions, per action. */
  confirmRevokeSessionTitle: (device: string) => string;
  confirmRevokeSessionDescription: (device: string) => string;
  confirmRevokeOthersTitle: string;
  confirmRevokeOthersDescription: string;
  confirmRevokeAllTitle: string;
  confirmRevokeAllDescription: string;
  /** Added to a dialog's description when it asks for the password. */
  passwordHint: string;
  passwordLabel: string;
  cancel: string;
  /** Submit button of the dialog. */
  confirm: string;
  confirming: string;

  reauthTitle: string;
  reauthDescription: string;
  reauthSubmit: string;
  /** Button when the host re-authenticates (no password field). */
  reauthContinue: string;

  /** One message per error code. */
  errors: Record<SessionsErrorCode, (args: ErrorMessageArgs) => string>;
}

/** A partial override: any top-level text, and any subset of `errors`. */
export type SessionsMessagesOverride = Partial<Omit<SessionsMessages, 'errors'>> & {
  errors?: Partial<SessionsMessages['errors']>;
};
