// Español (de usted), como los textos del lado del usuario.
import { esMessages } from '../../messages/es.js';
import { type AdminSessionsMessages, withAdminTexts } from './types.js';

const plural = new Intl.PluralRules('es');
const number = new Intl.NumberFormat('es');
const sessions = (n: number) => `${number.format(n)} ${plural.select(n) === 'one' ? 'sesión' : 'sesiones'}`;

export const adminEsMessages: AdminSessionsMessages = /* @__PURE__ */ withAdminTexts(esMessages, {
  tableLabel: 'Todas las sesiones',
  searchLabel: 'Buscar sesiones',
  searchPlaceholder: 'Correo, nombre, IP o navegador',
  statusLabel: 'Estado',
  statusActive: 'Activas',
  statusExpired: 'Caducadas',
  applicationLabel: 'Aplicación',
  allApplications: 'Todas las aplicaciones',
  total: sessions,
  columnUser: 'Usuario',
  columnDevice: 'Dispositivo',
  columnPlace: 'Lugar o IP',
  columnLastActive: 'Última actividad',
  columnCreated: 'Creada',
  columnExpires: 'Caduca',
  columnToken: 'Token',
  loading: 'Cargando sesiones…',
  loadingMore: 'Cargando más sesiones…',
  empty: 'Ninguna sesión coincide.',
  forbidden: 'No tiene permiso para ver todas las sesiones.',
  statsLabel: 'Estadísticas de sesiones',
  statTotalActive: 'Sesiones activas',
  statUniqueUsers: 'Usuarios conectados',
  statExpired: 'Sesiones caducadas',
  statStartedToday: 'Iniciadas hoy',
  detailsTitle: (user) => `Sesión de ${user}`,
  close: 'Cerrar',
  fieldUser: 'Usuario',
  fieldTokenPreview: 'Token (primeros 8 caracteres)',
  fieldCreated: 'Creada',
  fieldExpires: 'Caduca',
  fieldAge: 'Antigüedad',
  fieldStatus: 'Estado',
  fieldDevice: 'Dispositivo',
  fieldPlace: 'Lugar o IP',
  fieldApplication: 'Aplicación',
  valid: 'Válida',
  expired: 'Caducada',
  notFound: 'Esta sesión ya no existe.',
  revokeSession: 'Cerrar esta sesión',
  sessionRevoked: 'Sesión cerrada.',
  revokeUserSessions: 'Cerrar todas las sesiones de este usuario',
  confirmRevokeSessionTitle: (device, user) => `¿Cerrar la sesión de ${device} de ${user}?`,
  confirmRevokeSessionDescription:
    'Ese dispositivo se desconectará de inmediato; las demás sesiones del usuario seguirán abiertas.',
  confirmRevokeUserTitle: (user) => `¿Cerrar todas las sesiones de ${user}?`,
  confirmRevokeUserDescription: 'Todos los dispositivos de este usuario se desconectarán de inmediato.',
  userSessionsRevoked: (count) =>
    `${plural.select(count) === 'one' ? 'Se cerró' : 'Se cerraron'} ${sessions(count)}`,
});
