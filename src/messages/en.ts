import { formatDuration } from './duration.js';
import type { SessionsMessages } from './types.js';

const plural = new Intl.PluralRules('en');
const devices = (count: number) => `${count} ${plural.select(count) === 'one' ? 'device' : 'devices'}`;
const wait = (seconds: number) => formatDuration(seconds, 'en');

/** English, the default. */
export const enMessages: SessionsMessages = {
  listLabel: 'Devices where you are signed in',
  countHeading: (count) => `Signed in on ${devices(count)}`,
  loading: 'Loading your devices…',
  empty: 'You are not signed in on any device here.',
  listUnavailable: 'The list of devices is not available, but you can still sign out of other devices.',
  signedOut: 'You are signed out on this device.',
  retry: 'Try again',
  offline: 'Offline — showing what we last saw',

  deviceName: ({ browser, os }) => `${browser} on ${os}`,
  unknownDevice: 'Unknown device',
  numberedDevice: (device, n) => `${device} (${n})`,
  thisDevice: 'This device',
  trusted: 'Trusted',
  lastActive: (relative) => `Active ${relative}`,
  activeNow: 'Active now',
  signedInAt: (time) => `Signed in ${time}`,
  ipAddress: (ip) => `IP ${ip}`,
  location: ({ city, region, country }) => [city, region, country].filter(Boolean).join(', '),

  signOutSession: 'Sign out',
  signOutSessionLabel: (device) => `Sign out ${device}`,
  signOutThisDeviceLabel: 'Sign out of this device',
  signingOut: 'Signing out…',
  sessionRevoked: (device) => `Signed out ${device}`,
  signOutFailed: (reason) => `Could not sign you out. ${reason}`,
  sessionRevokeFailed: (device, reason) => `Could not sign out ${device}. ${reason}`,

  revokeOthers: 'Sign out other devices',
  revokeAll: 'Sign out everywhere',
  nothingToRevoke: 'No other devices are signed in.',
  revokedCount: (count) => `Signed out of ${devices(count)}`,
  signedOutOthers: 'Signed out of every other device.',
  signedOutEverywhere: 'Signed out everywhere.',

  confirmRevokeSessionTitle: (device) => `Sign out ${device}?`,
  confirmRevokeSessionDescription: (device) => `${device} will be signed out at once.`,
  confirmRevokeOthersTitle: 'Sign out other devices?',
  confirmRevokeOthersDescription: 'Every device except this one will be signed out at once.',
  confirmRevokeAllTitle: 'Sign out everywhere?',
  confirmRevokeAllDescription: 'Every device, this one included, will be signed out at once.',
  passwordHint: 'Enter your password to confirm.',
  passwordLabel: 'Password',
  cancel: 'Cancel',
  confirm: 'Sign out',
  confirming: 'Signing out…',

  reauthTitle: 'Confirm it is you',
  reauthDescription: 'For your security, enter your password again to see where you are signed in.',
  reauthSubmit: 'Confirm',
  reauthContinue: 'Confirm it is you',

  errors: {
    NETWORK: () => 'The server could not be reached. Check your connection and try again.',
    UNAUTHORIZED: () => 'You are signed out. Sign in again to continue.',
    REAUTH_REQUIRED: () => 'Please confirm your password to continue.',
    INVALID_PASSWORD: () => 'That password is not correct.',
    NOT_FOUND: () => 'That device is already signed out.',
    RATE_LIMITED: ({ retryAfter }) =>
      retryAfter
        ? `Too many attempts. Try again in ${wait(retryAfter)}.`
        : 'Too many attempts. Try again later.',
    FORBIDDEN: () => 'You are not allowed to do that.',
    INVALID_RESPONSE: () => 'The server sent an answer this page could not read.',
    UNKNOWN: () => 'Something went wrong. Try again.',
  },
};
