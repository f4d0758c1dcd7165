import type { SessionsMessages, SessionsMessagesOverride } from '../../messages/types.js';

/** Every text of the admin console's own parts. Functions take counts and names, as on the user side. */
export interface AdminMessages {
  tableLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  statusLabel: string;
  statusActive: string;
  statusExpired: string;
  applicationLabel: string;
  allApplications: string;
  /** "12,345 sessions": how many match the filters. */
  total: (count: number) => string;
  columnUser: string;
  columnDevice: string;
  columnPlace: string;
  columnLastActive: string;
  columnCreated: string;
  columnExpires: string;
  columnToken: string;
  loading: string;
  loadingMore: string;
  empty: string;
  /** Shown for FORBIDDEN on what the console reads: the signed-in user is not an admin. */
  forbidden: string;
  statsLabel: string;
  statTotalActive: string;
  statUniqueUsers: string;
  statExpired: string;
  statStartedToday: string;
  detailsTitle: (user: string) => string;
  close: string;
  fieldUser: string;
  fieldTokenPreview: string;
  fieldCreated: string;
  fieldExpires: string;
  fieldAge: string;
  fieldStatus: string;
  fieldDevice: string;
  fieldPlace: string;
  fieldApplication: string;
  valid: string;
  expired: string;
  notFound: string;
  revokeSession: string;
  /** Shown in the details and announced after an admin signed a session out. */
  sessionRevoked: string;
  revokeUserSessions: string;
  /** The confirmation before one session is ended: its device and whose it is. */
  confirmRevokeSessionTitle: (device: string, user: string) => string;
  confirmRevokeSessionDescription: string;
  confirmRevokeUserTitle: (user: string) => string;
  confirmRevokeUserDescription: string;
  /** Shown and announced after all of a user's sessions were signed out: "Signed out 3 sessions". */
  userSessionsRevoked: (count: number) => string;
}

/**
 * Everything the console shows: the kit's texts its shared parts use (the confirmation dialog, device
 * names, places, error texts) and, under `admin`, its own.
 */
export type AdminSessionsMessages = SessionsMessages & { admin: AdminMessages };

/** A partial override: any of the kit's texts, `errors` per code, and any subset of `admin`. */
export type AdminSessionsMessagesOverride = SessionsMessagesOverride & { admin?: Partial<AdminMessages> };

/**
 * One shipped language of the console: the kit's texts in it, plus the console's own. A call (marked
 * pure) rather than an object spread, so a bundler drops the languages a host does not import.
 */
export function withAdminTexts(kit: SessionsMessages, admin: AdminMessages): AdminSessionsMessages {
  return { ...kit, admin };
}
