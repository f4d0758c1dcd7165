// Deutsch (formell, „Sie“), wie die Texte der Nutzerseite.
import { deMessages } from '../../messages/de.js';
import { type AdminSessionsMessages, withAdminTexts } from './types.js';

const plural = new Intl.PluralRules('de');
const number = new Intl.NumberFormat('de');
const sessions = (n: number) => `${number.format(n)} ${plural.select(n) === 'one' ? 'Sitzung' : 'Sitzungen'}`;

export const adminDeMessages: AdminSessionsMessages = /* @__PURE__ */ withAdminTexts(deMessages, {
  tableLabel: 'Alle Sitzungen',
  searchLabel: 'Sitzungen durchsuchen',
  searchPlaceholder: 'E-Mail, Name, IP oder Browser',
  statusLabel: 'Status',
  statusActive: 'Aktiv',
  statusExpired: 'Abgelaufen',
  applicationLabel: 'Anwendung',
  allApplications: 'Alle Anwendungen',
  total: sessions,
  columnUser: 'Nutzer',
  columnDevice: 'Gerät',
  columnPlace: 'Ort oder IP',
  columnLastActive: 'Zuletzt aktiv',
  columnCreated: 'Erstellt',
  columnExpires: 'Läuft ab',
  columnToken: 'Token',
  loading: 'Sitzungen werden geladen …',
  loadingMore: 'Weitere Sitzungen werden geladen …',
  empty: 'Keine Sitzung passt.',
  forbidden: 'Sie dürfen nicht alle Sitzungen sehen.',
  statsLabel: 'Sitzungsstatistik',
  statTotalActive: 'Aktive Sitzungen',
  statUniqueUsers: 'Angemeldete Nutzer',
  statExpired: 'Abgelaufene Sitzungen',
  statStartedToday: 'Heute begonnen',
  detailsTitle: (user) => `Sitzung von ${user}`,
  close: 'Schließen',
  fieldUser: 'Nutzer',
  fieldTokenPreview: 'Token (erste 8 Zeichen)',
  fieldCreated: 'Erstellt',
  fieldExpires: 'Läuft ab',
  fieldAge: 'Alter',
  fieldStatus: 'Status',
  fieldDevice: 'Gerät',
  fieldPlace: 'Ort oder IP',
  fieldApplication: 'Anwendung',
  valid: 'Gültig',
  expired: 'Abgelaufen',
  notFound: 'Diese Sitzung gibt es nicht mehr.',
  revokeSession: 'Diese Sitzung abmelden',
  sessionRevoked: 'Sitzung abgemeldet.',
  revokeUserSessions: 'Alle Sitzungen dieses Nutzers abmelden',
  confirmRevokeSessionTitle: (device, user) => `${device} von ${user} abmelden?`,
  confirmRevokeSessionDescription:
    'Dieses Gerät wird sofort abgemeldet; die anderen Sitzungen des Nutzers bleiben.',
  confirmRevokeUserTitle: (user) => `Alle Sitzungen von ${user} abmelden?`,
  confirmRevokeUserDescription: 'Jedes Gerät dieses Nutzers wird sofort abgemeldet.',
  userSessionsRevoked: (count) => `${sessions(count)} abgemeldet`,
});
