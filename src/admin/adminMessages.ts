'use client';

import { createContext, useContext } from 'react';
import type { SessionsErrorCode } from '../provider/SessionsError.js';

/** Every text of the admin console. Override any of them with `AdminMessagesProvider`. */
export interface AdminMessages {
  tableLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  statusLabel: string;
  statusActive: string;
  statusExpired: string;
  applicationLabel: string;
  allApplications: string;
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
  /** Shown for FORBIDDEN: the signed-in user is not an admin. */
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
  sessionRevoked: string;
  revokeUserSessions: string;
  confirmRevokeUserTitle: (user: string) => string;
  confirmRevokeUserDescription: string;
  userSessionsRevoked: (count: number) => string;
  /** Admin-specific wording of an error; the user-side `errors` text is used when absent. */
  errors?: Partial<Record<SessionsErrorCode, string>>;
}

const plural = new Intl.PluralRules('en');
const number = new Intl.NumberFormat('en');
const sessions = (n: number) => `${number.format(n)} ${plural.select(n) === 'one' ? 'session' : 'sessions'}`;

export const adminEnMessages: AdminMessages = {
  tableLabel: 'All sessions',
  searchLabel: 'Search sessions',
  searchPlaceholder: 'Email, name, IP or browser',
  statusLabel: 'Status',
  statusActive: 'Active',
  statusExpired: 'Expired',
  applicationLabel: 'Application',
  allApplications: 'All applications',
  total: sessions,
  columnUser: 'User',
  columnDevice: 'Device',
  columnPlace: 'Place or IP',
  columnLastActive: 'Last active',
  columnCreated: 'Created',
  columnExpires: 'Expires',
  columnToken: 'Token',
  loading: 'Loading sessions…',
  loadingMore: 'Loading more sessions…',
  empty: 'No sessions match.',
  forbidden: 'You are not allowed to see all sessions.',
  statsLabel: 'Session statistics',
  statTotalActive: 'Active sessions',
  statUniqueUsers: 'Signed-in users',
  statExpired: 'Expired sessions',
  statStartedToday: 'Started today',
  detailsTitle: (user) => `Session of ${user}`,
  close: 'Close',
  fieldUser: 'User',
  fieldTokenPreview: 'Token (first 8 characters)',
  fieldCreated: 'Created',
  fieldExpires: 'Expires',
  fieldAge: 'Age',
  fieldStatus: 'Status',
  fieldDevice: 'Device',
  fieldPlace: 'Place or IP',
  fieldApplication: 'Application',
  valid: 'Valid',
  expired: 'Expired',
  notFound: 'This session no longer exists.',
  revokeSession: 'Sign out this session',
  sessionRevoked: 'Session signed out.',
  revokeUserSessions: "Sign out all of this user's sessions",
  confirmRevokeUserTitle: (user) => `Sign out every session of ${user}?`,
  confirmRevokeUserDescription: 'Every device of this user will be signed out at once.',
  userSessionsRevoked: (count) => `Signed out ${sessions(count)}`,
};

export const AdminMessagesContext = createContext<Partial<AdminMessages>>({});

/** Overrides some admin texts for everything below it. */
export const AdminMessagesProvider = AdminMessagesContext.Provider;

export function useAdminMessages(): AdminMessages {
  return { ...adminEnMessages, ...useContext(AdminMessagesContext) };
}
