import { enMessages } from '../../messages/en.js';
import type { AdminSessionsMessages } from './types.js';

const plural = new Intl.PluralRules('en');
const number = new Intl.NumberFormat('en');
const sessions = (n: number) => `${number.format(n)} ${plural.select(n) === 'one' ? 'session' : 'sessions'}`;

/** English, the default. */
export const adminEnMessages: AdminSessionsMessages = {
  ...enMessages,
  admin: {
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
  },
};
