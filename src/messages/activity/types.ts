/**
 * The texts of the security activity section (SecurityActivity), apart from the list's own messages so a
 * page that shows no activity ships none of them. Pass a partial object to SecurityActivity's `messages`.
 */
export interface ActivityMessages {
  heading: string;
  /** Accessible name of the list of entries. */
  listLabel: string;
  loading: string;
  empty: string;
  /** The backend keeps no history (the provider has no `listActivity`). */
  unavailable: string;
  loadFailed: string;
  retry: string;
  showMore: string;
  signedIn: string;
  /** Consecutive failed sign-ins, grouped: "3 failed sign-in attempts". */
  failedSignIns: (count: number) => string;
  confirmationFailed: string;
  reauthenticated: string;
  signedOut: string;
  /** Ended by another of the user's devices. */
  revoked: string;
  revokedByAdmin: string;
  expired: string;
  sessionLimit: string;
  notMeReported: string;
  newDevice: string;
  thisDevice: string;
  stillSignedIn: string;
  /** "Ended Dec 3, 2:05 PM". */
  endedAt: (time: string) => string;
  /** The identifier a failed attempt used: "as ana@example.com". */
  triedAs: (identifier: string) => string;
  /** "This wasn't me?" on a recent sign-in from a new device. */
  notMe: string;
  /** Its accessible name: "This wasn't me: sign out Safari on iPhone". */
  notMeLabel: (device: string) => string;
  notMeTitle: (device: string) => string;
  notMeDescription: string;
  notMeConfirm: string;
  /** Announced once it is done, and shown in place of the button. */
  notMeDone: string;
  /** The admin console's log. */
  adminHeading: string;
  /** The log of one account, in a session's details. */
  accountHistory: string;
  /** The chart's title: "Sign-ins, last 30 days". */
  chartTitle: (days: number) => string;
  chartDay: string;
  chartSignIns: string;
  chartFailedSignIns: string;
  /** Who a failed sign-in with an unknown identifier was: no account. */
  noAccount: string;
  columnWhen: string;
  columnAccount: string;
  columnWhat: string;
  columnWhere: string;
}
