// Español (tú, como en los productos de consumo).
import { formatDuration } from './duration.js';
import type { SessionsMessages } from './types.js';

const plural = new Intl.PluralRules('es');
const number = new Intl.NumberFormat('es');
const devices = (n: number) =>
  `${number.format(n)} ${plural.select(n) === 'one' ? 'dispositivo' : 'dispositivos'}`;
const wait = (seconds: number) => formatDuration(seconds, 'es');

export const esMessages: SessionsMessages = {
  listLabel: 'Dispositivos en los que has iniciado sesión',
  countHeading: (count) => `Sesión iniciada en ${devices(count)}`,
  loading: 'Cargando tus dispositivos…',
  empty: 'No has iniciado sesión en ningún dispositivo aquí.',
  listUnavailable:
    'La lista de dispositivos no está disponible, pero aun así puedes cerrar sesión en los demás dispositivos.',
  signedOut: 'Has cerrado sesión en este dispositivo.',
  retry: 'Reintentar',
  offline: 'Sin conexión — se muestra el último estado conocido',

  deviceName: ({ browser, os }) => `${browser} en ${os}`,
  unknownDevice: 'Dispositivo desconocido',
  numberedDevice: (device, n) => `${device} (${n})`,
  thisDevice: 'Este dispositivo',
  trusted: 'De confianza',
  lastActive: (relative) => `Activo ${relative}`,
  activeNow: 'Activo ahora',
  signedInAt: (time) => `Sesión iniciada el ${time}`,
  ipAddress: (ip) => `IP ${ip}`,
  location: ({ city, region, country }) => [city, region, country].filter(Boolean).join(', '),

  signOutSession: 'Cerrar sesión',
  signOutSessionLabel: (device) => `Cerrar sesión en ${device}`,
  signOutThisDeviceLabel: 'Cerrar sesión en este dispositivo',
  signingOut: 'Cerrando sesión…',
  sessionRevoked: (device) => `Se cerró la sesión en ${device}`,
  signOutFailed: (reason) => `No se pudo cerrar tu sesión. ${reason}`,
  sessionRevokeFailed: (device, reason) => `No se pudo cerrar la sesión en ${device}. ${reason}`,

  revokeOthers: 'Cerrar sesión en otros dispositivos',
  revokeAll: 'Cerrar sesión en todas partes',
  nothingToRevoke: 'No hay sesión iniciada en otros dispositivos.',
  revokedCount: (count) => `Se cerró la sesión en ${devices(count)}`,
  signedOutOthers: 'Se cerró la sesión en todos los demás dispositivos.',
  signedOutEverywhere: 'Se cerró la sesión en todas partes.',

  confirmRevokeSessionTitle: (device) => `¿Cerrar sesión en ${device}?`,
  confirmRevokeSessionDescription: (device) => `La sesión en ${device} se cerrará de inmediato.`,
  confirmRevokeOthersTitle: '¿Cerrar sesión en otros dispositivos?',
  confirmRevokeOthersDescription: 'Se cerrará de inmediato la sesión en todos los dispositivos excepto este.',
  confirmRevokeAllTitle: '¿Cerrar sesión en todas partes?',
  confirmRevokeAllDescription: 'Se cerrará de inmediato la sesión en todos los dispositivos, incluido este.',
  passwordHint: 'Escribe tu contraseña para confirmar.',
  passwordLabel: 'Contraseña',
  cancel: 'Cancelar',
  confirm: 'Cerrar sesión',
  confirming: 'Cerrando sesión…',

  reauthTitle: 'Confirma que eres tú',
  reauthDescription: 'Por tu seguridad, vuelve a escribir tu contraseña para ver dónde has iniciado sesión.',
  reauthSubmit: 'Confirmar',
  reauthContinue: 'Confirmar que soy yo',

  errors: {
    NETWORK: () => 'No se pudo conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
    UNAUTHORIZED: () => 'Has cerrado sesión. Vuelve a iniciar sesión para continuar.',
    REAUTH_REQUIRED: () => 'Confirma tu contraseña para continuar.',
    INVALID_PASSWORD: () => 'La contraseña no es correcta.',
    NOT_FOUND: () => 'La sesión en ese dispositivo ya está cerrada.',
    RATE_LIMITED: ({ retryAfter }) =>
      retryAfter
        ? `Demasiados intentos. Vuelve a intentarlo en ${wait(retryAfter)}.`
        : 'Demasiados intentos. Vuelve a intentarlo más tarde.',
    FORBIDDEN: () => 'No tienes permiso para hacer eso.',
    INVALID_RESPONSE: () => 'El servidor envió una respuesta que esta página no puede leer.',
    UNKNOWN: () => 'Algo salió mal. Inténtalo de nuevo.',
  },
};
