// Deutsch (formell, „Sie“).
import { formatDuration } from './duration.js';
import type { SessionsMessages } from './types.js';

const plural = new Intl.PluralRules('de');
const number = new Intl.NumberFormat('de');
const devices = (n: number) => `${number.format(n)} ${plural.select(n) === 'one' ? 'Gerät' : 'Geräten'}`;
const wait = (seconds: number) => formatDuration(seconds, 'de');

export const deMessages: SessionsMessages = {
  listLabel: 'Geräte, auf denen Sie angemeldet sind',
  countHeading: (count) => `Auf ${devices(count)} angemeldet`,
  loading: 'Ihre Geräte werden geladen …',
  empty: 'Sie sind hier auf keinem Gerät angemeldet.',
  listUnavailable:
    'Die Geräteliste ist nicht verfügbar, Sie können sich aber trotzdem auf anderen Geräten abmelden.',
  signedOut: 'Sie sind auf diesem Gerät abgemeldet.',
  retry: 'Erneut versuchen',
  offline: 'Offline – Sie sehen den zuletzt bekannten Stand',

  deviceName: ({ browser, os }) => `${browser} unter ${os}`,
  unknownDevice: 'Unbekanntes Gerät',
  numberedDevice: (device, n) => `${device} (${n})`,
  thisDevice: 'Dieses Gerät',
  trusted: 'Vertrauenswürdig',
  lastActive: (relative) => `Zuletzt aktiv ${relative}`,
  activeNow: 'Gerade aktiv',
  signedInAt: (time) => `Angemeldet am ${time}`,
  ipAddress: (ip) => `IP ${ip}`,
  location: ({ city, region, country }) => [city, region, country].filter(Boolean).join(', '),

  signOutSession: 'Abmelden',
  signOutSessionLabel: (device) => `${device} abmelden`,
  signOutThisDeviceLabel: 'Auf diesem Gerät abmelden',
  signingOut: 'Wird abgemeldet …',
  sessionRevoked: (device) => `${device} wurde abgemeldet`,
  signOutFailed: (reason) => `Abmelden fehlgeschlagen. ${reason}`,
  sessionRevokeFailed: (device, reason) => `${device} konnte nicht abgemeldet werden. ${reason}`,

  revokeOthers: 'Andere Geräte abmelden',
  revokeAll: 'Überall abmelden',
  nothingToRevoke: 'Auf keinem anderen Gerät angemeldet.',
  revokedCount: (count) => `Auf ${devices(count)} abgemeldet`,
  signedOutOthers: 'Auf allen anderen Geräten abgemeldet.',
  signedOutEverywhere: 'Überall abgemeldet.',

  confirmRevokeSessionTitle: (device) => `${device} abmelden?`,
  confirmRevokeSessionDescription: (device) => `${device} wird sofort abgemeldet.`,
  confirmRevokeOthersTitle: 'Andere Geräte abmelden?',
  confirmRevokeOthersDescription: 'Alle Geräte außer diesem werden sofort abgemeldet.',
  confirmRevokeAllTitle: 'Überall abmelden?',
  confirmRevokeAllDescription: 'Alle Geräte, auch dieses, werden sofort abgemeldet.',
  passwordHint: 'Geben Sie zur Bestätigung Ihr Passwort ein.',
  passwordLabel: 'Passwort',
  cancel: 'Abbrechen',
  confirm: 'Abmelden',
  confirming: 'Wird abgemeldet …',

  reauthTitle: 'Bestätigen Sie, dass Sie es sind',
  reauthDescription:
    'Geben Sie zu Ihrer Sicherheit Ihr Passwort erneut ein, um zu sehen, wo Sie angemeldet sind.',
  reauthSubmit: 'Bestätigen',
  reauthContinue: 'Identität bestätigen',

  errors: {
    NETWORK: () => 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    UNAUTHORIZED: () => 'Sie sind abgemeldet. Melden Sie sich erneut an, um fortzufahren.',
    REAUTH_REQUIRED: () => 'Bitte bestätigen Sie Ihr Passwort, um fortzufahren.',
    INVALID_PASSWORD: () => 'Das Passwort ist nicht korrekt.',
    NOT_FOUND: () => 'Dieses Gerät ist bereits abgemeldet.',
    RATE_LIMITED: ({ retryAfter }) =>
      retryAfter
        ? `Zu viele Versuche. Versuchen Sie es in ${wait(retryAfter)} erneut.`
        : 'Zu viele Versuche. Versuchen Sie es später erneut.',
    FORBIDDEN: () => 'Dazu sind Sie nicht berechtigt.',
    INVALID_RESPONSE: () => 'Der Server hat eine Antwort gesendet, die diese Seite nicht lesen kann.',
    UNKNOWN: () => 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
  },
};
