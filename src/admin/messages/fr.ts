// Français (vouvoiement), comme les textes côté utilisateur.
import { frMessages } from '../../messages/fr.js';
import { type AdminSessionsMessages, withAdminTexts } from './types.js';

const plural = new Intl.PluralRules('fr');
const number = new Intl.NumberFormat('fr');
const sessions = (n: number) => `${number.format(n)} ${plural.select(n) === 'one' ? 'session' : 'sessions'}`;

export const adminFrMessages: AdminSessionsMessages = /* @__PURE__ */ withAdminTexts(frMessages, {
  tableLabel: 'Toutes les sessions',
  searchLabel: 'Rechercher des sessions',
  searchPlaceholder: 'E-mail, nom, IP ou navigateur',
  statusLabel: 'État',
  statusActive: 'Actives',
  statusExpired: 'Expirées',
  applicationLabel: 'Application',
  allApplications: 'Toutes les applications',
  total: sessions,
  columnUser: 'Utilisateur',
  columnDevice: 'Appareil',
  columnPlace: 'Lieu ou IP',
  columnLastActive: 'Dernière activité',
  columnCreated: 'Créée le',
  columnExpires: 'Expire le',
  columnToken: 'Jeton',
  loading: 'Chargement des sessions…',
  loadingMore: 'Chargement d’autres sessions…',
  empty: 'Aucune session ne correspond.',
  forbidden: 'Vous n’êtes pas autorisé à voir toutes les sessions.',
  statsLabel: 'Statistiques des sessions',
  statTotalActive: 'Sessions actives',
  statUniqueUsers: 'Utilisateurs connectés',
  statExpired: 'Sessions expirées',
  statStartedToday: 'Ouvertes aujourd’hui',
  detailsTitle: (user) => `Session de ${user}`,
  close: 'Fermer',
  fieldUser: 'Utilisateur',
  fieldTokenPreview: 'Jeton (8 premiers caractères)',
  fieldCreated: 'Créée le',
  fieldExpires: 'Expire le',
  fieldAge: 'Âge',
  fieldStatus: 'État',
  fieldDevice: 'Appareil',
  fieldPlace: 'Lieu ou IP',
  fieldApplication: 'Application',
  valid: 'Valide',
  expired: 'Expirée',
  notFound: 'Cette session n’existe plus.',
  revokeSession: 'Déconnecter cette session',
  sessionRevoked: 'Session déconnectée.',
  revokeUserSessions: 'Déconnecter toutes les sessions de cet utilisateur',
  confirmRevokeSessionTitle: (device, user) => `Déconnecter ${device} de ${user} ?`,
  confirmRevokeSessionDescription:
    'Cet appareil sera déconnecté immédiatement ; les autres sessions de l’utilisateur restent ouvertes.',
  confirmRevokeUserTitle: (user) => `Déconnecter toutes les sessions de ${user} ?`,
  confirmRevokeUserDescription: 'Tous les appareils de cet utilisateur seront déconnectés immédiatement.',
  userSessionsRevoked: (count) =>
    `${sessions(count)} ${plural.select(count) === 'one' ? 'déconnectée' : 'déconnectées'}`,
});
