// Français (vouvoiement).
import { formatDuration } from './duration.js';
import type { SessionsMessages } from './types.js';

const plural = new Intl.PluralRules('fr');
const number = new Intl.NumberFormat('fr');
const devices = (n: number) => `${number.format(n)} ${plural.select(n) === 'one' ? 'appareil' : 'appareils'}`;
const wait = (seconds: number) => formatDuration(seconds, 'fr');

export const frMessages: SessionsMessages = {
  listLabel: 'Appareils sur lesquels vous êtes connecté',
  countHeading: (count) => `Connecté sur ${devices(count)}`,
  loading: 'Chargement de vos appareils…',
  empty: 'Vous n’êtes connecté sur aucun appareil ici.',
  listUnavailable:
    'La liste des appareils n’est pas disponible, mais vous pouvez tout de même vous déconnecter des autres appareils.',
  signedOut: 'Vous êtes déconnecté sur cet appareil.',
  retry: 'Réessayer',
  offline: 'Hors ligne — affichage du dernier état connu',

  deviceName: ({ browser, os }) => `${browser} sur ${os}`,
  unknownDevice: 'Appareil inconnu',
  numberedDevice: (device, n) => `${device} (${n})`,
  thisDevice: 'Cet appareil',
  trusted: 'De confiance',
  lastActive: (relative) => `Actif ${relative}`,
  activeNow: 'Actif maintenant',
  signedInAt: (time) => `Connecté le ${time}`,
  ipAddress: (ip) => `IP ${ip}`,
  location: ({ city, region, country }) => [city, region, country].filter(Boolean).join(', '),

  signOutSession: 'Déconnecter',
  signOutSessionLabel: (device) => `Déconnecter ${device}`,
  signOutThisDeviceLabel: 'Se déconnecter de cet appareil',
  signingOut: 'Déconnexion…',
  sessionRevoked: (device) => `${device} a été déconnecté`,
  signOutFailed: (reason) => `Impossible de vous déconnecter. ${reason}`,
  sessionRevokeFailed: (device, reason) => `Impossible de déconnecter ${device}. ${reason}`,

  revokeOthers: 'Déconnecter les autres appareils',
  revokeAll: 'Se déconnecter partout',
  nothingToRevoke: 'Aucun autre appareil n’est connecté.',
  revokedCount: (count) => `Déconnecté de ${devices(count)}`,
  signedOutOthers: 'Déconnecté de tous les autres appareils.',
  signedOutEverywhere: 'Déconnecté partout.',

  confirmRevokeSessionTitle: (device) => `Déconnecter ${device} ?`,
  confirmRevokeSessionDescription: (device) => `${device} sera déconnecté immédiatement.`,
  confirmRevokeOthersTitle: 'Déconnecter les autres appareils ?',
  confirmRevokeOthersDescription: 'Tous les appareils sauf celui-ci seront déconnectés immédiatement.',
  confirmRevokeAllTitle: 'Se déconnecter partout ?',
  confirmRevokeAllDescription: 'Tous les appareils, y compris celui-ci, seront déconnectés immédiatement.',
  passwordHint: 'Saisissez votre mot de passe pour confirmer.',
  passwordLabel: 'Mot de passe',
  cancel: 'Annuler',
  confirm: 'Déconnecter',
  confirming: 'Déconnexion…',

  reauthTitle: 'Confirmez votre identité',
  reauthDescription:
    'Pour votre sécurité, saisissez à nouveau votre mot de passe pour voir où vous êtes connecté.',
  reauthSubmit: 'Confirmer',
  reauthContinue: 'Confirmer mon identité',

  errors: {
    NETWORK: () => 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    UNAUTHORIZED: () => 'Vous êtes déconnecté. Reconnectez-vous pour continuer.',
    REAUTH_REQUIRED: () => 'Veuillez confirmer votre mot de passe pour continuer.',
    INVALID_PASSWORD: () => 'Ce mot de passe est incorrect.',
    NOT_FOUND: () => 'Cet appareil est déjà déconnecté.',
    RATE_LIMITED: ({ retryAfter }) =>
      retryAfter
        ? `Trop de tentatives. Réessayez dans ${wait(retryAfter)}.`
        : 'Trop de tentatives. Réessayez plus tard.',
    FORBIDDEN: () => 'Vous n’êtes pas autorisé à faire cela.',
    INVALID_RESPONSE: () => 'Le serveur a envoyé une réponse que cette page ne peut pas lire.',
    UNKNOWN: () => 'Une erreur s’est produite. Réessayez.',
  },
};
